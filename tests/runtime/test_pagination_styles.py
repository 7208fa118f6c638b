"""Page-number, cursor and next-link pagination: every item once, the right stops, sync, async."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any, TypeVar

import httpx
import pytest
from runtime import _links
from runtime._errors import APIError, PaginationError
from runtime._pagination import (
    Page,
    aiter_cursor_pages,
    aiter_link_pages,
    aiter_numbered_pages,
    header_total,
    iter_cursor_pages,
    iter_link_pages,
    iter_numbered_pages,
    next_cursor,
)

T = TypeVar("T")
BOTH = pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])


def drain(sync: Iterator[T] | None, make_async: Any, asynchronous: bool) -> list[T]:
    if not asynchronous:
        assert sync is not None
        return list(sync)

    async def run() -> list[T]:
        pages: AsyncIterator[T] = make_async()
        return [item async for item in pages]

    return asyncio.run(run())


def awaitable(fetch: Any) -> Any:
    async def call(*args: Any) -> Any:
        await asyncio.sleep(0)
        return fetch(*args)

    return call


# -- page number and size ----------------------------------------------------------------------


class Numbered:
    def __init__(self, size: int, *, total: bool, max_page: int | None = None) -> None:
        self.size, self.total, self.max_page = size, total, max_page
        self.requests: list[tuple[int, int]] = []

    def fetch(self, page: int, size: int) -> dict[str, Any]:
        self.requests.append((page, size))
        size = min(size, self.max_page or size)
        start = (page - 1) * size
        return {"items": list(range(start, min(start + size, self.size))), "total": self.size}


def numbered(server: Numbered, asynchronous: bool, **options: Any) -> list[int]:
    def items(page: dict[str, Any]) -> list[int]:
        return list(page["items"])

    def total(page: dict[str, Any]) -> int | None:
        return int(page["total"]) if server.total else None

    if asynchronous:
        return drain(
            None,
            lambda: aiter_numbered_pages(
                awaitable(server.fetch), items=items, total=total, **options
            ),
            True,
        )
    return list(iter_numbered_pages(server.fetch, items=items, total=total, **options))


@BOTH
@pytest.mark.parametrize(
    ("size", "total", "expected"),
    [
        pytest.param(15, True, [(1, 5), (2, 5), (3, 5)], id="three pages, total known"),
        pytest.param(13, True, [(1, 5), (2, 5), (3, 5)], id="short last page, total known"),
        pytest.param(13, False, [(1, 5), (2, 5), (3, 5)], id="short last page ends"),
        pytest.param(15, False, [(1, 5), (2, 5), (3, 5), (4, 5)], id="empty page ends"),
        pytest.param(0, True, [(1, 5)], id="empty collection"),
    ],
)
def test_numbered_pages_stop_at_the_end(
    asynchronous: bool, size: int, total: bool, expected: list[tuple[int, int]]
) -> None:
    server = Numbered(size, total=total)
    assert numbered(server, asynchronous, size=5) == list(range(size))
    assert server.requests == expected


@BOTH
def test_numbered_pages_smaller_than_asked_lose_nothing_without_a_total(asynchronous: bool) -> None:
    """A server that caps the page size: its first page is short, and not the last."""
    server = Numbered(7, total=False, max_page=3)
    assert numbered(server, asynchronous, size=5) == list(range(7))
    assert server.requests == [(1, 5), (2, 5), (3, 5)]


@BOTH
def test_numbered_pages_start_where_the_api_counts_from(asynchronous: bool) -> None:
    server = Numbered(4, total=True)
    shifted = Numbered(4, total=True)
    server.fetch = lambda page, size: shifted.fetch(page + 1, size)  # type: ignore[method-assign]
    assert numbered(server, asynchronous, size=2, first=0) == [0, 1, 2, 3]
    assert shifted.requests == [(1, 2), (2, 2)]


@BOTH
def test_a_numbered_page_repeating_the_one_before_is_a_typed_error(asynchronous: bool) -> None:
    server = Numbered(100, total=False)
    server.fetch = lambda page, size: {"items": [1, 2], "total": None}  # type: ignore[method-assign]
    with pytest.raises(PaginationError) as raised:
        numbered(server, asynchronous, size=2)
    assert isinstance(raised.value, APIError) and raised.value.offset == 2


# -- cursor in the body ------------------------------------------------------------------------


def cursor_server(pages: dict[Any, tuple[list[int], Any]]) -> tuple[Any, list[Any]]:
    asked: list[Any] = []

    def fetch(cursor: Any) -> dict[str, Any]:
        asked.append(cursor)
        found, following = pages[cursor]
        return {"items": found, "next": following}

    return fetch, asked


def cursored(fetch: Any, asynchronous: bool) -> list[int]:
    def items(page: dict[str, Any]) -> list[int]:
        return list(page["items"])

    def cursor(page: dict[str, Any]) -> Any:
        return page["next"]

    return drain(
        None if asynchronous else iter_cursor_pages(fetch, items=items, cursor=cursor),
        lambda: aiter_cursor_pages(awaitable(fetch), items=items, cursor=cursor),
        asynchronous,
    )


@BOTH
@pytest.mark.parametrize("last", [None, ""], ids=["absent", "empty"])
def test_cursor_pages_follow_the_cursor_until_it_ends(asynchronous: bool, last: Any) -> None:
    fetch, asked = cursor_server({None: ([0, 1], "b"), "b": ([2, 3], 4), 4: ([4], last)})
    assert cursored(fetch, asynchronous) == [0, 1, 2, 3, 4]
    assert asked == [None, "b", 4]


@BOTH
def test_an_empty_cursor_page_is_not_the_end_while_a_cursor_comes(asynchronous: bool) -> None:
    fetch, asked = cursor_server({None: ([0], "b"), "b": ([], "c"), "c": ([1], None)})
    assert cursored(fetch, asynchronous) == [0, 1]
    assert asked == [None, "b", "c"]


@BOTH
def test_a_repeated_cursor_is_a_typed_error(asynchronous: bool) -> None:
    fetch, asked = cursor_server({None: ([0], "b"), "b": ([1], "c"), "c": ([2], "b")})
    with pytest.raises(PaginationError, match="'b'") as raised:
        cursored(fetch, asynchronous)
    assert asked == [None, "b", "c"] and raised.value.offset == 3


# -- cursor from the last item ---------------------------------------------------------------


def after_server(pages: dict[Any, tuple[list[str], Any]]) -> tuple[Any, list[Any]]:
    """Stripe's answers: ``data`` of items with an ``id``, ``has_more``; asked after an id."""
    asked: list[Any] = []

    def fetch(after: Any) -> dict[str, Any]:
        asked.append(after)
        found, more = pages[after]
        return {
            "data": [{"id": name} for name in found],
            **({} if more is None else {"has_more": more}),
        }

    return fetch, asked


