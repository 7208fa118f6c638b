"""``x-pagination``: how an operation pages, in each style the runtime can follow.

One schema for the manifest's ``pagination`` section and for ``x-pagination`` in any spec, so
that a fact written by hand is checked the same wherever it is written (docs/manifest.md).
"""

from __future__ import annotations

from typing import Any

import jsonschema

from generator.shared.errors import SpecError

STYLES = ("offset", "page", "cursor", "link")
_POINTER = {"type": "string", "pattern": "^(/[^/]*)*$"}
_NAME = {"type": "string", "minLength": 1}
_HEADER = {"type": "string", "pattern": "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"}
_TOTALS = {"total": _POINTER, "total-header": _HEADER}


def _style(name: str, required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    # offset was the only style before there were others: an x-pagination without one is it
    style = {"const": name} if name != "offset" else {"enum": [name]}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["items", *required] + (["style"] if name != "offset" else []),
        "properties": {"style": style, "items": _POINTER, **properties},
    }


SCHEMA: dict[str, Any] = {
    "oneOf": [
        # query parameters: how many items to skip, and how many to answer
        _style("offset", ["offset", "limit"], {"offset": _NAME, "limit": _NAME, **_TOTALS}),
        # query parameters: the page number (counted from `first`, 1 by default) and its size
        _style(
            "page",
            ["page", "size"],
            {"page": _NAME, "size": _NAME, "first": {"type": "integer"}, **_TOTALS},
        ),
        # `next` points to the cursor in the body, or `last-item` to it in the last item (an id),
        # sent back as the query parameter `cursor`; `more`, a boolean in the body, that one
        # more page follows (pages end where it is not true)
        {
            **_style(
                "cursor",
                ["cursor"],
                {
                    "cursor": _NAME,
                    # where the cursor goes: a query parameter, or a field of the JSON body
                    "in": {"enum": ["query", "body"]},
                    "next": _POINTER,
                    "last-item": _POINTER,
                    "more": _POINTER,
                    "limit": _NAME,
                },
            ),
            "oneOf": [{"required": ["next"]}, {"required": ["last-item"]}],
        },
        # the next page's URL: the Link header's rel="next", or the body at `next`
        _style("link", [], {"next": _POINTER, "limit": _NAME}),
    ]
}


def check(facts: Any, where: str, file: Any = None) -> dict[str, Any]:
    """``facts`` when they are a valid x-pagination, else a ``SpecError`` saying where."""
    errors = sorted(
        jsonschema.Draft202012Validator(SCHEMA).iter_errors(facts), key=lambda e: e.path
    )
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        raise SpecError(f"x-pagination is not valid: {best.message}", file=file, pointer=where)
    assert isinstance(facts, dict)
    return facts
