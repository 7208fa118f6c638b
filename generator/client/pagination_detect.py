"""How an operation pages, read from its spec alone, for operations no ``x-pagination`` describes.

Conservative by design: a style is detected only where the query parameters it drives AND the
answer's shape agree (an ``offset`` and a ``limit`` parameter and an answer that is a list, or
holds exactly one); a wrong guess would make ``iter_*`` loop or stop early, no guess only
leaves the caller to page by hand. The facts are those of an ``x-pagination``
(generator/shared/x_pagination.py), which the build then reads as if the spec had said them.

The styles, tried in this order (the server's own next-page pointer before counting):

- ``cursor``: a query parameter ``cursor``, ``page_token``, ``marker``... and a body field
  ``next_<that name>`` (``next_cursor``, ``nextPageToken``, also nested:
  ``response_metadata.next_cursor``, ``next_page.offset``), or a parameter ``next_page_token``
  and a field of that name;
- ``link`` (body): a field ``links.next`` (``_links.next.href``), ``nextLink``,
  ``@odata.nextLink``, ``next_page_url``, or ``next`` beside ``previous``;
- ``link`` (header): a ``Link`` response header;
- ``offset``: integer parameters ``offset``/``skip`` and ``limit``/``top``/``page_size``...;
- ``page``: integer parameters ``page``/``page_number`` and ``per_page``/``page_size``/``size``.

Totals: an integer body field ``total``, ``totalCount``, ``total_records``... or an
``X-Total-Count`` response header.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.client.media_types import kind as media_kind
from generator.shared import pointer as json_pointer

# names compared lower-case with everything but letters and digits dropped ("$skip" is "skip")
_OFFSETS = ("offset", "skip")
_LIMITS = ("limit", "top", "pagesize", "size", "maxresults", "perpage")
_PAGES = ("page", "pagenumber", "pageno")
_SIZES = ("perpage", "pagesize", "size", "limit", "pagelimit")
_CURSORS = (
    "cursor",
    "pagetoken",
    "nexttoken",
    "token",
    "continuationtoken",
    "marker",
    "nextcursor",
    "nextpagetoken",
    "offset",
)
_TOTALS = (
    "total",
    "totalcount",
    "totalrecords",
    "totalrecordcount",
    "totalresults",
    "totalitems",
    "totalelements",
    "totalsize",
)
_NEXT_LINKS = ("nextlink", "odatanextlink", "nextpageurl", "nexturl", "nextpagelink")
_LINK_GROUPS = ("links", "link")
_TOTAL_HEADERS = ("x-total-count", "x-total")

Resolve = Callable[[Any], Any]


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _types(schema: Any) -> set[str]:
    declared = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(declared, str):
        return {declared}
    return {t for t in declared if isinstance(t, str)} if isinstance(declared, list) else set()


def _is(schema: Any, *kinds: str) -> bool:
    """Whether the schema is one of ``kinds`` (besides null), and nothing else."""
    declared = _types(schema) - {"null"}
    return bool(declared) and declared <= set(kinds)


def properties_of(schema: Any, resolve: Resolve) -> dict[str, Any]:
    """The properties of an object schema, its allOf parts' included, each resolved."""
    schema = resolve(schema)
    if not isinstance(schema, dict):
        return {}
    found: dict[str, Any] = {}
    for part in schema.get("allOf") or []:
        found.update(properties_of(part, resolve))
    for name, value in (schema.get("properties") or {}).items():
        found[str(name)] = resolve(value)
    return found


def _answer(responses: Mapping[str, Any], resolve: Resolve) -> tuple[Any, set[str]] | None:
    """The JSON schema of the first success, and its response headers (lower case)."""
    for status, response in sorted(responses.items(), key=lambda pair: str(pair[0])):
        if not str(status).startswith("2"):
            continue
        response = resolve(response)
        if not isinstance(response, dict):
            return None
        headers = {str(name).lower() for name in response.get("headers") or {}}
        for media, content in (response.get("content") or {}).items():
            if media_kind(str(media).split(";")[0].strip().lower()) == "json" and isinstance(
                content, dict
            ):
                return resolve(content.get("schema")), headers
        return None
    return None


def _items(schema: Any, resolve: Resolve) -> str | None:
    """The pointer to the items: the whole answer when it is a list, else its only list."""
    if _is(schema, "array"):
        return ""
    lists = [n for n, s in properties_of(schema, resolve).items() if _is(s, "array")]
    return json_pointer.join("", lists[0]) if len(lists) == 1 else None


