"""bench/typed_answers: which JSON answers count, and whether each client types them with models
(ours: a package generated here and imported; openapi-python-client's: a folder shaped as its
output, written here)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
from pydantic import BaseModel, JsonValue, RootModel
from typing_extensions import TypeAliasType

from bench import typed_answers
from generator.emit import models_split
from generator.emit.generate import PackageSource, render_package_source
from generator.normalize.normalize import normalize_source


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


PET = {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
CAT = {"type": "object", "properties": {"meows": {"type": "boolean"}}}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "tiny", "version": "1"},
    "paths": {
        "/pets/{petId}": {
            "get": {
                "operationId": "getPet",
                "responses": {"200": _json({"$ref": "#/components/schemas/Pet"})},
            },
            "delete": {"operationId": "deletePet", "responses": {"204": {"description": "gone"}}},
        },
        "/pets": {
            # an inline array of inline objects: the generator names the item
            "get": {
                "operationId": "listPets",
                "responses": {"200": _json({"type": "array", "items": PET})},
            },
            "post": {
                "operationId": "addPet",
                "responses": {
                    "201": _json({"oneOf": [{"$ref": "#/components/schemas/Pet"}, CAT]}),
                    "400": _json(PET),  # an error: not a success answer
                },
            },
        },
        # left out of the count: nothing there to be a model
        "/tags": {
            "get": {
                "operationId": "tags",
                "responses": {"200": _json({"type": "array", "items": {"type": "string"}})},
            }
        },
        # `items` applies to arrays only: this is a free-form object
        "/odd": {
            "get": {
                "operationId": "odd",
                "responses": {"200": _json({"type": "object", "items": PET})},
            }
        },
        "/free": {"get": {"operationId": "free", "responses": {"200": _json({"type": "object"})}}},
        "/text": {
            "get": {
                "operationId": "text",
                "responses": {
                    "200": {"description": "ok", "content": {"text/plain": {"schema": PET}}}
                },
            }
        },
    },
    "components": {"schemas": {"Pet": PET}},
}
COUNTED = [
    ("GET", "/pets/{}", "200"),
    ("GET", "/pets", "200"),
    ("POST", "/pets", "201"),
]


def test_only_object_shaped_success_answers_in_json_count() -> None:
    assert typed_answers.json_answers(SPEC) == [
        ("GET", "/pets/{}", "200"),
        ("GET", "/pets", "200"),
        ("POST", "/pets", "201"),
    ]


def test_swagger_2_answers_are_json_by_produces_and_their_schema_is_read_directly() -> None:
    document = {
        "swagger": "2.0",
        "produces": ["application/json"],
        "paths": {
            "/a": {"get": {"responses": {"200": {"description": "", "schema": PET}}}},
            "/b": {
                "get": {
                    "produces": ["application/xml"],
                    "responses": {"200": {"description": "", "schema": PET}},
                }
            },
            "/c": {"get": {"responses": {"200": {"$ref": "#/responses/Pets"}}}},
        },
        "responses": {"Pets": {"description": "", "schema": {"type": "array", "items": PET}}},
    }
    assert typed_answers.json_answers(document) == [("GET", "/a", "200"), ("GET", "/c", "200")]


def test_a_spec_whose_schemas_hold_themselves_is_counted_and_ends() -> None:
    node: dict[str, Any] = {"properties": {"next": {"$ref": "#/components/schemas/Node"}}}
    document = {
        "components": {"schemas": {"Node": node, "Loop": {"$ref": "#/components/schemas/Loop"}}}
    }
    assert typed_answers.object_shaped(document, {"$ref": "#/components/schemas/Node"})
    assert not typed_answers.object_shaped(document, {"$ref": "#/components/schemas/Loop"})
    assert typed_answers.object_shaped(document, {"additionalProperties": node})


class _Pet(BaseModel):
    id: int


class _Pets(RootModel[list[_Pet]]):
    pass


class _Free(RootModel[dict[str, JsonValue]]):
    pass


_NAMED = TypeAliasType("_NAMED", _Pet | _Pets)  # how the models name a union
_NAMED_FREE = TypeAliasType("_NAMED_FREE", _Pet | _Free)


@pytest.mark.parametrize(
    ("model", "typed"),
    [
        (_Pet, True),
        (list[_Pet], True),
        (_Pet | None, True),
        (dict[str, _Pet], True),
        (_Pets, True),  # a RootModel counts by its root
        (_NAMED, True),
        (_NAMED_FREE, False),
        (_Free, False),
        (JsonValue, False),
        (dict[str, Any], False),
        (list[int], False),
        (_Pet | str, False),
        (Any, False),
        (None, False),
    ],
)
def test_ours_is_typed_when_its_model_is_a_model_or_made_of_models(model: Any, typed: bool) -> None:
    assert typed_answers._typed(model) is typed


@pytest.mark.parametrize("split", [False, True], ids=["one module", "a module per resource"])
def test_ours_reads_every_answer_of_a_package_generated_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, split: bool
) -> None:
    if split:  # a large package's layout
        monkeypatch.setattr(models_split, "SPLIT_ABOVE", 0)
    spec = tmp_path / "tiny.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    rendered = render_package_source(PackageSource(normalize_source(spec).document, "tiny", spec))
    assert ("src/tiny/resources.py" in rendered.files) is not split
    for name, text in rendered.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    typed = typed_answers.ours(tmp_path / "src", "tiny", Path(sys.executable))
    assert {answer: typed[answer] for answer in COUNTED} == dict.fromkeys(COUNTED, True)
    assert not typed[("GET", "/free", "200")]  # read too, though the count leaves it out
    missing = ("GET", "/gone", "200")  # an answer with no method is no typed answer
    assert typed_answers.share([*COUNTED, missing], typed) == {"answers": 4, "typed": 3}


_OPC_MODULE = """
from typing import Any, cast
import httpx
from ...models.pet import Pet
from ...models.cat import Cat as Kitty