def after_items(fetch: Any, asynchronous: bool) -> list[str]:
    def items(page: dict[str, Any]) -> list[str]:
        return [item["id"] for item in page["data"]]

    def cursor(page: dict[str, Any]) -> Any:
        return next_cursor(page, items="/data", last_item="/id", more="/has_more")

    return drain(
        None if asynchronous else iter_cursor_pages(fetch, items=items, cursor=cursor),
        lambda: aiter_cursor_pages(awaitable(fetch), items=items, cursor=cursor),
        asynchronous,
    )


@BOTH
@pytest.mark.parametrize("last", [False, None, "yes"], ids=["false", "absent", "not a boolean"])
def test_the_last_items_id_is_the_cursor_while_has_more_is_true(
    asynchronous: bool, last: Any
) -> None:
    fetch, asked = after_server({None: (["a", "b"], True), "b": (["c"], True), "c": (["d"], last)})
    assert after_items(fetch, asynchronous) == ["a", "b", "c", "d"]
    assert asked == [None, "b", "c"]


@BOTH
def test_an_empty_page_ends_even_while_has_more_says_true(asynchronous: bool) -> None:
    # no last item, no cursor: asking without one would start the collection again
    fetch, asked = after_server({None: (["a"], True), "a": ([], True)})
    assert after_items(fetch, asynchronous) == ["a"]
    assert asked == [None, "a"]


@BOTH
def test_a_last_item_seen_before_is_a_typed_error(asynchronous: bool) -> None:
    fetch, asked = after_server({None: (["a"], True), "a": (["a"], True)})
    with pytest.raises(PaginationError, match="'a'"):
        after_items(fetch, asynchronous)
    assert asked == [None, "a"]


# -- next links ------------------------------------------------------------------------------


def link_server(pages: dict[str, tuple[list[int], str | None]]) -> tuple[Any, list[str]]:
    """Pages by URL, each with its Link header value; the first is https://api.test/items."""
    asked: list[str] = []

    def fetch(url: str | None) -> Page[list[int]]:
        url = url or "https://api.test/items"
        asked.append(url)
        found, link = pages[url]
        headers = httpx.Headers([] if link is None else [("Link", link)])
        return Page(found, headers, url, "https://api.test/v1")

    return fetch, asked


def linked(fetch: Any, asynchronous: bool, **options: Any) -> list[int]:
    def items(page: Page[list[int]]) -> list[int]:
        return page.body

    return drain(
        None if asynchronous else iter_link_pages(fetch, items=items, **options),
        lambda: aiter_link_pages(awaitable(fetch), items=items, **options),
        asynchronous,
    )