def _parameter(query: Mapping[str, dict[str, Any]], names: tuple[str, ...]) -> str | None:
    """The first query parameter (wire name) whose plain name is one of ``names``, integer."""
    for wanted in names:
        for name, parameter in query.items():
            if _plain(name) == wanted and _is(parameter.get("schema"), "integer"):
                return name
    return None


def _total(schema: Any, resolve: Resolve, headers: set[str]) -> dict[str, str]:
    for name, value in properties_of(schema, resolve).items():
        if _plain(name) in _TOTALS and _is(value, "integer"):
            return {"total": json_pointer.join("", name)}
    header = next((h for h in _TOTAL_HEADERS if h in headers), None)
    return {"total-header": header.title()} if header else {}


def _fields(schema: Any, resolve: Resolve) -> list[tuple[str, str, Any]]:
    """(pointer, plain name of the field and its parent, schema) of the answer's scalar fields,
    top level and one level down."""
    found: list[tuple[str, str, Any]] = []
    for name, value in properties_of(schema, resolve).items():
        found.append((json_pointer.join("", name), _plain(name), value))
        for inner, inner_value in properties_of(value, resolve).items():
            pointer = json_pointer.join("", name, inner)
            found.append((pointer, _plain(name) + "/" + _plain(inner), inner_value))
    return found


def _cursor(
    query: Mapping[str, dict[str, Any]], schema: Any, resolve: Resolve
) -> dict[str, Any] | None:
    fields = _fields(schema, resolve)
    for name, parameter in query.items():
        plain = _plain(name)
        if plain not in _CURSORS or not _is(parameter.get("schema"), "string", "integer"):
            continue
        wanted = {"next" + plain, "nextpage" + plain}
        if plain.startswith("next"):  # a parameter named as the field: next_page_token
            wanted.add(plain)
        for pointer, path, value in fields:
            parent, _, leaf = path.rpartition("/")
            named = leaf in wanted or (parent in ("next", "nextpage") and leaf == plain)
            if named and _is(value, "string", "integer"):
                return {"style": "cursor", "cursor": name, "next": pointer}
    return None


def _next_link(schema: Any, resolve: Resolve) -> str | None:
    properties = properties_of(schema, resolve)
    for name, value in properties.items():
        if _plain(name) in _NEXT_LINKS and _is(value, "string"):
            return json_pointer.join("", name)
    plain = {_plain(n): n for n in properties}
    if "next" in plain and "previous" in plain and _is(properties[plain["next"]], "string"):
        return json_pointer.join("", plain["next"])  # {count, next, previous, results}
    for name, value in properties.items():
        if _plain(name) not in _LINK_GROUPS:
            continue
        links = properties_of(value, resolve)
        following = next((v for n, v in links.items() if n == "next"), None)
        if _is(following, "string"):
            return json_pointer.join("", name, "next")
        if "href" in properties_of(following, resolve):
            return json_pointer.join("", name, "next", "href")
    return None


def detect_pagination(
    method: str, parameters: list[dict[str, Any]], responses: Any, resolve: Resolve
) -> dict[str, Any] | None:
    """The x-pagination facts of a GET whose parameters and answer agree on a style, or None."""
    if method.lower() != "get" or not isinstance(responses, dict):
        return None
    answer = _answer(responses, resolve)
    if answer is None:
        return None
    schema, headers = answer
    items = _items(schema, resolve)
    if items is None:
        return None
    query = {str(p["name"]): p for p in parameters if p.get("in") == "query"}
    size = _parameter(query, _LIMITS + _SIZES)
    with_size = {"limit": size} if size else {}
    if items:  # a cursor or a next link in the body needs a body besides the list
        cursor = _cursor(query, schema, resolve)
        if cursor is not None:
            return {**cursor, "items": items, **with_size}
        link = _next_link(schema, resolve)
        if link is not None:
            return {"style": "link", "items": items, "next": link, **with_size}
    if "link" in headers:
        return {"style": "link", "items": items, **with_size}
    totals = _total(schema, resolve, headers)
    offset, limit = _parameter(query, _OFFSETS), _parameter(query, _LIMITS)
    if offset and limit:
        return {"style": "offset", "offset": offset, "limit": limit, "items": items, **totals}
    page, page_size = _parameter(query, _PAGES), _parameter(query, _SIZES)
    if page and page_size:
        first = query[page].get("schema", {})
        start = first.get("default", first.get("minimum", 1))
        return {
            "style": "page",
            "page": page,
            "size": page_size,
            "items": items,
            "first": start if isinstance(start, int) and start in (0, 1) else 1,
            **totals,
        }
    return None