def _get_kwargs(pet_id: int) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {{
        "method": "{method}",
        "url": {url},
    }}
    return _kwargs

def _parse_response(*, client: Any, response: httpx.Response) -> Any:
{blocks}
    return None

def sync_detailed(*, client: Any) -> Any:
    pass
"""
_BLOCKS = {
    "model": """
    if response.status_code == 200:
        response_200 = Pet.from_dict(response.json())
        return response_200
    if response.status_code == 404:
        response_404 = cast(Any, None)
        return response_404
""",
    "list": """
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Pet.from_dict(response_200_item_data)
            response_200.append(response_200_item)
        return response_200
""",
    "union": """
    if response.status_code == 201:
        def _parse_response_201(data: object) -> "Pet" | Kitty:
            try:
                return Pet.from_dict(data)
            except TypeError:
                pass
            return Kitty.from_dict(data)
        response_201 = _parse_response_201(response.json())
        return response_201
""",
    "half": """
    if response.status_code == 200:
        def _parse_response_200(data: object) -> Pet | str:
            try:
                return Pet.from_dict(data)
            except TypeError:
                pass
            return cast(Pet | str, data)
        response_200 = _parse_response_200(response.json())
        return response_200
""",
    "any": """
    if response.status_code == 200:
        response_200 = cast(Any, response.json())
        return response_200
""",
}


def _opc_package(folder: Path) -> Path:
    package = folder / "tiny_client"
    modules = {
        "pets/get_pet.py": ("get", '"/pets/{pet_id}".format(pet_id=pet_id)', "model"),
        "pets/list_pets.py": ("get", '"/pets"', "list"),
        "pets/add_pet.py": ("post", '"/pets"', "union"),
        "other/half.py": ("get", '"/half"', "half"),
        "other/free.py": ("get", '"/free"', "any"),
    }
    for name, (method, url, block) in modules.items():
        module = package / "api" / name
        module.parent.mkdir(parents=True, exist_ok=True)
        (module.parent / "__init__.py").write_text("")
        module.write_text(dedent(_OPC_MODULE).format(method=method, url=url, blocks=_BLOCKS[block]))
    (package / "api" / "__init__.py").write_text("")
    return package


def test_theirs_reads_each_status_block_of_an_opc_shaped_package(tmp_path: Path) -> None:
    package = _opc_package(tmp_path)
    assert typed_answers.theirs(package) == {
        ("GET", "/pets/{}", "200"): True,  # Pet.from_dict
        ("GET", "/pets/{}", "404"): False,  # cast(Any, None)
        ("GET", "/pets", "200"): True,  # a loop of Pet.from_dict
        ("POST", "/pets", "201"): True,  # a union of two models, one imported as another name
        ("GET", "/half", "200"): False,  # a union with str
        ("GET", "/free", "200"): False,  # the JSON as it came
    }
    assert typed_answers.methods(package) == 5
    assert typed_answers.share(COUNTED, typed_answers.theirs(package)) == {"answers": 3, "typed": 3}
