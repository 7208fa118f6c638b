"""The Python type of a parameter, a body or an answer, as data.

The client model says what a schema became (a model class, a builtin, a literal, a list, a
union) and leaves the printing to the templates: ``{{ parameter.annotation }}`` prints a type
reference through ``code()``, the one way it becomes an annotation. Code that needs to know what
a type is (is it a model? which one? a literal of which values?) asks the data, never the text.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

from generator.client import code


class TypeRef(ABC):
    """A Python type, printed as an annotation by ``code()``."""

    @abstractmethod
    def code(self) -> code.Code:
        """This type as a checked annotation of the generated code."""

    def __str__(self) -> str:
        return self.code()


@dataclass(frozen=True)
class Builtin(TypeRef):
    """A type every generated module imports: ``str``, ``int``, ``JsonValue``, ``FileInput``..."""

    name: str

    def code(self) -> code.Code:
        return code.annotation(self.name)  # (None is a keyword, not an identifier)


@dataclass(frozen=True)
class Model(TypeRef):
    """The class (or type alias) of a component schema in the package's ``models`` module."""

    schema: str  # the component's name in the spec
    class_name: str  # its name in models.py, as datamodel-code-generator made it

    def code(self) -> code.Code:
        return code.fill("models.{}", code.identifier(self.class_name))


@dataclass(frozen=True)
class LiteralOf(TypeRef):
    """``Literal['a', 'b']``: the values a string enum allows (one or more)."""

    values: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.values:  # `Literal[]` is no Python: the builder must not ask for it
            raise ValueError("a literal of no values")

    def code(self) -> code.Code:
        return code.fill("Literal[{}]", code.join(", ", map(code.literal, self.values)))


@dataclass(frozen=True)
class ListOf(TypeRef):
    item: TypeRef

    def code(self) -> code.Code:
        return code.fill("list[{}]", self.item.code())


@dataclass(frozen=True)
class UnionOf(TypeRef):
    """Two or more types; made by ``union``, which flattens and drops repeats."""

    members: tuple[TypeRef, ...]

    def code(self) -> code.Code:
        return code.join(" | ", (member.code() for member in self.members))


STR = Builtin("str")
INT = Builtin("int")
FLOAT = Builtin("float")
BOOL = Builtin("bool")
BYTES = Builtin("bytes")
NONE = Builtin("None")
JSON_VALUE = Builtin("JsonValue")  # pydantic's: any JSON value, for a schema that says nothing
FILE_INPUT = Builtin("FileInput")  # the runtime's: a path, bytes or a file to upload


def union(types: Iterable[TypeRef]) -> TypeRef:
    """The union of ``types`` in their order, each once (nested unions flattened), ``None``
    last wherever it came (ruff's RUF036, and how people write it)."""
    members: dict[TypeRef, None] = {}
    for member in types:
        for flat in member.members if isinstance(member, UnionOf) else (member,):
            members[flat] = None
    if not members:
        raise ValueError("a union of no types")
    if NONE in members:
        del members[NONE]
        members[NONE] = None
    return next(iter(members)) if len(members) == 1 else UnionOf(tuple(members))


def optional(type_: TypeRef) -> TypeRef:
    """``type_ | None``."""
    return union((type_, NONE))
