"""A large ``models.py`` as a package of small modules, each loaded on first use.

Importing a module of thousands of pydantic classes takes seconds (GitHub's 6,600 take 4.6 s),
whatever few of them a program uses. Split, ``models/__init__.py`` names every model and
imports none: ``models.Job`` (or ``from .models import Job``) imports the module that defines
``Job``, which imports the modules of the models it refers to, and nothing else.

The modules are cut from the text datamodel-code-generator wrote, statement by statement, so
every class stays exactly as it was:

- Statements that refer to each other in a cycle share a module (a strongly connected
  component of the graph of who names whom), so modules never import each other in a circle.
- A component only one other refers to (an inline object of one schema, an enum of one field)
  joins that one's module: no file per small class, and still no cycle, because a module
  reached from its only user cannot reach back.

Type checkers and editors read the names from ``if TYPE_CHECKING:`` imports of
``models/__init__.py``; the lazy ``__getattr__`` is hidden from them, so a misspelt name stays
an error rather than ``Any``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from generator.client import code
from generator.emit.lazy_package import lazy_init
from generator.emit.module_pieces import read_in_pieces
from generator.shared.graphs import strongly_connected
from generator.shared.naming import numbered, words

# Above this many classes and aliases a models module is split; below, one models.py stays the
# simplest thing to read (and imports in well under a second).
SPLIT_ABOVE = 400

# What a string can be if it is a type written ahead of its definition (``'list[Job] | None'``);
# descriptions and other text are not parsed.
_FORWARD_REFERENCE = re.compile(r"[\w.\[\]]+(?:\s*[|,]\s*[\w.\[\]]+)*")
_NAME = re.compile(r"[^\W\d]\w*")
# A statement's text as string literals (the contents of one-line ones), comments and names.
_TOKEN = re.compile(
    r'[rRbBuU]{0,2}(?:"""(?:\\.|[^\\])*?"""|'
    r"'''(?:\\.|[^\\])*?'''"
    r'|"(?P<string>(?:\\.|[^"\\\n])*)"'
    r"|'(?P<single>(?:\\.|[^'\\\n])*)')"
    r"|#[^\n]*"
    r"|(?P<name>[^\W\d]\w*)"
)


@dataclass(frozen=True)
class _Statement:
    text: str
    defines: tuple[str, ...]
    uses: frozenset[str]


@dataclass(frozen=True)
class SplitModels:
    """The files of ``models/``: file name -> text, and each model's module."""

    files: dict[str, str]
    homes: dict[str, str]  # model name -> module name (``_job``)


def split_models(source: str) -> SplitModels | None:
    """``source`` (a whole ``models.py``) as a package, or None when it has ``SPLIT_ABOVE``
    models or fewer."""
    docstring, header, statements = _read(source)
    if sum(len(s.defines) for s in statements) <= SPLIT_ABOVE:
        return None
    home_of = {name: index for index, s in enumerate(statements) for name in s.defines}
    refers_to = {
        index: {home_of[n] for n in s.uses if n in home_of} - {index}
        for index, s in enumerate(statements)
    }
    for index, statement in enumerate(statements):
        if not statement.defines:  # `Job.model_rebuild()`: it stays in the module of `Job`
            for target in refers_to[index]:
                refers_to[target].add(index)
    groups = _groups({index: sorted(targets) for index, targets in refers_to.items()})
    names = _module_names(groups, statements)
    imported = {
        alias.asname or alias.name.split(".")[0]: (node, alias)
        for node in header
        for alias in node.names
    }
    files: dict[str, str] = {}
    homes: dict[str, str] = {}
    group_of = {member: group for group, members in enumerate(groups) for member in members}
    for group, members in enumerate(groups):
        uses = frozenset().union(*(statements[m].uses for m in members))
        siblings: dict[str, list[str]] = {}
        for name in sorted(uses):
            other = group_of.get(home_of.get(name, -1), group)
            if other != group:
                siblings.setdefault(names[other], []).append(name)
        files[f"{names[group]}.py"] = _module_text(
            statements[members[0]].defines[0],
            [statements[m] for m in sorted(members)],
            uses,
            imported,
            siblings,
        )
        for member in members:
            homes.update(dict.fromkeys(statements[member].defines, names[group]))
    note = (
        "Each model lives in a module of its own with the models only it refers to, imported "
        "the first time it is used (``models.Job``, ``from .models import Job``): importing "
        "the package loads none of them."
    )
    files["__init__.py"] = lazy_init(f"{(docstring or 'Models.').strip()}\n\n{note}", homes)
    return SplitModels(files, homes)


def _read(source: str) -> tuple[str | None, list[ast.ImportFrom | ast.Import], list[_Statement]]:
    """The module's docstring, its imports and its statements after them (read a class at a
    time: ``module_pieces``)."""
    reader = _Reader()
    read_in_pieces(source, reader)
    return reader.docstring, reader.header, reader.statements


