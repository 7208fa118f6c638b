"""Every operation of every system, called through the generated sync and async clients
against Prism: Prism validates each request against the spec (any violation fails the
test), and each answer, static or generated (``Prefer: dynamic=true``), must parse into the
typed models."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from generator.client.client_model import Operation, Package
from generator.client.client_model_build import build_package
from generator.client.type_refs import JSON_VALUE, Model, UnionOf
from generator.emit.models_codegen import generate_models
from generator.normalize.examples import ExampleChecker
from generator.normalize.openapi_walk import METHODS
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from generator.shared import pointer as json_pointer
from generator.shared.errors import Warnings
from tests.conftest import SPECS
from tests.contract.prism import PrismServer
from tests.contract.values import example

CREDENTIALS: dict[str, dict[str, str]] = {
    "login": {"tenant": "diku", "token": "token"},
    "apikey": {"api_key": "key"},
    "oauth2_password": {
        "client_id": "client",
        "client_secret": "secret",
        "username": "user",
        "password": "password",
        "community": "example",
    },
}


def _systems() -> list[tuple[str, dict[str, Any], Package]]:
    found = []
    for system in system_ids(SPECS):
        document = yaml.safe_load((SPECS / system / "openapi.yaml").read_text())
        package = load_manifest(SPECS / system / "manifest.yaml").package
        class_names = generate_models(document, package=package).class_names
        found.append(
            (system, document, build_package(document, package=package, class_names=class_names))
        )
    return found


SYSTEMS = _systems()
CASES = [
    pytest.param(system, operation.operation_id, id=f"{system}:{operation.method_name}")
    for system, _, package in SYSTEMS
    for resource in package.resources
    for operation in resource.operations
]


def _raw_operation(document: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in document["paths"].values():
        for method in METHODS:
            if item.get(method, {}).get("operationId") == operation_id:
                return {**item[method], "_shared": item.get("parameters", [])}
    raise KeyError(operation_id)


def _arguments(document: dict[str, Any], operation: Operation, module: Any) -> dict[str, Any]:
    raw = _raw_operation(document, operation.operation_id)
    schemas = {}
    for reference in [*raw["_shared"], *raw.get("parameters", [])]:
        parameter = _resolved(reference, document)
        schemas[(parameter["in"], parameter["name"])] = parameter.get("schema", {})
    arguments: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter.required and not parameter.fixed:  # a fixed one the client sends itself
            arguments[parameter.python_name] = example(
                schemas.get((parameter.location, parameter.name), {}), document
            )
    if operation.body is not None:
        content = raw["requestBody"]["content"]
        media = next(iter(content))
        schema = content.get("application/json", content[media]).get("schema", {})
        if operation.body.kind in ("form", "multipart"):
            properties = _resolved(schema, document).get("properties", {})
            for field in operation.body.parameters:
                if field.required and not field.fixed:
                    arguments[field.python_name] = example(properties[field.name], document)
        else:
            value = example(schema, document)
            body = operation.body.parameters[0]
            if isinstance(body.annotation, Model):
                model = getattr(module.models, body.annotation.class_name)
                value = model.model_validate(value)
            arguments[body.python_name] = value
    return arguments


def _resolved(node: Any, document: dict[str, Any]) -> dict[str, Any]:
    while isinstance(node, dict) and "$ref" in node:
        node = json_pointer.resolve(document, node["$ref"][1:])
    return node if isinstance(node, dict) else {}


def _no_violations(response: httpx.Response) -> None:
    """Fail on any request Prism finds invalid (its own answers are its business)."""
    violations = json.loads(response.headers.get("sl-violations", "[]"))
    rejected = [v for v in violations if v["location"][0] == "request"]
    assert not rejected, (
        f"Prism rejected {response.request.method} {response.request.url}: {rejected}"
    )


async def _async_no_violations(response: httpx.Response) -> None:
    _no_violations(response)


def _find(system: str, operation_id: str) -> tuple[dict[str, Any], Package, Operation, str]:
    for name, document, package in SYSTEMS:
        if name == system:
            for resource in package.resources:
                for operation in resource.operations:
                    if operation.operation_id == operation_id:
                        return document, package, operation, resource.attribute
    raise KeyError(operation_id)


def _check_answer(module: Any, operation: Operation, answer: Any) -> None:
    returned = operation.return_annotation
    first = returned.members[0] if isinstance(returned, UnionOf) else returned
    if isinstance(first, Model):
        assert isinstance(answer, getattr(module.models, first.class_name))


def _invalid_by_the_spec(document: dict[str, Any], response: httpx.Response) -> bool:
    """Whether an answer breaks its own spec, judged by JSON Schema alone (not our models)."""
    request = response.request
    for path, item in document["paths"].items():
        operation = item.get(request.method.lower(), {})
        template = re.sub(
            r"\{[^}]+\}", "[^/]+", re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
        )
        if not re.fullmatch(template, request.url.path) or not operation:
            continue
        answer = operation.get("responses", {}).get(str(response.status_code), {})
        if "application/json" not in answer.get("content", {}):
            return False
        pointer = json_pointer.join(
            "/paths",
            path,
            request.method.lower(),
            "responses",
            str(response.status_code),
            "content",
            "application/json",
            "schema",
        )
        checker = ExampleChecker(document, Path("openapi.yaml"), Warnings())
        try:
            return checker.problem(response.json(), pointer) is not None
        except ValueError:
            return True
    return False


def _mock_at_fault(error: Exception, document: dict[str, Any]) -> bool:
    """Whether Prism, not the client, failed: it crashed generating data (a 500 of type
    prism/errors#UNKNOWN, on recursive schemas), or the answer it made up breaks the spec
    (past its recursion depth it leaves out required properties) — then the client is right
    to reject it."""
    response = getattr(error, "response", None)
    if response is None:
        return False
    if "prism/errors#UNKNOWN" in response.text:
        return True
    return _invalid_by_the_spec(document, response)


def _with_prism_retries(call: Callable[[], Any], document: dict[str, Any]) -> Any:
    """Dynamic answers are random: when the mock is at fault, ask again; when it never
    manages a valid answer, there is nothing the client can be judged on."""
    for _ in range(10):
        try:
            return call()
        except Exception as error:
            if not _mock_at_fault(error, document):
                raise
    pytest.skip("Prism made no answer valid against the spec in 10 tries")


def _setup(
    system: str, operation_id: str, dynamic: bool, prism: Callable[[str], PrismServer]
) -> tuple[dict[str, Any], Package, Operation, str, Any, str, dict[str, str]]:
    """The call to make and where: spec, package, operation, resource, module, URL, headers."""
    document, package, operation, attribute = _find(system, operation_id)
    typed = [r for r in operation.responses if r.kind in ("json", "xml") and r.annotation]
    if dynamic and all(r.annotation == JSON_VALUE for r in typed):
        pytest.skip("no response schema: Prism has nothing to generate data from")
    module = importlib.import_module(package.name)
    headers = {"Prefer": "dynamic=true"} if dynamic else {}
    return document, package, operation, attribute, module, prism(system).base_url, headers


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
@pytest.mark.parametrize(("system", "operation_id"), CASES)
def test_sync_client(
    system: str, operation_id: str, dynamic: bool, prism: Callable[[str], PrismServer]
) -> None:
    document, package, operation, attribute, module, base_url, headers = _setup(
        system, operation_id, dynamic, prism
    )
    http = httpx.Client(event_hooks={"response": [_no_violations]})
    with module.Client(
        base_url=base_url,
        http_client=http,
        headers=headers,
        **CREDENTIALS[package.auth.kind],
    ) as client:
        call = getattr(getattr(client, attribute), operation.method_name)
        arguments = _arguments(document, operation, module)
        if operation.streamed:
            with call(**arguments) as download:
                body = b"".join(download.iter_bytes())
                assert download.status_code == 200
                assert download.headers["content-type"].startswith("application/octet-stream")
                assert isinstance(body, bytes)
            return
        _check_answer(module, operation, _with_prism_retries(lambda: call(**arguments), document))


# The async client meets Prism's made-up answers under the long profile: what they vary is the
# data, which both clients parse alike; the sync client meets them in every run.
@pytest.mark.parametrize(
    "dynamic",
    [False, True] if os.environ.get("TEST_PROFILE") == "long" else [False],
    ids=["static", "dynamic"][: 2 if os.environ.get("TEST_PROFILE") == "long" else 1],
)
@pytest.mark.parametrize(("system", "operation_id"), CASES)
def test_async_client(
    system: str, operation_id: str, dynamic: bool, prism: Callable[[str], PrismServer]
) -> None:
    document, package, operation, attribute, module, base_url, headers = _setup(
        system, operation_id, dynamic, prism
    )

    async def run() -> Any:
        http = httpx.AsyncClient(event_hooks={"response": [_async_no_violations]})
        async with module.AsyncClient(
            base_url=base_url,
            http_client=http,
            headers=headers,
            **CREDENTIALS[package.auth.kind],
        ) as client:
            call = getattr(getattr(client, attribute), operation.method_name)
            arguments = _arguments(document, operation, module)
            if operation.streamed:
                async with await call(**arguments) as download:
                    return b"".join([chunk async for chunk in download.aiter_bytes()])
            return await call(**arguments)

    answer = _with_prism_retries(lambda: asyncio.run(run()), document)
    if operation.streamed:
        assert isinstance(answer, bytes)
    else:
        _check_answer(module, operation, answer)


def test_an_answer_that_breaks_its_spec_is_told_apart_from_a_client_fault() -> None:
    # the judge of Prism's made-up answers runs only when one fails, so it is tested here too
    document = next(d for system, d, _ in SYSTEMS if system == "folio-data-export-spring")
    request = httpx.Request("GET", "http://mock/data-export-spring/jobs/x")
    assert _invalid_by_the_spec(document, httpx.Response(200, json={"id": 5}, request=request))
    # a status the spec does not declare is not for the spec to judge
    assert not _invalid_by_the_spec(document, httpx.Response(418, text="no", request=request))
