"""The items of a paginated collection, page by page, stopping exactly at the end.

Four styles: offset/limit (``iter_offset_pages``), page number and size (``iter_numbered_pages``),
a cursor the answer gives for the next request (``iter_cursor_pages``) and a next link, in the
``Link`` header or the body (``iter_link_pages``); each has its async twin.
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Hashable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx
from pydantic import BaseModel, RootModel

from . import _access, _links
from ._errors import PaginationError
from ._response import APIResponse

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")
BodyT = TypeVar("BodyT")


@dataclass(frozen=True)
class Page(Generic[BodyT]):
    """One answer: its parsed body, and the headers and URL a next link or a total needs;
    ``origin`` is the client's base URL, the only origin a next link may lead to (the answer's
    own URL may be another, after a redirect)."""

    body: BodyT
    headers: Mapping[str, str]
    url: str
    origin: str

    def links(self) -> list[str]:
        """The ``Link`` header values (a server may send several)."""
        get_list = getattr(self.headers, "get_list", None)
        if get_list is not None:
            return list(get_list("link"))
        value = self.headers.get("link")
        return [] if value is None else [value]


def page_of(response: APIResponse[BodyT], origin: str) -> Page[BodyT]:
    return Page(response.parse(), response.headers, str(response.http_response.url), origin)


def items_at(body: Any, pointer: str) -> list[Any]:
    """The items at ``pointer`` in a parsed answer ([] where absent), a root model's list too."""
    found = _access.value_at(body, pointer)
    if isinstance(found, RootModel):
        found = found.root
    return list(found) if isinstance(found, list) else []


def header_total(headers: Mapping[str, str], name: str) -> int | None:
    """The count a header such as ``X-Total-Count`` gives; None unless a plain integer."""
    value = (headers.get(name) or "").strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _check(limit: int, offset: int) -> None:
    if limit <= 0:
        raise ValueError(f"the page size must be positive, not {limit}")
    if offset < 0:
        raise ValueError(f"the offset must not be negative, not {offset}")


def _is_last(offset: int, got: int, limit: int, total: object) -> bool:
    """Whether the page just read (ending before ``offset``, ``got`` items) is the last one."""
    if got == 0:
        return True
    # The total is the server's: anything but an integer (a bool, a string) is no total.
    if isinstance(total, int) and not isinstance(total, bool):
        # A known total decides, so no request goes past the end. A short page before it is
        # not the end: the server may allow fewer items per page than were asked for.
        return offset >= total
    return got < limit


def _check_new(offset: int, found: Sequence[ItemT], previous: Sequence[ItemT]) -> None:
    """Refuse a page that brings nothing the page before did not: a server that ignores the
    offset (or loops) would otherwise be asked for the same page for ever."""
    if found and previous and all(item in previous for item in found):
        raise PaginationError(
            f"the page at offset {offset} brings no item the page before did not: "
            "the server does not move through the collection",
            offset=offset,
        )


def iter_offset_pages(
    fetch: Callable[[int, int], PageT],
    *,
    items: Callable[[PageT], Sequence[ItemT]],
    total: Callable[[PageT], int | None],
    limit: int = 100,
    offset: int = 0,
) -> Iterator[ItemT]:
    """Every item from ``offset`` on, fetching ``limit`` at a time with ``fetch(offset, limit)``.

    ``items`` and ``total`` read a page's items and the collection's size (None when the system
    does not say). Iteration ends when the offset reaches the total, or, with no total, at a
    page shorter than ``limit``, and always at an empty page. A page whose items were all on
    the page before (a server that ignores the offset) raises ``PaginationError``. Pages are
    fetched as needed; a bad ``limit`` or ``offset`` raises ``ValueError`` at once, not at the
    first item.
    """
    _check(limit, offset)

    def pages(offset: int) -> Iterator[ItemT]:
        previous: Sequence[ItemT] = ()
        while True:
            page = fetch(offset, limit)
            found = items(page)
            _check_new(offset, found, previous)
            previous = found
            yield from found
            offset += len(found)
            if _is_last(offset, len(found), limit, total(page)):
                return

    return pages(offset)