class _Reader:
    """The statements of each piece in turn; a piece numbered 0 starts the module (again, when
    it is read whole after all)."""

    def __call__(self, number: int, piece: str, tree: ast.Module) -> None:
        body = tree.body
        previous_end = 0  # the line the next statement's text starts after
        if number == 0:  # the docstring and the imports
            self.statements: list[_Statement] = []
            self.header: list[ast.ImportFrom | ast.Import] = []
            self.carried = ""  # what follows a piece's last statement goes with the next one
            self.docstring = ast.get_docstring(tree, clean=False)
            skipped = 0 if self.docstring is None else 1
            while skipped < len(body) and isinstance(
                node := body[skipped], (ast.Import, ast.ImportFrom)
            ):
                self.header.append(node)
                skipped += 1
            previous_end = (body[skipped - 1].end_lineno or 0) if skipped else 0
            body = body[skipped:]
        lines = piece.splitlines(keepends=True)
        statements = self.statements
        for node in body:
            # A statement's text runs from the end of the one before: comments stay with it.
            assert node.end_lineno is not None
            text = self.carried + "".join(lines[previous_end : node.end_lineno])
            text, self.carried = text.strip("\n") + "\n", ""
            previous_end = node.end_lineno
            if statements and _is_docstring(node):  # an alias's docstring goes with the alias
                last = statements[-1]
                statements[-1] = _Statement(last.text + text, last.defines, last.uses)
                continue
            statements.append(_Statement(text, _defined(node), frozenset(_used(text))))
        carried = "".join(lines[previous_end:]).strip("\n")
        self.carried = carried + "\n" if carried else ""


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _defined(node: ast.stmt) -> tuple[str, ...]:
    if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
        return (node.name,)
    if isinstance(node, ast.Assign):
        return tuple(t.id for t in node.targets if isinstance(t, ast.Name))
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return (node.target.id,)
    if isinstance(node, ast.Expr):  # a call on a model, `Job.model_rebuild()`
        return ()
    raise ValueError(f"models.py holds a statement the split does not know: {ast.dump(node)}")


def _used(text: str) -> set[str]:
    """The names a statement's text reads: its identifiers, also those inside string forward
    references (``'Job'``, ``'list[Job] | None'``), not the words of its docstrings.

    Read from the text rather than the syntax tree, which takes ten times as long to walk on
    a large spec. A name it reads more than the code does (a keyword spelt as a model's name)
    only makes one module import another that it did not need.
    """
    used = set()
    for token in _TOKEN.finditer(text):
        name, string = token.group("name"), token.group("string") or token.group("single")
        if name is not None:
            used.add(name)
        elif string is not None and _FORWARD_REFERENCE.fullmatch(string):
            used.update(_NAME.findall(string))
    return used


def _groups(edges: dict[int, list[int]]) -> list[list[int]]:
    """The statements of each module: strongly connected components, each joined to its only
    user's module where it has one."""
    components = strongly_connected(edges)
    component_of = {m: c for c, members in enumerate(components) for m in members}
    users: dict[int, set[int]] = {c: set() for c in range(len(components))}
    for source, targets in edges.items():
        for target in targets:
            if component_of[source] != component_of[target]:
                users[component_of[target]].add(component_of[source])
    joined: dict[int, int] = {}
    # Users come before what they use in reversed order: a user's module is settled first.
    for component in reversed(range(len(components))):
        only = users[component]
        joined[component] = joined[next(iter(only))] if len(only) == 1 else component
    members: dict[int, list[int]] = {}
    for component in range(len(components)):  # what is used first: stable module order
        members.setdefault(joined[component], []).extend(components[component])
    # each module's statements in the order of the file, the one all others joined first
    return [
        [min(components[root]), *sorted(set(group) - {min(components[root])})]
        for root, group in members.items()
    ]


def _module_names(groups: list[list[int]], statements: list[_Statement]) -> list[str]:
    """``_job`` for the module of ``Job``: its main statement's name, snake_case."""
    taken: set[str] = {"__init__"}
    names = []
    for members in groups:
        first = statements[members[0]].defines[0]
        name = numbered("_" + "_".join(words(first)).lower(), taken)
        taken.add(name)
        names.append(name)
    return names


def _module_text(
    main: str,
    statements: list[_Statement],
    uses: frozenset[str],
    imported: dict[str, tuple[ast.ImportFrom | ast.Import, ast.alias]],
    siblings: dict[str, list[str]],
) -> str:
    """The module of ``main`` (the model the others joined) and of ``statements``, in order."""
    others = sum(len(s.defines) for s in statements) - 1
    joined = {0: "", 1: " and 1 model that goes with it"}.get(
        others, f" and {others} models that go with it"
    )
    about = f"``{main}``{joined}: part of the package's ``models``, loaded on first use."
    # (printed after the opening quotes, followed by the closing ones)
    lines = [f'"""{code.docstring(about, 0, 3, 3)}"""', "", "from __future__ import annotations"]
    for node, alias in (imported[name] for name in sorted(uses) if name in imported):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            bound = f" as {alias.asname}" if alias.asname else ""
            lines.append(f"from {node.module} import {alias.name}{bound}")
        elif isinstance(node, ast.Import):
            lines.append(f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else ""))
    for module, names in siblings.items():
        lines.append(f"from .{module} import {', '.join(names)}")
    return "\n".join(lines) + "\n\n\n" + "\n\n\n".join(s.text for s in statements)
