"""A package generated from a hierarchy in Azure's dialect (Swagger 2.0, a base's
``discriminator`` on an enum property, a child's value as ``x-ms-discriminator-value`` where it
is not the child's name): each child's answer is parsed into the child's model, sync and
async, and the package passes mypy --strict."""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.cli import main
from generator.normalize.normalize import normalize_source

PACKAGE = "azure_pets"
_KIND = {"type": "string", "enum": ["Cat", "doggo", "bird"], "x-ms-enum": {"name": "PetKind"}}


def _child(own: dict[str, Any], value: str | None = None, base: str = "Pet") -> dict[str, Any]:
    child: dict[str, Any] = {
        "allOf": [{"$ref": f"#/definitions/{base}"}],
        "properties": own,
    }
    if value is not None:
        child["x-ms-discriminator-value"] = value
    return child


SPEC = {
    "swagger": "2.0",
    "info": {"title": "Pets", "version": "1"},
    "host": "pets.example.com",
    "schemes": ["https"],
    "paths": {
        "/holder": {
            "get": {
                "operationId": "Holder_Get",
                "produces": ["application/json"],
                "responses": {
                    "200": {"description": "ok", "schema": {"$ref": "#/definitions/Holder"}}
                },
            }
        }
    },
    "definitions": {
        "Pet": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind"],
            "properties": {"kind": _KIND, "name": {"type": "string"}},
        },
        "Cat": _child({"purrs": {"type": "boolean"}}),  # its value is its name
        "Dog": _child({"barks": {"type": "boolean"}}, "doggo"),
        "Parrot": _child({"words": {"type": "integer"}}, "bird"),
        "Holder": {
            "type": "object",
            "properties": {
                "pet": {"$ref": "#/definitions/Pet"},
                "pets": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
            },
        },
    },
}


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("azure") / "pets.json"
    path.write_text(json.dumps(SPEC))
    return path


def test_the_declared_values_are_the_bases_mapping(spec: Path) -> None:
    document = normalize_source(spec).document
    assert document["components"]["schemas"]["Pet"]["discriminator"]["mapping"] == {
        "Cat": "#/components/schemas/Cat",
        "doggo": "#/components/schemas/Dog",
        "bird": "#/components/schemas/Parrot",
    }


@pytest.fixture(scope="module")
def source(spec: Path) -> Path:
    output = spec.parent / "out"
    assert main(["generate", str(spec), "-o", str(output), "--package", PACKAGE, "-q"]) == 0
    return output / PACKAGE / "src"


@pytest.fixture(scope="module")
def package(source: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(source))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(source))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_the_package_passes_mypy_strict(source: Path, mypy_cache: Path) -> None:
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
    checked = subprocess.run(
        [*mypy, "-p", PACKAGE], capture_output=True, text=True, cwd=source, timeout=300
    )
    assert checked.returncode == 0, checked.stdout


_PETS = [
    {"kind": "Cat", "purrs": True},
    {"kind": "doggo", "barks": True},
    {"kind": "bird", "words": 3},
]


def _get_holder(package: ModuleType, is_async: bool, body: Any) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    if not is_async:
        with package.Client(transport=httpx.MockTransport(answer)) as client:
            return client.holder.holder_get()

    async def answer_async(request: httpx.Request) -> httpx.Response:
        return answer(request)

    async def run() -> Any:
        async with package.AsyncClient(transport=httpx.MockTransport(answer_async)) as client:
            return await client.holder.holder_get()

    return asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize(("pet", "model"), list(zip(_PETS, ["Cat", "Dog", "Parrot"], strict=True)))
def test_each_childs_answer_is_its_model(
    package: ModuleType, is_async: bool, pet: dict[str, Any], model: str
) -> None:
    holder = _get_holder(package, is_async, {"pet": pet, "pets": _PETS})
    assert type(holder.pet) is getattr(package.models, model)
    assert [type(item).__name__ for item in holder.pets] == ["Cat", "Dog", "Parrot"]
