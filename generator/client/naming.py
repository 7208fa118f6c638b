"""Python names for things named in a spec: safe, readable, and never colliding.

The words and the numbering are ``shared.naming``'s; this module makes them identifiers.
"""

from __future__ import annotations

import keyword

from generator.client.code import Code, identifier
from generator.shared.naming import numbered, words

# Names a generated method, attribute or parameter must not take: they would shadow what the
# generated code itself uses. Everything else the generated code names inside a function body
# starts with "_" or has a capital letter, which a snake_case name never has; these are the
# names that cannot: `self`, the `models` module and the builtins of type annotations (a
# nested function's annotations are looked up among the enclosing method's parameters).
RESERVED = frozenset(
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
    name = "_".join(word.lower() for word in words(text)) or "value"
    if name[0].isdigit():
        name = "n_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED:
        name += "_"
    return identifier(name)


def unique(name: str, taken: set[str]) -> Code:
    """``name``, or ``name_2``, ``name_3``... whichever is free; the result is taken."""
    candidate = numbered(name, taken)
    taken.add(candidate)
    return identifier(candidate)
