"""datamodel-code-generator's output mended in one parse of the module (``tidied``).

Stray ``union_mode`` arguments are removed (or moved onto the union they are about), so are
field-only ``Field`` arguments where no field is, class docstrings rewrapped to the line length
and pydantic's protected names allowed where a field is named like one of its methods.
"""

from __future__ import annotations

import ast
import re
import textwrap

from generator.client.code import LINE_LENGTH

_INDENTATION = re.compile(r"[ \t\f]*")


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_union_members(node.left), *_union_members(node.right)]
    return [node]


def _is_union(node: ast.expr) -> bool:
    """Two or more types besides None: ``X | None`` is nullable to pydantic, not a union."""
    members = [
        m for m in _union_members(node) if not (isinstance(m, ast.Constant) and m.value is None)
    ]
    return len(members) >= 2


def _named(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


class _Text:
    """Offsets into a module's text by ``ast`` positions (lines from 1, columns in bytes)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def offset(self, line: int, byte_column: int) -> int:
        text = self.lines[line - 1]
        column = byte_column if text.isascii() else len(text.encode()[:byte_column].decode())
        return self.starts[line - 1] + column


# An edit of a module's text: replace [start, end) with the text.
_Edit = tuple[int, int, str]


def tidied(source: str) -> str:
    """The module with stray ``union_mode`` removed, docstrings wrapped and pydantic's
    protected names allowed, from one parse (a second per 1.5 MB of models; GitHub's are 3 MB).
    """
    text = _Text(source)
    tree = ast.parse(source)
    # Every node, walked once for all the edits: a walk of GitHub's 530,000 nodes takes 0.4 s.
    nodes = list(ast.walk(tree))
    edits = sorted(
        [
            *_stray_union_mode_edits(nodes, text),
            *_field_only_edits(nodes, text),
            *_docstring_edits(nodes, text),
            *_protected_name_edits(tree, text),
            *_conflicting_base_field_edits(tree, text),
        ]
    )
    pieces, done = [], 0
    for start, end, replacement in edits:  # in order, copying each stretch of text once
        if start < done and not replacement:  # two removed arguments share their comma
            start = min(done, end)
        pieces += [source[done:start], replacement]
        done = max(done, end)
    return "".join([*pieces, source[done:]])


# What pydantic takes from a Field() only on a model's field; anywhere else (a type alias, a
# union member, a list's items) it warns on import that the argument has no effect.
_FIELD_ONLY = frozenset(
    {
        "alias",
        "validation_alias",
        "serialization_alias",
        "default",
        "default_factory",
        "exclude",
        "deprecated",
        "repr",
        "validate_default",
        "frozen",
        "init",
        "init_var",
        "kw_only",
    }
)


def _field_only_edits(nodes: list[ast.AST], text: _Text) -> list[_Edit]:
    """Field-only ``Field`` arguments removed where the ``Annotated`` is not a field's own.

    datamodel-code-generator gives a ``const: null`` member of a union ``Field(None)`` (its
    default) also where it names it as a type alias: pydantic warned at every import.
    """
    fields = {
        id(statement.annotation)
        for node in nodes
        if isinstance(node, ast.ClassDef)
        for statement in node.body
        if isinstance(statement, ast.AnnAssign)
    }
    edits: list[_Edit] = []
    for node in nodes:
        if not (isinstance(node, ast.Subscript) and _named(node.value, "Annotated")):
            continue
        if id(node) in fields or not isinstance(node.slice, ast.Tuple):
            continue
        for metadata in node.slice.elts[1:]:
            if not (isinstance(metadata, ast.Call) and _named(metadata.func, "Field")):
                continue
            keywords = [k for k in metadata.keywords if k.arg in _FIELD_ONLY]
            arguments: list[ast.expr | ast.keyword] = [*metadata.args[:1], *keywords]
            for argument in arguments:  # the first positional one is the default
                start = text.offset(argument.lineno, argument.col_offset)
                end = text.offset(
                    argument.end_lineno or argument.lineno, argument.end_col_offset or 0
                )
                edits.append((*_with_comma(text.source, start, end), ""))
    return edits


# Field names pydantic warns about on import (its protected namespaces), although
# datamodel-code-generator already renamed the ones that would shadow a method
# (`model_validate` -> `model_validate_`).
_PROTECTED = ("model_validate", "model_dump")


def _fields(node: ast.ClassDef) -> dict[str, ast.AnnAssign]:
    return {
        s.target.id: s
        for s in node.body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }


def _conflicting_base_field_edits(tree: ast.Module, text: _Text) -> list[_Edit]:
    """A field two bases of a model declare differently, declared in the model itself.

    datamodel-code-generator writes an ``allOf`` of several parts as a class with a base per
    part; where two parts declare one property differently (required in one, optional in the
    other), mypy refuses the class ("Definition of ... in base class ... is incompatible").
    ``allOf`` means every part holds, so the model takes the strictest: a base's required
    declaration, else the first base's.
    """
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    edits: list[_Edit] = []
    for node in classes.values():
        bases = [classes[b.id] for b in node.bases if isinstance(b, ast.Name) and b.id in classes]
        if len(bases) < 2 or not node.body:
            continue
        own = _fields(node)
        declared: dict[str, list[ast.AnnAssign]] = {}
        for base in bases:
            for name, statement in _fields(base).items():
                declared.setdefault(name, []).append(statement)
        added = []
        for name, statements in declared.items():
            shapes = {
                ast.dump(s.annotation) + ast.dump(s.value or ast.Constant(...)) for s in statements
            }
            if name in own or len(statements) < 2 or len(shapes) < 2:
                continue
            chosen = next((s for s in statements if s.value is None), statements[0])
            segment = ast.get_source_segment(text.source, chosen)
            if segment is not None:
                added.append("\n    " + segment)
        if added:
            last = node.body[-1]
            at = text.offset(last.end_lineno or last.lineno, last.end_col_offset or 0)
            edits.append((at, at, "".join(added)))
    return edits


def _protected_name_edits(tree: ast.Module, text: _Text) -> list[_Edit]:
    """``protected_namespaces=()`` in the config of each model with a field named like
    pydantic's own methods (a wire name ``model_dump_json``), so that importing the module
    prints no warning."""
    edits: list[_Edit] = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = [
            s.target.id
            for s in node.body
            if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
        ]
        if not any(f.startswith(_PROTECTED) for f in fields):
            continue
        for statement in node.body:
            config = statement.value if isinstance(statement, ast.Assign) else None
            if isinstance(config, ast.Call) and _named(config.func, "ConfigDict"):
                if config.keywords:
                    last = config.keywords[-1]
                    at = text.offset(last.end_lineno or last.lineno, last.end_col_offset or 0)
                    edits.append((at, at, ", protected_namespaces=()"))
                else:
                    at = text.offset(config.end_lineno or config.lineno, config.end_col_offset or 0)
                    edits.append((at - 1, at - 1, "protected_namespaces=()"))
    return edits


def _stray_union_mode_edits(nodes: list[ast.AST], text: _Text) -> list[_Edit]:
    """``Field(union_mode=...)`` only where the annotation is a union, and on the union itself
    where the ``Field`` also constrains the value.

    datamodel-code-generator puts our ``union_mode`` on every field that came from an
    anyOf/oneOf, also where the union collapsed to a single type (``Any``, a shape it cannot
    express), and beside constraints that make pydantic wrap the union first; either way
    pydantic then refuses to import the module.
    """
    if "union_mode=" not in text.source:
        return []
    edits: list[_Edit] = []
    for node in nodes:
        if not (isinstance(node, ast.Subscript) and _named(node.value, "Annotated")):
            continue
        if not isinstance(node.slice, ast.Tuple):
            continue
        annotation = node.slice.elts[0]
        for metadata in node.slice.elts[1:]:
            if not (isinstance(metadata, ast.Call) and _named(metadata.func, "Field")):
                continue
            for argument in metadata.keywords:
                if argument.arg != "union_mode":
                    continue
                union = _is_union(annotation)
                constrained = any(other.arg in _CONSTRAINTS for other in metadata.keywords)
                if union and not constrained:
                    continue  # where it belongs
                start = text.offset(argument.lineno, argument.col_offset)
                end = text.offset(
                    argument.end_lineno or argument.lineno, argument.end_col_offset or 0
                )
                edits.append((*_with_comma(text.source, start, end), ""))
                if union:
                    edits.extend(_on_the_union(annotation, text, text.source[start:end]))
    return edits


# Field arguments pydantic applies to a union as a whole by wrapping it in a validator
# (`type: [integer, number]` with `minimum`), after which `union_mode` has no union to act on.
_CONSTRAINTS = frozenset(
    {
        "gt",
        "ge",
        "lt",
        "le",
        "multiple_of",
        "min_length",
        "max_length",
        "pattern",
        "strict",
        "allow_inf_nan",
        "max_digits",
        "decimal_places",
    }
)


def _on_the_union(union: ast.expr, text: _Text, union_mode: str) -> list[_Edit]:
    """``U`` -> ``Annotated[U, Field(union_mode=...)]``: the union keeps its mode and the outer
    ``Field`` its constraints, each applied to what it is about."""
    start = text.offset(union.lineno, union.col_offset)
    end = text.offset(union.end_lineno or union.lineno, union.end_col_offset or 0)
    return [(start, start, "Annotated["), (end, end, f", Field({union_mode})]")]


def _with_comma(source: str, start: int, end: int) -> tuple[int, int]:
    """The span of a keyword argument and the comma that separates it from a neighbour.

    Looks only at the characters around the span: slicing the rest of a 3 MB module once per
    edit would copy it each time.
    """
    after = end
    while after < len(source) and source[after].isspace():
        after += 1
    if after < len(source) and source[after] == ",":
        return start, after + 1
    before = start
    while before > 0 and source[before - 1].isspace():
        before -= 1
    if before > 0 and source[before - 1] == ",":
        return before - 1, end
    return start, end


def _spaced(line: str) -> str:
    lead = _INDENTATION.match(line).group()  # type: ignore[union-attr]
    return lead.replace("\f", "").expandtabs(8) + line[len(lead) :]


def _docstring_edits(nodes: list[ast.AST], text: _Text) -> list[_Edit]:
    """Class docstrings rewrapped to the line length (ruff format does not wrap docstrings)."""
    edits: list[_Edit] = []
    for node in nodes:
        if not isinstance(node, ast.ClassDef) or not node.body:
            continue
        first = node.body[0]
        if not (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
            and first.end_lineno is not None
        ):
            continue
        block = text.lines[first.lineno - 1 : first.end_lineno]
        # indentation of spaces only, as ruff format would make it (a tab to the next 8th column)
        block = [_spaced(line) for line in block]
        if block == text.lines[first.lineno - 1 : first.end_lineno] and all(
            len(line) <= LINE_LENGTH for line in block
        ):
            continue
        wrapped: list[str] = []
        for line in block:
            if len(line) <= LINE_LENGTH:
                wrapped.append(line)
                continue
            indent = line[: len(line) - len(line.lstrip())]
            wrapped.extend(
                textwrap.wrap(
                    line.strip(),
                    width=LINE_LENGTH,
                    initial_indent=indent,
                    subsequent_indent=indent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        start = text.starts[first.lineno - 1]
        end = text.starts[first.end_lineno] - 1  # up to the last line's newline
        edits.append((start, end, "\n".join(wrapped)))
    return edits
