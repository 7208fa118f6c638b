"""A package generated from a spec whose bodies and answers are written in place (``{data:
...}`` envelopes, arrays of objects, a webhook payload): its methods take and return models, for
mypy and at run time, sync and async; the body keyword stays ``body``."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import re
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

PACKAGE = "inline_projects"
BASE = "https://projects.example.com"
_PROJECT = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
_ENVELOPE = {"type": "object", "properties": {"data": _PROJECT}}


def _json(schema: Any) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Projects", "version": "1"},
    "servers": [{"url": BASE}],
    "paths": {
        "/projects": {
            "get": {
                "operationId": "listProjects",
                "tags": ["projects"],
                "responses": {"200": _json({"type": "array", "items": _PROJECT})},
            },
            "post": {
                "operationId": "createProject",
                "tags": ["projects"],
                "requestBody": {"required": True, **_json(_PROJECT)},
                "responses": {"201": _json(_ENVELOPE)},
            },
        },
        "/projects/{id}": {
            "get": {
                "operationId": "getProject",
                "tags": ["projects"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": _json(_ENVELOPE)},
            }
        },
    },
    "webhooks": {
        "projectCreated": {
            "post": {
                "requestBody": _json(_ENVELOPE),
                "responses": {"200": {"description": "received"}},
            }
        }
    },
}

_REVEALED = [
    ("client.projects.get_project('1')", "{p}.models.GetProjectResponse"),
    ("client.projects.list_projects()", "list[{p}.models.ListProjectsResponseItem]"),
    (
        "client.projects.create_project(body=models.CreateProjectRequest(id='1'))",
        "{p}.models.CreateProjectResponse",
    ),
    ("await async_client.projects.get_project('1')", "{p}.models.GetProjectResponse"),
    ("webhooks.parse_project_created(b'{}')", "{p}.models.ProjectCreatedPayload"),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("inline")
    spec = output / "projects.json"
    spec.write_text(json.dumps(SPEC))
    assert main(["generate", str(spec), "-o", str(output), "--package", PACKAGE, "--quiet"]) == 0
    return output / PACKAGE / "src"


@pytest.fixture(scope="module")
def package(source: Path) -> Iterator[ModuleType]:
    with imported(source.parent) as module:  # the package's folder, which holds src/
        yield module


def test_inline_answers_and_bodies_are_models_to_mypy_strict(
    source: Path, tmp_path: Path, mypy_cache: Path
) -> None:
    lines = "".join(f"    reveal_type({call})\n" for call, _ in _REVEALED)
    (tmp_path / "user_code.py").write_text(
        f"from {PACKAGE} import AsyncClient, Client, models, webhooks\n\n\n"
        "async def calls(client: Client, async_client: AsyncClient) -> None:\n" + lines
    )
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
    checked = subprocess.run(
        [*mypy, "-p", PACKAGE, "-m", "user_code"],
        capture_output=True,
        text=True,
        cwd=source,
        env={**os.environ, "MYPYPATH": str(tmp_path)},
        timeout=300,
    )
    assert checked.returncode == 0, checked.stdout
    revealed = re.findall(r'Revealed type is "(.*)"', checked.stdout)
    assert revealed == [shown.format(p=PACKAGE) for _, shown in _REVEALED]


Handler = Callable[[httpx.Request], httpx.Response]


def _call(package: ModuleType, is_async: bool, handler: Handler, call: Callable[[Any], Any]) -> Any:
    """``call(client)`` with a client of the package answering through ``handler``."""
    if not is_async:
        with package.Client(transport=httpx.MockTransport(handler)) as client:
            return call(client)

    async def answer(request: httpx.Request) -> httpx.Response:
        return handler(request)

    async def run() -> Any:
        async with package.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await call(client)

    return asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_an_inline_envelope_answer_is_parsed_into_its_model(
    package: ModuleType, is_async: bool
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"id": "p1"}})

    answer = _call(package, is_async, handler, lambda client: client.projects.get_project("p1"))
    assert isinstance(answer, package.models.GetProjectResponse)
    assert answer.data is not None and answer.data.id == "p1"


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_an_inline_array_answer_is_a_list_of_its_item_model(
    package: ModuleType, is_async: bool
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"id": "a"}, {"id": "b"}])

    answer = _call(package, is_async, handler, lambda client: client.projects.list_projects())
    assert [type(item) for item in answer] == [package.models.ListProjectsResponseItem] * 2
    assert [item.id for item in answer] == ["a", "b"]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_an_inline_request_body_is_sent_from_its_model_as_body(
    package: ModuleType, is_async: bool
) -> None:
    sent: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(201, json={"data": {"id": "new"}})

    model = package.models.CreateProjectRequest(id="new")
    answer = _call(
        package, is_async, handler, lambda client: client.projects.create_project(body=model)
    )
    assert sent == [{"id": "new"}]
    assert isinstance(answer, package.models.CreateProjectResponse)


def test_an_inline_webhook_payload_is_parsed_into_its_model(package: ModuleType) -> None:
    webhooks = importlib.import_module(PACKAGE + ".webhooks")
    payload = webhooks.parse_project_created(b'{"data": {"id": "p9"}}')
    assert isinstance(payload, package.models.ProjectCreatedPayload)
    assert payload.data is not None and payload.data.id == "p9"
