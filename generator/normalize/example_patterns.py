"""The validator examples are checked with: JSON Schema 2020-12, its ``pattern`` keyword run by
the regex engine the generated models use.

Python's ``re`` backtracks, so a pattern with nested repetition takes exponential time on a
text it does not match: BeezUP's ``^(https?:\\/\\/)?...([\\/\\w \\.-]*)*\\/?$`` against an
example URL held normalization for minutes. pydantic-core's Rust engine matches in linear
time, and is what the models check a pattern with; a pattern it cannot take (look-around,
back-references) goes unchecked here, as the models leave it out (models_prepare).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import jsonschema
from jsonschema.exceptions import ValidationError

if TYPE_CHECKING:
    from pydantic_core import SchemaValidator


@cache
def _matcher(pattern: str) -> SchemaValidator | None:
    # Imported on the first pattern: most specs' examples have none (15 ms of a 0.45 s run).
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        return SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError:
        return None


def _pattern(
    validator: Any, pattern: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if not isinstance(pattern, str) or not validator.is_type(instance, "string"):
        return
    matcher = _matcher(pattern)
    if matcher is not None and not matcher.isinstance_python(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# jsonschema's extend() has no annotations (the validator classes it makes have)
ExampleValidator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator, {"pattern": _pattern}
)