@BOTH
def test_link_pages_follow_rel_next_resolved_against_the_page(asynchronous: bool) -> None:
    fetch, asked = link_server(
        {
            "https://api.test/items": (
                [0, 1],
                '<https://api.test/items?page=1>; rel="first", '
                '</items?page=2>; title="a; b, c"; rel="last next"',
            ),
            "https://api.test/items?page=2": ([2, 3], "<?page=3>; REL=Next"),
            "https://api.test/items?page=3": ([4], '<?page=1>; rel="first"'),
        }
    )
    assert linked(fetch, asynchronous) == [0, 1, 2, 3, 4]
    assert asked == [
        "https://api.test/items",
        "https://api.test/items?page=2",
        "https://api.test/items?page=3",
    ]


@BOTH
@pytest.mark.parametrize(
    "elsewhere",
    [
        "https://evil.test/items?page=2",
        "//evil.test/items?page=2",
        "http://api.test/items?page=2",
        "https://api.test:8443/items?page=2",
    ],
)
def test_a_next_link_to_another_origin_is_never_followed(
    asynchronous: bool, elsewhere: str
) -> None:
    fetch, asked = link_server({"https://api.test/items": ([0, 1], f'<{elsewhere}>; rel="next"')})
    with pytest.raises(PaginationError, match="another origin") as raised:
        linked(fetch, asynchronous)
    assert asked == ["https://api.test/items"] and raised.value.offset == 2


@BOTH
@pytest.mark.parametrize("broken", ["http://[::1", "https://api.test:abc/", "\x00"])
def test_a_next_link_that_is_no_url_is_a_typed_error(asynchronous: bool, broken: str) -> None:
    def fetch(url: str | None) -> Page[list[int]]:
        return Page(
            [0], {"link": f"<{broken}>; rel=next"}, "https://api.test/items", "https://api.test"
        )

    with pytest.raises(PaginationError, match="is no URL"):
        linked(fetch, asynchronous)


@BOTH
def test_a_next_link_on_the_origin_a_page_was_redirected_to_is_not_followed(
    asynchronous: bool,
) -> None:
    """The first page came from elsewhere (a redirect): its links there are still off-origin."""

    def fetch(url: str | None) -> Page[list[int]]:
        assert url is None
        link = httpx.Headers({"Link": "</items?page=2>; rel=next"})
        return Page([0], link, "https://cdn.test/items", "https://api.test")

    with pytest.raises(PaginationError, match="another origin"):
        linked(fetch, asynchronous)


@BOTH
def test_a_next_link_followed_before_is_a_typed_error(asynchronous: bool) -> None:
    fetch, asked = link_server(
        {
            "https://api.test/items": ([0], "</items?page=2>; rel=next"),
            "https://api.test/items?page=2": ([1], "</items>; rel=next"),
        }
    )
    with pytest.raises(PaginationError, match="followed before"):
        linked(fetch, asynchronous)
    assert len(asked) == 2


@BOTH
def test_a_next_link_in_the_body_is_followed(asynchronous: bool) -> None:
    bodies = {
        "https://api.test/items": {"data": [0, 1], "links": {"next": "/items?after=1"}},
        "https://api.test/items?after=1": {"data": [2, 3], "links": {"next": "/items?after=3"}},
        "https://api.test/items?after=3": {"data": [4], "links": {"next": None}},
    }

    def fetch(url: str | None) -> Page[dict[str, Any]]:
        url = url or "https://api.test/items"
        return Page(bodies[url], httpx.Headers(), url, "https://api.test")

    def items(page: Page[dict[str, Any]]) -> list[int]:
        return list(page.body["data"])

    def next_link(page: Page[dict[str, Any]]) -> Any:
        return page.body["links"]["next"]

    assert drain(
        None if asynchronous else iter_link_pages(fetch, items=items, next_link=next_link),
        lambda: aiter_link_pages(awaitable(fetch), items=items, next_link=next_link),
        asynchronous,
    ) == [0, 1, 2, 3, 4]


def test_link_headers_parse_as_rfc_8288_says() -> None:
    values = [
        '<https://a.test/1>; rel="prev"; title="x, <y>; z", <https://a.test/2>;rel=next',
        "<https://a.test/3>; rel=next; rel=prev",
    ]
    assert _links.parse(values) == [
        ("https://a.test/1", {"rel": "prev", "title": "x, <y>; z"}),
        ("https://a.test/2", {"rel": "next"}),
        ("https://a.test/3", {"rel": "next"}),
    ]
    assert _links.target(values, "next") == "https://a.test/2"
    assert _links.target(['<x>; title="rel=next"', "garbage, <", ""], "next") is None


@pytest.mark.parametrize(
    ("value", "expected"), [("42", 42), (" 7 ", 7), ("-1", None), ("4.2", None), ("0x10", None)]
)
def test_a_total_header_counts_only_as_a_plain_integer(value: str, expected: int | None) -> None:
    assert header_total(httpx.Headers({"X-Total-Count": value}), "X-Total-Count") == expected
    assert header_total(httpx.Headers(), "X-Total-Count") is None
