"""The whole query string from one value: an OpenAPI 3.2 ``in: querystring`` parameter.

The parameter's schema describes the query string as one object; it is sent form-urlencoded
(``application/x-www-form-urlencoded``, the only media type the generator accepts for it),
each field of the object one ``name=value`` pair.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ._bodies import wire_value


def fields(value: Any) -> dict[str, Any]:
    """The query fields of ``value`` (a model or a mapping) for the transport's ``query``.

    A list is its field repeated (form style, exploded, as OpenAPI serializes a form); an
    object inside is its JSON (the form media type's default for an object field); a field
    that is None is not sent; a value of None sends no query string at all.
    """
    if value is None:
        return {}
    wire = wire_value(value)
    if not isinstance(wire, Mapping):
        raise TypeError(f"a query string is an object of fields, not {type(value).__name__}")
    return {str(name): _field(item) for name, item in wire.items()}


def _field(value: Any) -> Any:
    if isinstance(value, list):
        return [_json_if_structured(item) for item in value]
    return _json_if_structured(value)


def _json_if_structured(value: Any) -> Any:
    if isinstance(value, Mapping | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value
