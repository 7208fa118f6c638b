"""How an operation pages, read from its spec alone, for operations no ``x-pagination`` describes.

Conservative by design: a style is detected only where the query parameters it drives AND the
answer's shape agree (an ``offset`` and a ``limit`` parameter and an answer that is a list, or
holds exactly one); a wrong guess would make ``iter_*`` loop or stop early, no guess only
leaves the caller to page by hand. The facts are those of an ``x-pagination``
(generator/shared/x_pagination.py), which the build then reads as if the spec had said them.

The styles, tried in this order (the server's own next-page pointer before counting):

- ``cursor``: a query parameter ``cursor``, ``page_token``, ``marker``, ``continue``... and a
  body field ``next_<that name>`` (``next_cursor``, ``nextPageToken``, ``NextMarker``, also
  nested up to three levels: ``response_metadata.next_cursor``, ``next_page.offset``), or a
  field of the very name where the name can only mean the next one (``cursor``, ``continue``:
  ``metadata.continue``, also ``next_page_token`` and the like);
- ``cursor`` from the last item: a query parameter ``starting_after`` (or ``after``), an
  answer with a boolean ``has_more`` and items that have an ``id``, which is the next cursor;
- ``link`` (body): a field ``links.next`` (``_links.next.href``), ``nextLink``,
  ``@odata.nextLink``, ``next_page_url``, ``next_page_uri`` (also one level down:
  ``meta.next_page_url``), or ``next`` beside ``previous`` or declared a URL;
- ``link`` (header): a ``Link`` response header;
- ``offset``: integer parameters ``offset``/``skip`` and ``limit``/``top``/``page_size``...;
- ``page``: integer parameters ``page``/``page_number`` and ``per_page``/``page_size``/``size``.

Totals: an integer body field ``total``, ``totalCount``, ``total_records``... or an
``X-Total-Count`` response header.

The page size the cursor and link styles send is never OData's ``$top``: that caps the whole
collection, not a page, so the iterator would stop after ``page_size`` items.

Azure's ``x-ms-pageable`` (``nextLinkName``, ``itemName``) is a declaration, read as one.

A POST pages only in AWS's JSON protocol: a ``NextToken`` in the required JSON request body
and in the answer (``cursor`` with ``"in": "body"``); the caller's body is sent again with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.client.media_types import kind as media_kind
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError

# names compared lower-case with everything but letters and digits dropped ("$skip" is "skip")
_OFFSETS = ("offset", "skip")
_LIMITS = ("limit", "top", "pagesize", "size", "maxresults", "perpage")
_PAGES = ("page", "pagenumber", "pageno")
_SIZES = ("perpage", "pagesize", "size", "limit", "pagelimit")
_CURSORS = (
    "cursor",
    "continue",
    "page",  # a page token, or number, the answer's next_page gives (Stripe's searches)
    "pagetoken",
    "nexttoken",
    "token",
    "continuationtoken",
    "marker",
    "nextcursor",
    "nextpagetoken",
    "offset",
)
# a body field named as the parameter is its next value only for names that mean nothing else
# (a body's ``offset`` or ``marker`` may echo the request's)
_SAME_NAMED = ("cursor", "continue", "continuationtoken")
# Stripe's: the parameter takes the id of the last item seen; the answer says whether more come
_AFTER_ITEM = ("startingafter", "after", "afterid")
_MORE = ("hasmore", "hasnext", "hasnextpage")
# the page size of the styles that follow the server's pointer: not ``top`` (see above)
_PAGE_SIZES = ("limit", "pagesize", "perpage", "size", "maxresults", "maxpagesize", "pagelimit")
# lists an answer may hold beside its items: never the items
_NOT_ITEMS = ("errors", "warnings")
_URL_FORMATS = ("uri", "uri-reference", "url", "iri", "iri-reference")
_DEPTH = 3  # how deep in the answer a cursor is looked for (response_metadata.next_cursor)
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
_NEXT_LINKS = (
    "nextlink",
    "odatanextlink",
    "nextpageurl",
    "nexturl",
    "nextpagelink",
    "nextpageuri",
    "nexturi",
)
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


# what a schema may say beside a reference without changing what the value is
_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
    }
)


def _annotated(schema: Any, resolve: Resolve) -> Any:
    """The schema an ``allOf`` of one schema and annotations stands for, resolved: 3.0 allows no
    description beside a ``$ref``, so AWS's specs write ``allOf: [{$ref}, {description}]``."""
    schema = resolve(schema)
    for _ in range(8):  # a bound, not a walk: a schema may be an allOf of itself
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        if not isinstance(parts, list) or not set(schema) <= _ANNOTATIONS | {"allOf"}:
            return schema
        resolved = [resolve(part) for part in parts]
        meaning = [p for p in resolved if not (isinstance(p, dict) and set(p) <= _ANNOTATIONS)]
        if len(meaning) != 1:
            return schema
        schema = meaning[0]
    return schema


