from __future__ import annotations

import asyncio
from typing import Any

import pytest
from runtime._pagination import aiter_offset_pages, iter_offset_pages


def _collection(size: int, report_total: bool) -> tuple[Any, list[tuple[int, int]]]:
    requests: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> dict[str, Any]:
        requests.append((offset, limit))
        items = list(range(offset, min(offset + limit, size)))
        return {"items": items, "total": size if report_total else None}

    return fetch, requests


@pytest.mark.parametrize(
    ("size", "report_total", "expected_requests"),
    [
        (10, True, [(0, 5), (5, 5)]),  # total known: no request past the end
        (10, False, [(0, 5), (5, 5), (10, 5)]),  # total unknown: the empty page ends it
        (7, False, [(0, 5), (5, 5)]),  # a short page is the last one
        (0, True, [(0, 5)]),
    ],
)
def test_pages_stop_exactly_at_the_end(
    size: int, report_total: bool, expected_requests: list[tuple[int, int]]
) -> None:
    fetch, requests = _collection(size, report_total)
    items = list(
        iter_offset_pages(fetch, items=lambda p: p["items"], total=lambda p: p["total"], limit=5)
    )
    assert items == list(range(size))
    assert requests == expected_requests


def test_async_pages_too() -> None:
    fetch, requests = _collection(6, True)

    async def afetch(offset: int, limit: int) -> dict[str, Any]:
        return fetch(offset, limit)

    async def run() -> list[int]:
        pages = aiter_offset_pages(
            afetch, items=lambda p: p["items"], total=lambda p: p["total"], limit=4
        )
        return [item async for item in pages]

    assert asyncio.run(run()) == list(range(6))
    assert requests == [(0, 4), (4, 4)]


def test_page_size_must_be_positive() -> None:
    fetch, _ = _collection(3, True)
    with pytest.raises(ValueError, match="positive"):
        list(iter_offset_pages(fetch, items=lambda p: p["items"], total=lambda p: None, limit=0))
