"""Python names for things named in a spec: safe, readable, and never colliding."""

from __future__ import annotations

import keyword
import re

from generator.client.code import Code, identifier

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