def properties_of(
    schema: Any, resolve: Resolve, _within: frozenset[int] = frozenset()
) -> dict[str, Any]:
    """The properties of an object schema, its allOf parts' included, each resolved (and seen
    through an allOf that only annotates it)."""
    schema = resolve(schema)
    if not isinstance(schema, dict) or id(schema) in _within:  # an allOf part of itself
        return {}
    found: dict[str, Any] = {}
    for part in schema.get("allOf") or []:
        found.update(properties_of(part, resolve, _within | {id(schema)}))
    for name, value in (schema.get("properties") or {}).items():
        found[str(name)] = _annotated(value, resolve)
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
    """The pointer to the items: the whole answer when it is a list, else its only list (an
    ``errors`` list beside it is not one: Square's answers carry both)."""
    if _is(schema, "array"):
        return ""
    lists = [n for n, s in properties_of(schema, resolve).items() if _is(s, "array")]
    if len(lists) > 1:
        lists = [name for name in lists if _plain(name) not in _NOT_ITEMS]
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


def _fields(
    schema: Any, resolve: Resolve, pointer: str = "", path: str = "", depth: int = _DEPTH
) -> list[tuple[str, str, Any]]:
    """(pointer, plain names of the field and its parents, schema) of the answer's fields, top
    level first, down to ``depth`` levels."""
    found: list[tuple[str, str, Any]] = []
    inner: list[tuple[str, str, Any]] = []
    for name, value in properties_of(schema, resolve).items():
        here, named = json_pointer.join(pointer, name), f"{path}/{_plain(name)}".lstrip("/")
        found.append((here, named, value))
        if depth > 1 and not _is(value, "array"):
            inner += _fields(value, resolve, here, named, depth - 1)
    return found + inner


def _cursor(
    query: Mapping[str, dict[str, Any]], schema: Any, resolve: Resolve
) -> dict[str, Any] | None:
    fields = _fields(schema, resolve)
    for name, parameter in query.items():
        plain = _plain(name)
        if plain not in _CURSORS or not _is(parameter.get("schema"), "string", "integer"):
            continue
        wanted = {"next" + plain, "nextpage" + plain}
        if plain.startswith("next") or plain in _SAME_NAMED:  # next_page_token, cursor
            wanted.add(plain)
        # a query is text: a string parameter takes back a number too, a number only a number
        sent = _types(parameter.get("schema")) - {"null"}
        sent |= {"integer"} if "string" in sent else set()
        for pointer, path, value in fields:
            parent, _, leaf = path.rpartition("/")
            parent = parent.rpartition("/")[2]
            named = leaf in wanted or (parent in ("next", "nextpage") and leaf == plain)
            # the value goes back as the parameter, and is no URL (that is a next link)
            if named and _is(value, *sent) and value.get("format") not in _URL_FORMATS:
                return {"style": "cursor", "cursor": name, "next": pointer}
    return None


def _after_item(
    query: Mapping[str, dict[str, Any]], schema: Any, items: str, resolve: Resolve
) -> dict[str, Any] | None:
    """Stripe's style: the parameter ``starting_after`` takes the last item's ``id`` while the
    answer's ``has_more`` is true."""
    name = next(
        (
            n
            for n, p in query.items()
            if _plain(n) in _AFTER_ITEM and _is(p.get("schema"), "string", "integer")
        ),
        None,
    )
    if name is None or not items:
        return None
    properties = properties_of(schema, resolve)
    more = next(
        (n for n, s in properties.items() if _plain(n) in _MORE and _is(s, "boolean")), None
    )
    listed = properties.get(json_pointer.unescape(items[1:]))
    item = properties_of(listed.get("items"), resolve) if isinstance(listed, dict) else {}
    if more is None or not _is(item.get("id"), "string", "integer"):
        return None
    return {
        "style": "cursor",
        "cursor": name,
        "last-item": "/id",
        "more": json_pointer.join("", more),
    }


