"""Iterating over offset/limit collections, page by page, stopping exactly at the end."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from typing import TypeVar

P = TypeVar("P")
I = TypeVar("I")  # noqa: E741 - the item type


def _more(offset: int, got: int, limit: int, total: int | None) -> bool:
    if got == 0 or got < limit:
        return False  # an empty or short page is the last one
    return total is None or offset < total


def iter_offset_pages(
    fetch: Callable[[int, int], P],
    *,
    items: Callable[[P], Sequence[I]],
    total: Callable[[P], int | None],
    limit: int = 100,
    offset: int = 0,
) -> Iterator[I]:
    if limit <= 0:
        raise ValueError("page size must be positive")
    while True:
        page = fetch(offset, limit)
        found = items(page)
        yield from found
        offset += len(found)
        if not _more(offset, len(found), limit, total(page)):
            return


async def aiter_offset_pages(
    fetch: Callable[[int, int], Awaitable[P]],
    *,
    items: Callable[[P], Sequence[I]],
    total: Callable[[P], int | None],
    limit: int = 100,
    offset: int = 0,
) -> AsyncIterator[I]:
    if limit <= 0:
        raise ValueError("page size must be positive")
    while True:
        page = await fetch(offset, limit)
        found = items(page)
        for item in found:
            yield item
        offset += len(found)
        if not _more(offset, len(found), limit, total(page)):
            return
