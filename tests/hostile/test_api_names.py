"""API names never collide with the generated code's own names (issue #11, item 2).

Parameters named like the generated code's locals, module names and fixed keyword parameters
(``cast``, ``value_at``, ``page``, ``page_size``, ``poll_interval``, ``rules``, ``read``...)
in plain, paginated (x-pagination) and job-waiter (x-job) operations: the package imports,
each wire name reaches the wire with its value, and the waiter calls the job's own URL, sync
and async. And a static check over every generated resources module: no parameter shadows a
module-level name its function uses, collides with a local, or repeats.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import PROJECT
from tests.hostile.harness import PACKAGE, judge

# names the generated code uses (runtime functions, locals, the models module, the fixed
# keyword parameters) and a few more a careless generator would use
COLLIDING = [
    "cast",
    "value_at",
    "first_item",
    "models",
    "page",
    "page_size",
    "poll_interval",
    "on_progress",
    "wire_format",
    "timeout",
    "extra_headers",
    "rules",
    "read",
    "response",
    "self",
    "list",
    "int",
    "offset_",
]


def _query(name: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "schema": {"type": kind}}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def _spec() -> dict[str, Any]:
    job = {"$ref": "#/components/schemas/Job"}
    return {
        "openapi": "3.0.3",
        "info": {"title": "names", "version": "1"},
        # server variables named like Client()'s own parameters and the function it calls
        "servers": [
            {
                "url": "https://api.example.org/{server_url}/{headers}",
                "variables": {"server_url": {"default": "s"}, "headers": {"default": "h"}},
            }
        ],
        "paths": {
            "/things/{self}/{rules}": {
                "get": {
                    "operationId": "getThing",
                    "parameters": [
                        {
                            "name": "self",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "rules",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        *(_query(name) for name in COLLIDING if name not in ("self", "rules")),
                    ],
                    "responses": _json({"type": "object"}),
                }
            },
            "/pages": {
                "get": {
                    "operationId": "listPages",
                    "x-pagination": {
                        "offset": "offset",
                        "limit": "limit",
                        "items": "/items",
                        "total": "/total",
                    },
                    "parameters": [
                        _query("offset", "integer"),
                        _query("limit", "integer"),
                        *(_query(name) for name in COLLIDING),
                    ],
                    "responses": _json({"$ref": "#/components/schemas/Pages"}),
                }
            },
            "/jobs/{rules}": {
                "get": {
                    "operationId": "getJob",
                    "parameters": [
                        {
                            "name": "rules",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        *(_query(name) for name in COLLIDING if name != "rules"),
                    ],
                    "responses": _json(job),
                }
            },
            "/runs": {
                "get": {
                    "operationId": "listRuns",
                    "parameters": [_query("read"), _query("poll_interval")],
                    "responses": _json({"$ref": "#/components/schemas/Runs"}),
                }
            },
        },
        "components": {
            "schemas": {
                "Pages": {
                    "type": "object",
                    "properties": {
                        "items": {"type": "array", "items": job},
                        "total": {"type": "integer"},
                    },
                },
                "Runs": {
                    "type": "object",
                    "properties": {
                        "runs": {"type": "array", "items": {"$ref": "#/components/schemas/Run"}}
                    },
                },
                "Job": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "state": {"type": "string"}},
                    "x-job": {
                        "name": "job",
                        "status": "/state",
                        "success": ["done"],
                        "failure": ["failed"],
                        "id-field": "/id",
                        "read": {"operation": "getJob", "parameter": "rules"},
                    },
                },
                "Run": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "state": {"type": "string"}},
                    "x-job": {
                        "name": "run",
                        "status": "/state",
                        "success": ["done"],
                        "failure": ["failed"],
                        "id-field": "/id",
                        "read": {
                            "operation": "listRuns",
                            "parameter": "read",
                            "template": 'id=="{id}"',
                            "language": "cql",
                            "items": "/runs",
                        },
                    },
                },
            }
        },
    }


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("names")
    assert judge(yaml.safe_dump(_spec()), ".yaml", root) == "generated"
    src = root / "out" / PACKAGE / "src"
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


Handler = Callable[[httpx.Request], httpx.Response]


def _call(package: ModuleType, is_async: bool, handler: Handler, use: Callable[[Any], Any]) -> Any:
    """``use(client)`` with a client of ``package`` whose requests ``handler`` answers."""
    transport = httpx.MockTransport(handler)
    if not is_async:
        with package.Client(base_url="http://api.test", transport=transport) as client:
            answer = use(client)
            return list(answer) if hasattr(answer, "__next__") else answer

    async def run() -> Any:
        async with package.AsyncClient(base_url="http://api.test", transport=transport) as client:
            answer = use(client)
            if hasattr(answer, "__aiter__"):
                return [item async for item in answer]
            return await answer

    return asyncio.run(run())


def _python_names(method: Any, fixed: set[str]) -> list[str]:
    import inspect

    return [name for name in inspect.signature(method).parameters if name not in fixed]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_plain_call_sends_every_wire_name_with_its_value(
    package: ModuleType, is_async: bool
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    names = _python_names(
        package.Client(base_url="x").things.get_thing, {"timeout", "extra_headers"}
    )
    arguments = {name: "v-" + name for name in names}
    _call(package, is_async, handler, lambda client: client.things.get_thing(**arguments))
    (request,) = seen
    assert request.url.path == "/things/v-self_/v-rules"
    wire = {key: value for key, value in request.url.params.multi_items()}
    assert sorted(wire) == sorted(n for n in COLLIDING if n not in ("self", "rules"))
    # each wire name got the value of its own parameter, whatever Python name it took
    for name, value in wire.items():
        assert value.removeprefix("v-").startswith(name.rstrip("_")), (name, value)
    assert len(set(wire.values())) == len(wire)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_pagination_sends_the_api_page_and_page_size_beside_its_own(
    package: ModuleType, is_async: bool
) -> None:
    seen: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        query = dict(request.url.params)
        seen.append(query)
        offset, limit = int(query["offset"]), int(query["limit"])
        items = [{"id": str(i), "state": "x"} for i in range(offset, min(offset + limit, 3))]
        return httpx.Response(200, json={"items": items, "total": 3})

    client = package.Client(base_url="x")
    names = _python_names(client.pages.iter_pages, {"timeout", "extra_headers", "page_size"})
    arguments = {name: "v-" + name for name in names}
    items = _call(
        package,
        is_async,
        handler,
        lambda c: c.pages.iter_pages(**arguments, page_size=2),
    )
    assert [item.id for item in items] == ["0", "1", "2"]
    assert [(q["offset"], q["limit"]) for q in seen] == [("0", "2"), ("2", "2")]
    for query in seen:
        # the API's own page and page_size parameters, not the iterator's page function or size
        assert query["page"] == "v-page" and query["page_size"].startswith("v-page_size")
        assert query["cast"] == "v-cast" and query["read"] == "v-read"
        assert not any("function" in value or "<" in value for value in query.values())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_waiter_whose_job_id_parameter_is_named_rules_reads_that_job(
    package: ModuleType, is_async: bool
) -> None:
    paths: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        return httpx.Response(200, json={"id": "j-1", "state": "done"})

    job = _call(
        package, is_async, handler, lambda c: c.jobs.wait_for_job("j-1", poll_interval=0.01)
    )
    assert job.id == "j-1" and paths == ["/jobs/j-1"]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_listing_waiter_sends_the_id_cql_escaped_and_takes_only_that_job(
    package: ModuleType, is_async: bool
) -> None:
    job_id = 'a"b*c\\d?^'
    queries: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        queries.append(request.url.params["read"])
        runs = [{"id": "other", "state": "failed"}, {"id": job_id, "state": "done"}]
        return httpx.Response(200, json={"runs": runs})

    run = _call(
        package, is_async, handler, lambda c: c.runs.wait_for_run(job_id, poll_interval=0.01)
    )
    assert run.id == job_id
    assert queries == ['id=="a\\"b\\*c\\\\d\\?\\^"']


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_another_jobs_record_does_not_satisfy_the_waiter(
    package: ModuleType, is_async: bool
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/jobs/"):
            return httpx.Response(200, json={"id": "someone-else", "state": "done"})
        return httpx.Response(200, json={"runs": [{"id": "someone-else", "state": "done"}]})

    for wait in (
        lambda c: c.jobs.wait_for_job("mine", poll_interval=0.01),
        lambda c: c.runs.wait_for_run("mine", poll_interval=0.01),
    ):
        with pytest.raises(package.errors.NotFoundError, match="'mine'"):
            _call(package, is_async, handler, wait)


def test_server_variables_named_like_the_clients_own_parameters_fill_the_url(
    package: ModuleType,
) -> None:
    assert "api.example.org/s/h" in repr(package.Client())
    client = package.Client(server_url_2="a", headers_2="b", headers={"X-Test": "1"})
    assert "api.example.org/a/b" in repr(client)


# -- the static check ------------------------------------------------------------------------


def _module_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> list[str]:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
    return [a.arg for a in every]


def _own_locals(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    """Names bound in the function's own body (not in a nested function's)."""
    bound: set[str] = set()
    pending = list(function.body) if isinstance(function.body, list) else [function.body]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
            continue
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        pending.extend(ast.iter_child_nodes(node))
    return bound


def collisions(source: str) -> list[str]:
    """Every parameter that repeats, shadows a module name its function uses, or is rebound."""
    tree = ast.parse(source)
    module_names = _module_names(tree)
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        parameters = _parameters(function)
        where = getattr(function, "name", "lambda") + f" (line {function.lineno})"
        if len(set(parameters)) != len(parameters):
            found.append(f"{where}: a parameter repeats: {parameters}")
        body = function.body if isinstance(function.body, list) else [function.body]
        used = {
            node.id
            for statement in body
            for node in ast.walk(statement)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
        }
        # a nested function's annotations are read in this function's scope
        for node in (n for s in body for n in ast.walk(s)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                notes = [node.returns, *(a.annotation for a in node.args.args)]
                used |= {n.id for a in notes if a for n in ast.walk(a) if isinstance(n, ast.Name)}
        for name in parameters:
            if name in module_names and name in used:
                found.append(f"{where}: parameter {name} shadows the module's {name}")
            if name in _own_locals(function):
                found.append(f"{where}: parameter {name} is also a local")
    return found


def test_the_check_finds_the_collisions_of_issue_11() -> None:
    old = (
        "from typing import cast\n"
        "def get(self, cast: str, rules: str, page: str):\n"
        "    def read() -> int:\n"
        "        return get(rules=rules)\n"
        "    rules = 1\n"
        "    return cast('int', page)\n"
        "f = lambda a, a2: a\n"
    )
    found = collisions(old)
    assert any("cast shadows" in f for f in found)
    assert any("rules is also a local" in f for f in found)
    assert collisions("def f(a: int, *, b: int) -> None:\n    pass\n") == []


RESOURCES = sorted((PROJECT / "generated").glob("*/src/*/resources.py"))


@pytest.mark.parametrize("path", RESOURCES, ids=lambda p: p.parent.name)
def test_no_parameter_of_a_system_collides(path: Path) -> None:
    assert collisions(path.read_text(encoding="utf-8")) == []


def test_no_parameter_of_the_hostile_package_collides(package: ModuleType) -> None:
    for module in ("resources", "_client"):
        path = Path(package.__file__ or "").with_name(module + ".py")
        assert collisions(path.read_text(encoding="utf-8")) == [], module
