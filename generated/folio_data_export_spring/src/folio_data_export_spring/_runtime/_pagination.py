"""The items of an offset/limit collection, page by page, stopping exactly at the end."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TypeVar

from ._errors import PaginationError

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")


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
