"""How many of a spec's JSON answers a generated client types with models: ours and
openapi-python-client's, counted the same way against the same spec.

What is counted (``json_answers``): over the spec's operations as written (the file a user
gives either tool, not our normalized copy), each success answer (2XX) with a JSON media type
(``generator.client.media_types.kind``; Swagger 2.0: the operation's or document's
``produces``, JSON when it names none) whose schema, after ``$ref``, is object-shaped: an
object with properties, a map whose values are object-shaped, an array of object-shaped items,
or a composition (allOf/anyOf/oneOf) of object-shaped members. A free-form object (no
properties) or an array of scalars is left out: it has no model to be, and ``list[int]`` is as
typed as that answer can get. The first JSON media type of an answer is the one counted, as our
client reads it.

Ours (``ours``): the generated ``resources`` module is imported and every ``OperationSpec`` in
it read: each ``ResponseSpec.model`` is the very object pydantic validates that answer with, so
it says exactly what the call returns, down to what the models module made of a component (a
``RootModel`` around a dict is no model). That is more exact than the client model's TypeRefs,
which name a class without knowing what datamodel-code-generator put in it. An answer is typed
when its model is a ``BaseModel`` (a ``RootModel`` counts by its root, a named union's type
alias by its value), or a list, dict value or union (``None`` aside) of such. The import runs
in a subprocess with the package's ``src`` first on the path: each package is a module tree of
its own.

openapi-python-client's (``theirs``): each ``api/<tag>/<operation>.py`` module is read as
source (its ``_get_kwargs`` gives the method and URL template, ``_parse_response`` one
``if response.status_code == N`` block per answer). An answer is typed when its block calls
``<Class>.from_dict`` of a class imported from the package's ``models`` (a list of models is a
loop of such calls) and, where it parses a union through a nested ``_parse_response_N``, that
function's return annotation names only such classes (``None`` and ``Unset`` aside).

Answers are matched to methods by HTTP method and path template with the parameter names left
out (opc renames them): an answer with no method is untyped.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.client.media_types import kind
from generator.normalize.openapi_walk import METHODS

Key = tuple[str, str, str]  # (METHOD, path template without parameter names, status)
_PARAMETER = re.compile(r"\{[^}]*\}")
_COMPOSITIONS = ("allOf", "anyOf", "oneOf")


def key(method: str, path: str, status: object) -> Key:
    return (method.upper(), _PARAMETER.sub("{}", path), str(status).upper())


def load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        document: dict[str, Any] = json.loads(text)
        return document
    import yaml

    return dict(yaml.safe_load(text))


def _resolve(document: dict[str, Any], node: Any) -> Any:
    """``node`` with local references followed; an unresolvable one is None."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        reference = node["$ref"]
        if not reference.startswith("#/") or reference in seen:
            return None
        seen.add(reference)
        node = document
        for part in reference[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def object_shaped(
    document: dict[str, Any], schema: Any, seen: frozenset[int] = frozenset()
) -> bool:
    """Whether ``schema`` describes an answer a client can give a model (see the docstring)."""
    schema = _resolve(document, schema)
    if not isinstance(schema, dict) or id(schema) in seen:
        return isinstance(schema, dict)  # a schema that holds itself is a model already
    seen = seen | {id(schema)}
    for composition in _COMPOSITIONS:
        members = [m for m in schema.get(composition) or [] if not _null(document, m)]
        if members:
            return all(object_shaped(document, m, seen) for m in members)
    types = schema.get("type")
    types = [t for t in types if t != "null"] if isinstance(types, list) else [types]
    # `items` says nothing of an object (dev.to's `type: object, items: {$ref}` is free-form)
    if "array" in types or ("items" in schema and types == [None]):
        return object_shaped(document, schema.get("items"), seen)
    if schema.get("properties"):
        return True
    values = schema.get("additionalProperties")
    return isinstance(values, dict) and bool(values) and object_shaped(document, values, seen)


def _null(document: dict[str, Any], schema: Any) -> bool:
    schema = _resolve(document, schema)
    return isinstance(schema, dict) and schema.get("type") == "null"


def json_answers(document: dict[str, Any]) -> list[Key]:
    """The spec's 2XX JSON answers with an object-shaped schema, in document order."""
    swagger = "swagger" in document
    found: list[Key] = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            produces = operation.get("produces", document.get("produces")) or ["application/json"]
            for status, raw in (operation.get("responses") or {}).items():
                response = _resolve(document, raw)
                if not str(status).startswith("2") or not isinstance(response, dict):
                    continue
                if swagger:
                    media = next((m for m in produces if kind(m) == "json"), None)
                    schema = response.get("schema")
                else:
                    content = response.get("content") or {}
                    media = next((m for m in content if kind(m) == "json"), None)
                    schema = (content.get(media) or {}).get("schema") if media else None
                if media is not None and object_shaped(document, schema):
                    found.append(key(method, path, status))
    return found


def share(answers: list[Key], typed: dict[Key, bool]) -> dict[str, int]:
    """``answers`` counted: how many, and how many their client types with models."""
    return {"answers": len(answers), "typed": sum(typed.get(answer, False) for answer in answers)}


# -- ours ------------------------------------------------------------------------------------


def ours(source: Path, package: str, python: Path) -> dict[Key, bool]:
    """For every success answer of the package under ``source`` (its ``src`` folder): typed?"""
    found = subprocess.run(
        [str(python), "-m", "bench.typed_answers", package],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": f"{source}:{Path(__file__).resolve().parent.parent}"},
        timeout=900,
    )
    return {
        key(method, path, status): typed for method, path, status, typed in json.loads(found.stdout)
    }


def _typed(annotation: Any) -> bool:
    """Whether a ResponseSpec's model is a model, or a list / dict / union of models."""
    import types
    import typing

    from pydantic import BaseModel, RootModel

    if type(annotation).__name__ == "TypeAliasType":  # a named union: typing(_extensions)'s
        return _typed(annotation.__value__)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _typed(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(annotation) if m is not type(None)]
        return bool(members) and all(_typed(m) for m in members)
    if origin in (list, tuple, set, frozenset):
        return all(_typed(a) for a in typing.get_args(annotation) if a is not Ellipsis)
    if origin is dict:
        return _typed(typing.get_args(annotation)[-1])
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return _typed(annotation.model_fields["root"].annotation)
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _probe(package: str) -> list[tuple[str, str, str, bool]]:
    """Run in the package's interpreter: every OperationSpec's success answers, typed or not."""
    import importlib
    import pkgutil

    resources = importlib.import_module(f"{package}.resources")
    # one module, or a package of them (a large package's: a module per resource)
    modules = [resources] + [
        importlib.import_module(f"{resources.__name__}.{found.name}")
        for found in pkgutil.iter_modules(getattr(resources, "__path__", []))
    ]
    operation_spec = importlib.import_module(f"{package}._runtime._operation").OperationSpec
    return [
        (spec.method, spec.path, str(response.status), _typed(response.model))
        for module in modules
        for spec in vars(module).values()
        if isinstance(spec, operation_spec)
        for response in spec.responses
        if response.kind == "json"
    ]


# -- openapi-python-client -------------------------------------------------------------------


def theirs(package: Path) -> dict[Key, bool]:
    """For every answer that the opc package at ``package`` parses: typed?"""
    found: dict[Key, bool] = {}
    for module in sorted((package / "api").glob("*/*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
        where = _request(functions.get("_get_kwargs"))
        parse = functions.get("_parse_response")
        if where is None or parse is None:
            continue
        models = _model_names(tree)
        for status, block in _status_blocks(parse):
            found[key(*where, status)] = _block_typed(block, models)
    return found


def methods(package: Path) -> int:
    """How many operations the opc package has a method for (one module each, with ``sync``)."""
    return sum(
        "\ndef sync_detailed(" in module.read_text(encoding="utf-8")
        for module in (package / "api").glob("*/*.py")
    )


def _request(function: ast.FunctionDef | None) -> tuple[str, str] | None:
    """(method, URL template) from ``_kwargs = {"method": ..., "url": ...}``."""
    if function is None:
        return None
    for node in ast.walk(function):
        if isinstance(node, ast.Dict):
            entries = {
                k.value: v
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant)
            }
            method, url = entries.get("method"), entries.get("url")
            if isinstance(url, ast.Call) and isinstance(url.func, ast.Attribute):
                url = url.func.value  # "/pets/{pet_id}".format(...)
            if isinstance(method, ast.Constant) and isinstance(url, ast.Constant):
                return str(method.value), str(url.value)
    return None


def _model_names(tree: ast.Module) -> set[str]:
    """The classes the module imports from the package's ``models``."""
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and "models" in (node.module or "").split(".")
        for alias in node.names
    }


def _status_blocks(parse: ast.FunctionDef) -> list[tuple[int, list[ast.stmt]]]:
    blocks = []
    for node in parse.body:
        if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
            continue
        test = node.test
        left, right = test.left, test.comparators[0] if test.comparators else None
        if (
            isinstance(left, ast.Attribute)
            and left.attr == "status_code"
            and isinstance(right, ast.Constant)
            and isinstance(right.value, int)
        ):
            blocks.append((right.value, node.body))
    return blocks


def _block_typed(block: list[ast.stmt], models: set[str]) -> bool:
    parsed = False
    for statement in block:
        for node in ast.walk(statement):
            if isinstance(node, ast.FunctionDef) and node.returns is not None:
                named = {n.id for n in ast.walk(node.returns) if isinstance(n, ast.Name)}
                named |= {  # annotations in quotes: "Cat" | "Dog"
                    word
                    for n in ast.walk(node.returns)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                    for word in re.findall(r"\w+", n.value)
                }
                if named - {"None", "Unset", "Union", "Optional", "list"} - models:
                    return False
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "from_dict"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in models
            ):
                parsed = True
    return parsed


if __name__ == "__main__":
    print(json.dumps(_probe(sys.argv[1])))
