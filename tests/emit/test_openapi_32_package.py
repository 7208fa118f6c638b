"""A package generated from an OpenAPI 3.2 description: it type-checks, and its calls send
what the description says: HTTP QUERY with its body (retried like GET), another method
(``additionalOperations``) by its own name, and an ``in: querystring`` parameter as the whole
form-urlencoded query string; sync and async."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.cli import main
from tests.conftest import imported

SPEC = Path(__file__).parents[1] / "normalize" / "openapi_32_cases" / "search.yaml"
PACKAGE = "oas32_search"
BASE = "https://search.example.com/v1"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("oas32")
    assert main(["generate", str(SPEC), "-o", str(output), "--package", PACKAGE, "--quiet"]) == 0
    return output / PACKAGE / "src"


@pytest.fixture(scope="module")
def package(source: Path) -> Iterator[ModuleType]:
    with imported(source.parent) as module:  # the package's folder, which holds src/
        yield module


Handler = Callable[[httpx.Request], httpx.Response]


def _call(package: ModuleType, is_async: bool, handler: Handler, call: Callable[[Any], Any]) -> Any:
    """``call(client)`` with a client of the package answering through ``handler``."""
    if not is_async:
        transport = httpx.MockTransport(handler)
        with package.Client(base_url=BASE, token="t", transport=transport) as client:
            return call(client)

    async def answer(request: httpx.Request) -> httpx.Response:
        return handler(request)

    async def run() -> Any:
        transport = httpx.MockTransport(answer)
        async with package.AsyncClient(base_url=BASE, token="t", transport=transport) as client:
            return await call(client)

    return asyncio.run(run())


def test_the_package_passes_mypy_strict(source: Path, mypy_cache: Path) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), PACKAGE],
        capture_output=True,
        text=True,
        cwd=source,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_query_operation_is_an_http_query_with_its_body(
    package: ModuleType, is_async: bool
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"items": ["a"]})

    page = _call(
        package,
        is_async,
        handler,
        lambda client: client.search.query_items(package.models.Filter(text="rex")),
    )
    assert page == package.models.Page(items=["a"])
    (request,) = sent
    assert (request.method, str(request.url)) == ("QUERY", BASE + "/items")
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Authorization"] == "Bearer t"  # the device flow's token
    assert json.loads(request.content) == {"text": "rex"}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_query_call_is_retried_like_a_get_with_its_body_again(
    package: ModuleType, is_async: bool
) -> None:
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        if len(bodies) == 1:
            return httpx.Response(503, headers={"Retry-After": "0"})
        return httpx.Response(200, json={"items": []})

    filter_ = package.models.Filter(text="rex")
    _call(package, is_async, handler, lambda client: client.search.query_items(filter_))
    assert bodies == [b'{"text": "rex"}'] * 2


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_an_additional_operation_sends_its_own_method_and_is_not_retried(
    package: ModuleType, is_async: bool
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(503, headers={"Retry-After": "0"})

    with pytest.raises(package.errors.APIStatusError):
        _call(package, is_async, handler, lambda client: client.saved.link_items_by_id("a/b"))
    assert [(r.method, str(r.url)) for r in sent] == [("LINK", BASE + "/items/a%2Fb")]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_querystring_parameter_is_the_whole_query_string(
    package: ModuleType, is_async: bool
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"items": []})

    query = package.models.ItemQuery(text="a b", limit=5, tag=["x", "y"])
    _call(package, is_async, handler, lambda client: client.search.list_items(filter=query))
    _call(package, is_async, handler, lambda client: client.search.list_items())
    assert [str(r.url) for r in sent] == [
        BASE + "/items?text=a+b&limit=5&tag=x&tag=y",
        BASE + "/items",
    ]
