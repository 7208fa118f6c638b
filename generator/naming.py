"""Python names for things named in a spec: safe, readable, and never colliding."""

from __future__ import annotations

import keyword
import re
import sys

from generator.code import Code, identifier

_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9a-zA-Z]+")

# Names a generated method, attribute or parameter must not take: they would shadow what the
# generated code itself uses. Everything else the generated code names inside a function body
# starts with "_" or has a capital letter, which a snake_case name never has; these are the
# names that cannot: `self`, the `models` module and the builtins of type annotations (a
# nested function's annotations are looked up among the enclosing method's parameters).
_RESERVED = frozenset(
    {
        "self",
        "cls",
        "timeout",
        "extra_headers",
        "with_raw_response",
        "models",
        "str",
        "bytes",
        "int",
        "float",
        "bool",
        "list",
    }
)


# What every generated client imports: the dependencies its pyproject declares and theirs. A
# client package of the same name would shadow one of them and break itself.
_CLIENT_DEPENDENCIES = frozenset(
    {
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "sniffio",
        "idna",
        "certifi",
        "pydantic",
        "pydantic_core",
        "annotated_types",
        "typing_inspection",
        "typing_extensions",
        "defusedxml",
    }
)
_PACKAGE_SHAPE = re.compile(r"[a-z][a-z0-9_]*")
PACKAGE_RULE = "lower-case letters, digits and _, starting with a letter"


def package_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a generated client's package, or None when it can.

    The one rule for a manifest's ``package`` and ``generate --package``: the name is a folder
    under the output (so no separators, no ``.`` or ``..``) and an importable module that
    shadows nothing the client or its users import.
    """
    if not _PACKAGE_SHAPE.fullmatch(name):
        return f"a package name is {PACKAGE_RULE}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return "a package name cannot be a Python keyword"
    if name in sys.stdlib_module_names:
        return "a package name cannot be a standard library module's"
    if name in _CLIENT_DEPENDENCIES:
        return "a package name cannot be that of a package the client imports"
    return None


def snake_case(text: str) -> Code:
    """``getJobById`` -> ``get_job_by_id``, ``X-Okapi-Tenant`` -> ``x_okapi_tenant``."""
    words = _NOT_WORD.sub(" ", _BOUNDARY.sub(" ", text)).split()
    name = "_".join(word.lower() for word in words) or "value"
    if name[0].isdigit():
        name = "n_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _RESERVED:
        name += "_"
    return identifier(name)


def pascal_case(text: str) -> str:
    """``batch-tracking`` -> ``BatchTracking``, ``jobs`` -> ``Jobs``; a part of a name (``None``
    is one), checked once it is whole."""
    words = _NOT_WORD.sub(" ", _BOUNDARY.sub(" ", text)).split()
    name = "".join(word[:1].upper() + word[1:] for word in words) or "Value"
    return "N" + name if name[0].isdigit() else name


def unique(name: str, taken: set[str]) -> Code:
    """``name``, or ``name_2``, ``name_3``... whichever is free; the result is taken."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}_{number}", number + 1
    taken.add(candidate)
    return identifier(candidate)