def aiter_offset_pages(
    fetch: Callable[[int, int], Awaitable[PageT]],
    *,
    items: Callable[[PageT], Sequence[ItemT]],
    total: Callable[[PageT], int | None],
    limit: int = 100,
    offset: int = 0,
) -> AsyncIterator[ItemT]:
    """``iter_offset_pages`` for an awaitable ``fetch``: an async iterator of the items."""
    _check(limit, offset)

    async def pages(offset: int) -> AsyncIterator[ItemT]:
        previous: Sequence[ItemT] = ()
        while True:
            page = await fetch(offset, limit)
            found = items(page)
            _check_new(offset, found, previous)
            previous = found
            for item in found:
                yield item
            offset += len(found)
            if _is_last(offset, len(found), limit, total(page)):
                return

    return pages(offset)


def _is_short(got: int, size: int, largest: int) -> bool:
    """A page shorter than asked for and than an earlier page: the last one. A first short
    page is not, on its own: the server may allow fewer items per page than were asked for."""
    return got < size and got < largest


def iter_numbered_pages(
    fetch: Callable[[int, int], PageT],
    *,
    items: Callable[[PageT], Sequence[ItemT]],
    total: Callable[[PageT], int | None],
    size: int = 100,
    first: int = 1,
) -> Iterator[ItemT]:
    """Every item, fetching pages ``first``, ``first + 1``, ... with ``fetch(page, size)``.

    Iteration ends once as many items as the total came, or, with no total, at a page shorter
    than an earlier one, and always at an empty page. A page whose items were all on the page
    before (a server that ignores the page number) raises ``PaginationError``.
    """
    _check(size, 0)

    def pages(number: int) -> Iterator[ItemT]:
        previous: Sequence[ItemT] = ()
        seen = largest = 0
        while True:
            page = fetch(number, size)
            found = items(page)
            _check_new(seen, found, previous)
            previous = found
            yield from found
            seen += len(found)
            if _is_last(seen, len(found), 0, total(page)) or _is_short(len(found), size, largest):
                return
            largest, number = max(largest, len(found)), number + 1

    return pages(first)


def aiter_numbered_pages(
    fetch: Callable[[int, int], Awaitable[PageT]],
    *,
    items: Callable[[PageT], Sequence[ItemT]],
    total: Callable[[PageT], int | None],
    size: int = 100,
    first: int = 1,
) -> AsyncIterator[ItemT]:
    """``iter_numbered_pages`` for an awaitable ``fetch``: an async iterator of the items."""
    _check(size, 0)

    async def pages(number: int) -> AsyncIterator[ItemT]:
        previous: Sequence[ItemT] = ()
        seen = largest = 0
        while True:
            page = await fetch(number, size)
            found = items(page)
            _check_new(seen, found, previous)
            previous = found
            for item in found:
                yield item
            seen += len(found)
            if _is_last(seen, len(found), 0, total(page)) or _is_short(len(found), size, largest):
                return
            largest, number = max(largest, len(found)), number + 1

    return pages(first)


class _Cursors:
    """The cursors given so far: a missing or empty one ends, a repeated one is an error."""

    def __init__(self) -> None:
        self.seen: set[Hashable] = set()
        self.items = 0

    def next(self, cursor: Any, found: int) -> Any:
        self.items += found
        if cursor is None or cursor == "" or not isinstance(cursor, Hashable):
            return None
        if cursor in self.seen:
            raise PaginationError(
                f"the server gives the cursor {cursor!r} a second time: "
                "it does not move through the collection",
                offset=self.items,
            )
        self.seen.add(cursor)
        return cursor


def iter_cursor_pages(
    fetch: Callable[[Any], PageT],
    *,
    items: Callable[[PageT], Sequence[ItemT]],
    cursor: Callable[[PageT], Any],
) -> Iterator[ItemT]:
    """Every item, fetching ``fetch(None)`` first and then ``fetch(c)`` with the cursor ``c``
    the page before gave (``cursor(page)``), until a page gives none (absent or empty). A
    cursor given a second time raises ``PaginationError``: the server would loop."""

    def pages() -> Iterator[ItemT]:
        cursors = _Cursors()
        current = None
        while True:
            page = fetch(current)
            found = items(page)
            yield from found
            current = cursors.next(cursor(page), len(found))
            if current is None:
                return

    return pages()


