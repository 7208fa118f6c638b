"""A generated package with every pagination style, against a real server on loopback.

The spec declares no x-pagination except for one operation: the others are detected from their
parameters and answers. Each iter_* reads a collection of seven items over three pages, sync
and async; the package passes ``mypy --strict``; a next link to another origin is not followed.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.cli import main

PACKAGE = "paged"
SIZE, PAGE = 7, 3  # seven items, three per page: pages of 3, 3 and 1

SPEC = """openapi: 3.0.3
info: {title: Paged, version: "1"}
servers: [{url: "http://127.0.0.1"}]
paths:
  /offset:
    get:
      operationId: listByOffset
      tags: [things]
      parameters:
      - {name: offset, in: query, schema: {type: integer}}
      - {name: limit, in: query, schema: {type: integer}}
      responses: {"200": {$ref: "#/components/responses/OffsetPage"}}
  /skip:
    get:
      operationId: listBySkip
      tags: [things]
      parameters:
      - {name: $skip, in: query, schema: {type: integer}}
      - {name: $top, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          headers: {X-Total-Count: {schema: {type: integer}}}
          content: {application/json: {schema: {$ref: "#/components/schemas/Things"}}}
  /pages:
    get:
      operationId: listByPage
      tags: [things]
      parameters:
      - {name: page, in: query, schema: {type: integer, minimum: 1}}
      - {name: per_page, in: query, schema: {type: integer}}
      - {name: kind, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/DataPage"}}}
  /cursor:
    get:
      operationId: listByCursor
      tags: [things]
      parameters:
      - {name: page_token, in: query, schema: {type: string}}
      - {name: page_size, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/CursorPage"}}}
  /linked:
    get:
      operationId: listByLink
      tags: [things]
      parameters:
      - {name: per_page, in: query, schema: {type: integer}}
      - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        "200":
          description: ok
          headers: {Link: {schema: {type: string}}}
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Thing"}}
  /body-links:
    get:
      operationId: listByBodyLink
      tags: [things]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/LinkedPage"}}}
  /declared:
    get:
      operationId: listDeclared
      tags: [things]
      x-pagination: {style: cursor, cursor: from, next: /last, items: /rows}
      parameters:
      - {name: from, in: query, schema: {type: integer}}
      - {name: offset, in: query, schema: {type: integer}}
      - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/Declared"}}}
  /after:
    get:
      operationId: listAfter
      tags: [things]
      parameters:
      - {name: starting_after, in: query, schema: {type: string}}
      - {name: ending_before, in: query, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/AfterPage"}}}
  /continued:
    get:
      operationId: listContinued
      tags: [things]
      parameters:
      - {name: continue, in: query, schema: {type: string}}
      - {name: cursor, in: query, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/ContinuedPage"}}}
  /same-cursor:
    get:
      operationId: listSameCursor
      tags: [things]
      parameters:
      - {name: cursor, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/SameCursorPage"}}}
  /pageable:
    get:
      operationId: listPageable
      tags: [things]
      x-ms-pageable: {nextLinkName: more, itemName: entries}
      parameters:
      - {name: $top, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/PageablePage"}}}
  /search:
    post:
      operationId: searchThings
      tags: [things]
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/SearchRequest"}}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: "#/components/schemas/SearchAnswer"}}}
components:
  responses:
    OffsetPage:
      description: ok
      content: {application/json: {schema: {$ref: "#/components/schemas/OffsetPage"}}}
  schemas:
    Thing:
      type: object
      required: [id]
      properties: {id: {type: integer}}
    Things: {type: array, items: {$ref: "#/components/schemas/Thing"}}
    OffsetPage:
      type: object
      properties:
        things: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        totalRecords: {type: integer}
    DataPage:
      type: object
      properties:
        data: {type: array, items: {$ref: "#/components/schemas/Thing"}}
    CursorPage:
      type: object
      properties:
        items: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        next_page_token: {type: string, nullable: true}
    LinkedPage:
      type: object
      properties:
        results: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        links:
          type: object
          properties: {next: {type: string, nullable: true}}
    AfterPage:
      type: object
      required: [data, has_more]
      properties:
        data: {type: array, items: {$ref: "#/components/schemas/Named"}}
        has_more: {type: boolean}
    Named:
      type: object
      required: [id]
      properties: {id: {type: string}}
    ContinuedPage:
      type: object
      properties:
        items: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        metadata: {$ref: "#/components/schemas/ListMeta"}
    ListMeta:
      type: object
      properties: {continue: {type: string}, resourceVersion: {type: string}}
    SameCursorPage:
      type: object
      properties:
        things: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        errors: {type: array, items: {type: object}}
        cursor: {type: string}
    PageablePage:
      type: object
      properties:
        entries: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        warnings: {type: array, items: {type: string}}
        others: {type: array, items: {type: string}}
        more: {type: string, nullable: true}
    SearchRequest:
      type: object
      properties: {Kind: {type: string}, NextToken: {type: string}, MaxResults: {type: integer}}
    SearchAnswer:
      type: object
      properties:
        Things: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        NextToken: {type: string}
    Declared:
      type: object
      properties:
        rows: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        last: {type: integer, nullable: true}
"""


def _things(start: int, count: int) -> list[dict[str, int]]:
    return [{"id": i} for i in range(start, min(start + count, SIZE))]


class Server:
    """Serves the spec's collection in each style; records every request's path and query."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], dict[str, str]]] = []
        self.elsewhere = False  # next links point to another origin (localhost, not 127.0.0.1)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if self.command == "POST":  # the JSON body's fields stand for the query
                    sent = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                    query = {k: str(v) for k, v in sent.items()}
                outer.requests.append((url.path, query, dict(self.headers.items())))
                status, body, headers = outer.answer(url.path, query)
                data = json.dumps(body).encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_POST = do_GET

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.http.server_address[1]
        threading.Thread(target=self.http.serve_forever, args=(0.01,), daemon=True).start()

    def answer(self, path: str, q: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        if path == "/offset":
            offset, limit = int(q["offset"]), int(q["limit"])
            return 200, {"things": _things(offset, limit), "totalRecords": SIZE}, {}
        if path == "/skip":
            return 200, _things(int(q["$skip"]), int(q["$top"])), {"X-Total-Count": str(SIZE)}
        if path == "/pages":
            size = int(q["per_page"])
            return 200, {"data": _things((int(q["page"]) - 1) * size, size)}, {}
        if path == "/cursor":
            start, size = int(q.get("page_token", "0")), int(q["page_size"])
            following = str(start + size) if start + size < SIZE else None
            return 200, {"items": _things(start, size), "next_page_token": following}, {}
        if path in ("/linked", "/body-links"):
            start, size = int(q.get("at", "0")), int(q.get("per_page", PAGE))
            host = f"http://localhost:{self.port}" if self.elsewhere else ""
            following = f"{host}{path}?at={start + size}" if start + size < SIZE else None
            if path == "/body-links":
                return 200, {"results": _things(start, size), "links": {"next": following}}, {}
            link = {"Link": f'<{following}>; rel="next", <{path}>; rel="first"'}
            return 200, _things(start, size), link if following else {}
        if path == "/after":  # the id of the last item seen, "t<n>"; has_more ends
            start = int(q.get("starting_after", "t-1")[1:]) + 1
            size = int(q["limit"])
            named = [{"id": f"t{thing['id']}"} for thing in _things(start, size)]
            return 200, {"data": named, "has_more": start + size < SIZE}, {}
        if path in ("/continued", "/same-cursor"):  # an opaque cursor, absent at the end
            key = "continue" if path == "/continued" else "cursor"
            start, size = int(q.get(key, "0")), int(q.get("limit", PAGE))
            following = {key: str(start + size)} if start + size < SIZE else {}
            if path == "/continued":
                return 200, {"items": _things(start, size), "metadata": following}, {}
            return 200, {"things": _things(start, size), "errors": [], **following}, {}
        if path == "/pageable":  # $top caps the collection: iter_* must not send it
            start, cap = int(q.get("at", "0")), int(q.get("$top", SIZE))
            following = f"/pageable?at={start + PAGE}" if start + PAGE < cap else None
            page = _things(start, min(PAGE, cap - start))
            return 200, {"entries": page, "others": [], "more": following}, {}
        if path == "/search":  # AWS: the next token in the answer, sent back in the body
            start, size = int(q.get("NextToken", "0")), int(q["MaxResults"])
            following = {"NextToken": str(start + size)} if start + size < SIZE else {}
            return 200, {"Things": _things(start, size), **following}, {}
        if path == "/declared":
            start = int(q.get("from", "0"))
            last = start + PAGE if start + PAGE < SIZE else None
            return 200, {"rows": _things(start, PAGE), "last": last}, {}
        return 404, {}, {}

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paged")
    (root / "paged.yaml").write_text(SPEC)
    assert (
        main(
            ["generate", str(root / "paged.yaml"), "-o", str(root), "--package", PACKAGE, "--quiet"]
        )
        == 0
    )
    return root / PACKAGE / "src"


@pytest.fixture(scope="module")
def package(generated: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(generated))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(generated))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


def _collect(package: ModuleType, server: Server, is_async: bool, use: Callable[[Any], Any]) -> Any:
    base = f"http://127.0.0.1:{server.port}"
    if not is_async:
        with package.Client(base_url=base) as client:
            return list(use(client))

    async def run() -> Any:
        async with package.AsyncClient(base_url=base) as client:
            return [item async for item in use(client)]

    return asyncio.run(run())


BOTH = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
STYLES = [
    pytest.param(
        lambda c: c.things.iter_by_offset(page_size=PAGE),
        "/offset",
        [
            {"offset": "0", "limit": "3"},
            {"offset": "3", "limit": "3"},
            {"offset": "6", "limit": "3"},
        ],
        id="offset",
    ),
    pytest.param(
        lambda c: c.things.iter_by_skip(page_size=PAGE),
        "/skip",
        [{"$skip": "0", "$top": "3"}, {"$skip": "3", "$top": "3"}, {"$skip": "6", "$top": "3"}],
        id="skip/top, X-Total-Count",
    ),
    pytest.param(
        lambda c: c.things.iter_by_page(kind="k", page_size=PAGE),
        "/pages",
        [{"page": str(n), "per_page": "3", "kind": "k"} for n in (1, 2, 3)],
        id="page",
    ),
    pytest.param(
        lambda c: c.things.iter_by_cursor(page_size=PAGE),
        "/cursor",
        [
            {"page_size": "3"},
            {"page_token": "3", "page_size": "3"},
            {"page_token": "6", "page_size": "3"},
        ],
        id="cursor",
    ),
    pytest.param(
        lambda c: c.things.iter_by_link(page_size=PAGE, x_trace="t"),
        "/linked",
        [{"per_page": "3"}, {"at": "3"}, {"at": "6"}],
        id="Link header",
    ),
    pytest.param(
        lambda c: c.things.iter_by_body_link(),
        "/body-links",
        [{}, {"at": "3"}, {"at": "6"}],
        id="links.next",
    ),
    pytest.param(
        lambda c: c.things.iter_declared(),
        "/declared",
        [{}, {"from": "3"}, {"from": "6"}],
        id="x-pagination overrides offset/limit",
    ),
    pytest.param(
        lambda c: c.things.iter_after(page_size=PAGE),
        "/after",
        [
            {"limit": "3"},
            {"starting_after": "t2", "limit": "3"},
            {"starting_after": "t5", "limit": "3"},
        ],
        id="starting_after the last item's id, while has_more",
    ),
    pytest.param(
        lambda c: c.things.iter_continued(page_size=PAGE),
        "/continued",
        [{"limit": "3"}, {"continue": "3", "limit": "3"}, {"continue": "6", "limit": "3"}],
        id="continue, and metadata.continue nested",
    ),
    pytest.param(
        lambda c: c.things.iter_same_cursor(),
        "/same-cursor",
        [{}, {"cursor": "3"}, {"cursor": "6"}],
        id="cursor, and a body cursor of the same name beside errors",
    ),
    pytest.param(
        lambda c: c.things.iter_pageable(),
        "/pageable",
        [{}, {"at": "3"}, {"at": "6"}],
        id="x-ms-pageable, $top not sent",
    ),
    pytest.param(
        lambda c: c.things.iter_things(
            importlib.import_module(PACKAGE + ".models").SearchRequest(Kind="k", MaxResults=PAGE)
        ),
        "/search",
        [
            {"Kind": "k", "MaxResults": "3"},
            {"Kind": "k", "MaxResults": "3", "NextToken": "3"},
            {"Kind": "k", "MaxResults": "3", "NextToken": "6"},
        ],
        id="AWS: NextToken in the request body and the answer",
    ),
]


@BOTH
@pytest.mark.parametrize(("use", "path", "queries"), STYLES)
def test_every_style_reads_three_pages_and_stops(
    package: ModuleType,
    server: Server,
    is_async: bool,
    use: Callable[[Any], Any],
    path: str,
    queries: list[dict[str, str]],
) -> None:
    things = _collect(package, server, is_async, use)
    assert [int(str(thing.id).lstrip("t")) for thing in things] == list(range(SIZE))
    assert [(p, q) for p, q, _ in server.requests] == [(path, q) for q in queries]
    if path == "/linked":  # the API's own header parameter goes with every page
        assert all(headers.get("X-Trace") == "t" for _, _, headers in server.requests)


@BOTH
@pytest.mark.parametrize(
    "use",
    [lambda c: c.things.iter_by_link(page_size=PAGE), lambda c: c.things.iter_by_body_link()],
    ids=["Link header", "links.next"],
)
def test_a_next_link_to_another_origin_is_refused(
    package: ModuleType, server: Server, is_async: bool, use: Callable[[Any], Any]
) -> None:
    server.elsewhere = True
    errors = importlib.import_module(PACKAGE + ".errors")
    with pytest.raises(errors.PaginationError, match="another origin"):
        _collect(package, server, is_async, use)
    assert len(server.requests) == 1


def _doc(method: Any) -> str:
    return " ".join(method.__doc__.split())


def test_the_docstrings_name_the_style_and_the_package_type_checks(
    package: ModuleType, generated: Path, mypy_cache: Path
) -> None:
    things = package.Client(base_url="http://127.0.0.1").things
    assert "offset/limit (detected from the spec)" in _doc(things.iter_by_offset)
    assert "``$skip``, ``$top``" in _doc(things.iter_by_skip)
    assert "``X-Total-Count`` header" in _doc(things.iter_by_skip)
    assert "the ``Link`` header" in _doc(things.iter_by_link)
    assert "``/links/next`` in the body" in _doc(things.iter_by_body_link)
    assert "cursor in the body (declared by x-pagination)" in _doc(things.iter_declared)
    assert "``/id`` of the last item" in _doc(things.iter_after)
    assert "while ``/has_more`` is true" in _doc(things.iter_after)
    assert "``/metadata/continue``" in _doc(things.iter_continued)
    assert "next links (declared by x-ms-pageable)" in _doc(things.iter_pageable)
    assert "``/more`` in the body" in _doc(things.iter_pageable)
    assert "request body again with ``NextToken``" in _doc(things.iter_things)
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), PACKAGE],
        cwd=generated,
        capture_output=True,
        text=True,
    )
    assert typed.returncode == 0, typed.stdout