def _next_link(schema: Any, resolve: Resolve) -> str | None:
    properties = properties_of(schema, resolve)
    # top level first, then one level down (Twilio's meta.next_page_url)
    for pointer, path, value in _fields(schema, resolve, depth=2):
        if path.rpartition("/")[2] in _NEXT_LINKS and _is(value, "string"):
            return pointer
    plain = {_plain(n): n for n in properties}
    following: Any = properties.get(plain.get("next", ""))
    if _is(following, "string") and (
        "previous" in plain or following.get("format") in _URL_FORMATS
    ):
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


def _body_cursor(request_body: Any, schema: Any, resolve: Resolve) -> dict[str, Any] | None:
    """AWS's JSON protocol: a POST whose required JSON body has a ``NextToken`` (or a
    ``cursor``) that its answer has too, a string both sides: the answer's is the next one."""
    body = resolve(request_body)
    if not isinstance(body, dict) or not body.get("required"):
        return None
    sent = next(
        (
            properties_of(content.get("schema"), resolve)
            for media, content in (body.get("content") or {}).items()
            if media_kind(str(media).split(";")[0].strip().lower()) == "json"
            and isinstance(content, dict)
        ),
        {},
    )
    answered = properties_of(schema, resolve)
    for name, value in sent.items():
        plain = _plain(name)
        named = plain in _SAME_NAMED or (plain.startswith("next") and plain.endswith("token"))
        if named and _is(value, "string") and _is(answered.get(name), "string"):
            return {
                "style": "cursor",
                "cursor": name,
                "in": "body",
                "next": json_pointer.join("", name),
            }
    return None


def detect_pagination(
    method: str,
    parameters: list[dict[str, Any]],
    responses: Any,
    resolve: Resolve,
    request_body: Any = None,
) -> dict[str, Any] | None:
    """The x-pagination facts of a GET whose parameters and answer agree on a style, or of a
    POST whose request body and answer share a next token; else None."""
    method = method.lower()
    if method not in ("get", "post") or not isinstance(responses, dict):
        return None
    answer = _answer(responses, resolve)
    if answer is None:
        return None
    schema, headers = answer
    items = _items(schema, resolve)
    if items is None or (method == "post" and not items):
        return None
    if method == "post":
        cursor = _body_cursor(request_body, schema, resolve)
        return None if cursor is None else {**cursor, "items": items}
    query = {str(p["name"]): p for p in parameters if p.get("in") == "query"}
    size = _parameter(query, _PAGE_SIZES)
    with_size = {"limit": size} if size else {}
    if items:  # a cursor or a next link in the body needs a body besides the list
        cursor = _cursor(query, schema, resolve) or _after_item(query, schema, items, resolve)
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


def ms_pageable(
    method: str, parameters: list[dict[str, Any]], declared: Any, where: str
) -> dict[str, Any] | None:
    """The x-pagination facts of Azure's ``x-ms-pageable``: the items at ``itemName`` ("value"
    unless named), the next page at the URL in ``nextLinkName``. None where ``nextLinkName`` is
    null (the answer is the whole collection) or the operation is no GET: its next page is a
    GET of the link, which ``iter_*`` (sending the operation's own method) cannot make."""
    names = declared if isinstance(declared, dict) else {}
    link, item = names.get("nextLinkName"), names.get("itemName", "value")
    if (
        not isinstance(declared, dict)
        or not isinstance(link, str | None)
        or not isinstance(item, str)
    ):
        raise SpecError(
            "x-ms-pageable is not valid: nextLinkName must be a string or null, itemName a string",
            pointer=where,
        )
    if link is None or method.lower() != "get":
        return None
    query = {str(p["name"]): p for p in parameters if p.get("in") == "query"}
    size = _parameter(query, _PAGE_SIZES)
    facts = {
        "style": "link",
        "items": json_pointer.join("", item),
        "next": json_pointer.join("", link),
    }
    return {**facts, **({"limit": size} if size else {})}
