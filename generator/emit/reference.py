"""A package's ``api.md``: every resource, method, parameter and model on one page, linked.

The methods come from the client model; the models from the ``models.py`` that
datamodel-code-generator wrote, read back as a syntax tree (its classes, their fields with
type, alias, default and description, an enum's values), so the page says what the code says.
Every link is to an anchor of the page itself or to a file of the package.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from generator.client import code
from generator.client.type_refs import TypeRef
from generator.emit.module_pieces import read_in_pieces

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class FieldDoc:
    name: str  # the attribute
    wire: str  # the property name on the wire (its alias), or the attribute
    annotation: str  # the type as written in models.py
    required: bool
    description: str


@dataclass(frozen=True)
class ModelDoc:
    name: str
    kind: str  # "model", "enum" or "alias"
    description: str
    fields: tuple[FieldDoc, ...] = ()
    values: tuple[str, ...] = ()  # an enum's
    aliased: str = ""  # what a type alias stands for


# Anchors keep the case of the names (ids are case-sensitive: models `M` and `m` both exist in
# real specs), and each kind has its own prefix so that no two can meet.
def model_anchor(name: object) -> code.Code:
    return code.Code(f"model-{name}")


def resource_anchor(attribute: object) -> code.Code:
    return code.Code(f"resource-{attribute}")


def method_anchor(resource: object, method: object) -> code.Code:
    return code.Code(f"method-{resource}-{method}")


def models_of(source: str) -> tuple[ModelDoc, ...]:
    """The classes and type aliases of a ``models.py``, in its order (read a class at a time:
    ``module_pieces``)."""
    return tuple(doc for docs in read_in_pieces(source, _docs) for doc in docs)


def _docs(number: int, piece: str, tree: ast.Module) -> list[ModelDoc]:
    found = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found.append(_class(node))
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            alias = _type_alias(node.value)
            if isinstance(target, ast.Name) and alias is not None:
                found.append(ModelDoc(target.id, "alias", "", aliased=alias))
    return found


def _type_alias(value: ast.expr) -> str | None:
    """What ``TypeAliasType("Name", <type>)`` stands for."""
    if (
        isinstance(value, ast.Call)
        and ast.unparse(value.func) == "TypeAliasType"
        and len(value.args) >= 2
    ):
        return ast.unparse(value.args[1])
    return None


def _class(node: ast.ClassDef) -> ModelDoc:
    description = " ".join((ast.get_docstring(node) or "").split())
    bases = {ast.unparse(base) for base in node.bases}
    if bases & {"StrEnum", "IntEnum", "Enum"}:
        values = tuple(
            ast.unparse(member.value)
            for member in node.body
            if isinstance(member, ast.Assign) and member.value is not None
        )
        return ModelDoc(node.name, "enum", description, values=values)
    fields = tuple(
        _field(member)
        for member in node.body
        if isinstance(member, ast.AnnAssign)
        and isinstance(member.target, ast.Name)
        and member.target.id != "model_config"
    )
    if "RootModel" in " ".join(bases):
        return ModelDoc(node.name, "alias", description, aliased=" ".join(sorted(bases)))
    return ModelDoc(node.name, "model", description, fields)


def _field(member: ast.AnnAssign) -> FieldDoc:
    assert isinstance(member.target, ast.Name)
    annotation, keywords = member.annotation, {}
    if isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) == "Annotated":
        parts = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else []
        if parts:
            annotation = parts[0]
            for extra in parts[1:]:
                if isinstance(extra, ast.Call) and ast.unparse(extra.func) == "Field":
                    keywords = {k.arg: k.value for k in extra.keywords if k.arg}
    alias = keywords.get("alias")
    description = keywords.get("description")
    return FieldDoc(
        name=member.target.id,
        wire=str(alias.value) if isinstance(alias, ast.Constant) else member.target.id,
        annotation=ast.unparse(annotation),
        required=member.value is None,
        description=str(description.value) if isinstance(description, ast.Constant) else "",
    )


def linked_type(annotation: TypeRef | str, models: frozenset[str]) -> code.Code:
    """A type in Markdown text, each model class in it a link to the model's anchor: in
    ``models.py`` a class is named alone (``Job``), in a method as ``models.Job``."""
    text = str(annotation)
    pieces, end = [], 0
    for match in _NAME.finditer(text):
        name = match.group()
        start = match.start()
        if name == "models" and text[match.end() : match.end() + 1] == ".":
            continue  # the module part of `models.Job`; the class is linked below
        if name in models:
            start = start - len("models.") if text[:start].endswith("models.") else start
            pieces.append(_inline(text[end:start]))
            pieces.append(code.Code(f"[{code.markdown_inline(name)}](#{model_anchor(name)})"))
            end = match.end()
    pieces.append(_inline(text[end:]))
    return code.Code("".join(pieces))


def _inline(piece: str) -> str:
    """A piece of a type between links, escaped, keeping the space at either end."""
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() and piece.strip() else ""
    return lead + code.markdown_inline(piece) + trail


def model_names(models: tuple[ModelDoc, ...]) -> frozenset[str]:
    return frozenset(model.name for model in models)


def table_code(text: object) -> code.Code:
    """Text as a code span inside a Markdown table cell, where even there a ``|`` would end
    the cell (GitHub's tables take ``\\|``)."""
    return code.Code("`" + code.code_span(text).replace("|", "\\|") + "`")
