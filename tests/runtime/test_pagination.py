"""Offset pagination: every item once, and exactly the requests needed, sync and async."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from runtime._errors import APIError, PaginationError
from runtime._pagination import aiter_offset_pages, iter_offset_pages

Page = dict[str, Any]


class Collection:
    """A server-side collection of ``size`` numbered items; records every page request."""

    def __init__(self, size: int, *, report_total: bool, max_page: int | None = None) -> None:
        self.size = size
        self.report_total = report_total
        self.max_page = max_page  # a server may give fewer items per page than asked for
        self.requests: list[tuple[int, int]] = []

    def fetch(self, offset: int, limit: int) -> Page:
        self.requests.append((offset, limit))
        end = min(offset + min(limit, self.max_page or limit), self.size)
        return {
            "items": list(range(offset, end)),
            "total": self.size if self.report_total else None,
        }

    async def afetch(self, offset: int, limit: int) -> Page:
        await asyncio.sleep(0)
        return self.fetch(offset, limit)


def _items(page: Page) -> list[int]:
    return list(page["items"])


def _total(page: Page) -> int | None:
    total = page["total"]
    return None if total is None else int(total)


def collect(collection: Collection, *, asynchronous: bool, **options: Any) -> list[int]:
    if not asynchronous:
        return list(iter_offset_pages(collection.fetch, items=_items, total=_total, **options))

    async def run() -> list[int]:
        pages = aiter_offset_pages(collection.afetch, items=_items, total=_total, **options)
        return [item async for item in pages]

    return asyncio.run(run())


BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


@BOTH
@pytest.mark.parametrize(
    ("size", "report_total", "expected_requests"),
    [
        pytest.param(10, True, [(0, 5), (5, 5)], id="total known: nothing past the end"),
        pytest.param(7, True, [(0, 5), (5, 5)], id="total known, short last page"),
        pytest.param(10, False, [(0, 5), (5, 5), (10, 5)], id="total unknown: empty page ends"),
        pytest.param(7, False, [(0, 5), (5, 5)], id="total unknown, short last page"),
        pytest.param(0, True, [(0, 5)], id="empty collection, total known"),
        pytest.param(0, False, [(0, 5)], id="empty collection, total unknown"),
        pytest.param(3, True, [(0, 5)], id="one short page"),
    ],
)
def test_pages_stop_exactly_at_the_end(
    asynchronous: bool, size: int, report_total: bool, expected_requests: list[tuple[int, int]]
) -> None:
    collection = Collection(size, report_total=report_total)
    assert collect(collection, asynchronous=asynchronous, limit=5) == list(range(size))
    assert collection.requests == expected_requests


@BOTH
def test_a_server_giving_fewer_items_than_asked_loses_nothing_when_the_total_is_known(
    asynchronous: bool,
) -> None:
    collection = Collection(7, report_total=True, max_page=3)
    assert collect(collection, asynchronous=asynchronous, limit=5) == list(range(7))
    assert collection.requests == [(0, 5), (3, 5), (6, 5)]


@BOTH
def test_an_empty_page_ends_even_before_the_announced_total(asynchronous: bool) -> None:
    """A total that overstates (an estimate, or items deleted meanwhile) cannot loop for ever."""
    collection = Collection(6, report_total=False)

    def overstated(page: Page) -> int:
        return 100

    if asynchronous:

        async def run() -> list[int]:
            pages = aiter_offset_pages(collection.afetch, items=_items, total=overstated, limit=4)
            return [item async for item in pages]

        items = asyncio.run(run())
    else:
        items = list(iter_offset_pages(collection.fetch, items=_items, total=overstated, limit=4))
    assert items == list(range(6))
    assert collection.requests == [(0, 4), (4, 4), (6, 4)]


@BOTH
def test_iteration_starts_at_the_given_offset(asynchronous: bool) -> None:
    collection = Collection(10, report_total=True)
    assert collect(collection, asynchronous=asynchronous, limit=5, offset=4) == list(range(4, 10))
    assert collection.requests == [(4, 5), (9, 5)]


def test_default_page_size_is_a_hundred() -> None:
    collection = Collection(150, report_total=True)
    assert len(collect(collection, asynchronous=False)) == 150
    assert collection.requests == [(0, 100), (100, 100)]


def test_pages_are_fetched_only_when_needed() -> None:
    collection = Collection(20, report_total=True)
    items: Iterator[int] = iter_offset_pages(collection.fetch, items=_items, total=_total, limit=5)
    assert collection.requests == []
    assert [next(items) for _ in range(5)] == list(range(5))
    assert collection.requests == [(0, 5)]
    next(items)
    assert collection.requests == [(0, 5), (5, 5)]


@pytest.mark.parametrize("options", [{"limit": 0}, {"limit": -1}, {"offset": -1}])
def test_bad_page_size_or_offset_is_refused_at_once(options: dict[str, int]) -> None:
    collection = Collection(3, report_total=True)
    with pytest.raises(ValueError, match="must"):
        iter_offset_pages(collection.fetch, items=_items, total=_total, **options)
    with pytest.raises(ValueError, match="must"):
        aiter_offset_pages(collection.afetch, items=_items, total=_total, **options)
    assert collection.requests == []


class Stuck(Collection):
    """A server that ignores the offset: the first page for ever, maybe in another order."""

    def __init__(self, *, report_total: bool, reorder: bool) -> None:
        super().__init__(1000, report_total=report_total)
        self.reorder = reorder

    def fetch(self, offset: int, limit: int) -> Page:
        self.requests.append((offset, limit))
        items = list(range(limit))
        if self.reorder and len(self.requests) % 2 == 0:
            items.reverse()
        return {"items": items, "total": self.size if self.report_total else None}


@BOTH
@pytest.mark.parametrize("report_total", [True, False], ids=["total", "no total"])
@pytest.mark.parametrize("reorder", [False, True], ids=["same page", "same items reordered"])
def test_a_page_that_brings_nothing_new_stops_with_a_typed_error(
    asynchronous: bool, report_total: bool, reorder: bool
) -> None:
    server = Stuck(report_total=report_total, reorder=reorder)
    with pytest.raises(PaginationError) as raised:
        collect(server, asynchronous=asynchronous, limit=5)
    assert isinstance(raised.value, APIError)
    assert len(server.requests) == 2 and raised.value.offset == 5