def aiter_cursor_pages(
    fetch: Callable[[Any], Awaitable[PageT]],
    *,
    items: Callable[[PageT], Sequence[ItemT]],
    cursor: Callable[[PageT], Any],
) -> AsyncIterator[ItemT]:
    """``iter_cursor_pages`` for an awaitable ``fetch``: an async iterator of the items."""

    async def pages() -> AsyncIterator[ItemT]:
        cursors = _Cursors()
        current = None
        while True:
            page = await fetch(current)
            found = items(page)
            for item in found:
                yield item
            current = cursors.next(cursor(page), len(found))
            if current is None:
                return

    return pages()


def next_cursor(
    body: Any,
    *,
    items: str,
    next: str | None = None,
    last_item: str | None = None,
    more: str | None = None,
) -> Any:
    """The cursor an answer gives for the next page: at ``next`` in the body, or at
    ``last_item`` in its last item (Stripe's ``starting_after`` takes the last item's id).
    None, the end, where ``more`` points to anything but true (``has_more``), and where the
    last item has no cursor: a cursor that names no item would start from the beginning."""
    if more is not None and _access.value_at(body, more) is not True:
        return None
    if last_item is None:
        return None if next is None else _access.value_at(body, next)
    found = items_at(body, items)
    return _access.value_at(found[-1], last_item) if found else None


ModelT = TypeVar("ModelT", bound=BaseModel)


def with_cursor(body: ModelT, name: str, cursor: Any) -> ModelT:
    """The request body the caller gave with its field ``name`` (wire name) set to ``cursor``:
    AWS's JSON protocol sends the next token in the body. The body as given for the first page
    (``cursor`` None)."""
    if cursor is None:
        return body
    for field_name, field in type(body).model_fields.items():
        if (field.alias or field_name) == name:
            # not validated: the token is the server's, and goes back exactly as it came
            return body.model_copy(update={field_name: cursor})
    # the generator checked that the body's model has the field
    raise AssertionError(f"{type(body).__name__} has no field {name!r}")


def link_header_next(page: Page[Any]) -> str | None:
    """The ``rel="next"`` target of the page's ``Link`` headers."""
    return _links.target(page.links(), "next")


class _Links:
    """The next links so far: resolved against the page's URL, never to another origin."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.items = 0

    def next(self, page: Page[Any], link: Any, found: int) -> str | None:
        self.items += found
        self.seen.add(page.url)
        if not isinstance(link, str) or not link.strip():
            return None
        try:
            url = _links.resolve(page.url, link.strip())
        except httpx.InvalidURL as error:
            raise PaginationError(
                f"the next link {link!r} is no URL: {error}", offset=self.items
            ) from None
        if not _links.same_origin(url, page.origin):
            # the client's credentials would go with the request: never follow it
            raise PaginationError(
                f"the next link {str(url)!r} leads off {page.origin!r} to another origin: "
                "not followed",
                offset=self.items,
            )
        if str(url) in self.seen:
            raise PaginationError(
                f"the next link {str(url)!r} was followed before: "
                "the server does not move through the collection",
                offset=self.items,
            )
        return str(url)


def iter_link_pages(
    fetch: Callable[[str | None], Page[BodyT]],
    *,
    items: Callable[[Page[BodyT]], Sequence[ItemT]],
    next_link: Callable[[Page[BodyT]], Any] = link_header_next,
) -> Iterator[ItemT]:
    """Every item, fetching ``fetch(None)`` first and then ``fetch(url)`` with the next link
    of the page before (``next_link(page)``: the ``Link`` header's ``rel="next"`` unless told
    otherwise), resolved against that page's URL, until a page has none. A link to another
    origin, or one followed before, raises ``PaginationError``."""

    def pages() -> Iterator[ItemT]:
        links = _Links()
        url = None
        while True:
            page = fetch(url)
            found = items(page)
            yield from found
            url = links.next(page, next_link(page), len(found))
            if url is None:
                return

    return pages()


def aiter_link_pages(
    fetch: Callable[[str | None], Awaitable[Page[BodyT]]],
    *,
    items: Callable[[Page[BodyT]], Sequence[ItemT]],
    next_link: Callable[[Page[BodyT]], Any] = link_header_next,
) -> AsyncIterator[ItemT]:
    """``iter_link_pages`` for an awaitable ``fetch``: an async iterator of the items."""

    async def pages() -> AsyncIterator[ItemT]:
        links = _Links()
        url = None
        while True:
            page = await fetch(url)
            found = items(page)
            for item in found:
                yield item
            url = links.next(page, next_link(page), len(found))
            if url is None:
                return

    return pages()
