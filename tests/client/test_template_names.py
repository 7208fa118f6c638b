"""The names the templates give generated code themselves, which API names must never take.

The builder keeps API names (server variables, scope placeholders, parameters) away from the
keywords the templates add (``Client(timeout=...)``, ``iter_jobs(page_size=...)``); these
tests read those keywords out of the rendered code, so that a template that gains one the
builder does not know of fails here rather than with a spec that happens to use the name.
"""

from __future__ import annotations

import ast
from functools import cache
from typing import Any

import pytest
import yaml

from generator.client import client_model_build, naming
from generator.client.client_model import Package
from generator.client.client_model_build import build_package
from generator.emit.models_codegen import generate_models
from generator.emit.render import render_package
from generator.project.systems import system_ids
from tests.conftest import SPECS

_FLOWS = {"password": {"tokenUrl": "/token", "scopes": {}}}
_LOGIN = {"endpoints": [{"path": "/login", "token-field": "token"}], "tenant-scheme": "tenant"}
# One spec per kind of authentication, each with a server variable.
_AUTH_KINDS: dict[str, dict[str, Any]] = {
    "none": {},
    "apikey": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
    "oauth2": {"o": {"type": "oauth2", "flows": _FLOWS, "x-scope-template": "org={org}"}},
    "oauth2-scope": {"o": {"type": "oauth2", "flows": _FLOWS}},
    "login": {
        "tenant": {"type": "apiKey", "in": "header", "name": "X-Tenant"},
        "token": {"type": "apiKey", "in": "header", "name": "X-Token", "x-login": _LOGIN},
    },
    "several": {
        "query": {"type": "apiKey", "in": "query", "name": "key"},
        "cookie": {"type": "apiKey", "in": "cookie", "name": "sid"},
        "basic": {"type": "http", "scheme": "basic"},
        "bearer": {"type": "http", "scheme": "bearer"},
        "raw": {"type": "http", "scheme": "digest"},
        "cc": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/t", "scopes": {}}}},
        "code": {"type": "oauth2", "flows": {"authorizationCode": {"tokenUrl": "/t"}}},
        "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://a.b/.well-known"},
        "o": {"type": "oauth2", "flows": _FLOWS, "x-scope-template": "org={org}"},
    },
}


@cache
def _system(system: str) -> Package:
    document = yaml.safe_load((SPECS / system / "openapi.yaml").read_text(encoding="utf-8"))
    package = system.replace("-", "_")
    models = generate_models(document, package=package)
    return build_package(document, package=package, class_names=models.class_names)


def _by_auth(kind: str) -> Package:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "https://{host}/v1", "variables": {"host": {"default": "a.b"}}}],
        "paths": {},
        "components": {"securitySchemes": _AUTH_KINDS[kind]},
    }
    return build_package(document, package="p", class_names={})


def _packages() -> list[Any]:
    return [
        *(pytest.param(system, id=system) for system in system_ids(SPECS)),
        *(pytest.param(kind, id=f"auth-{kind}") for kind in _AUTH_KINDS),
    ]


def _package(name: str) -> Package:
    return _by_auth(name) if name in _AUTH_KINDS else _system(name)


def _module(package: Package, name: str) -> ast.Module:
    return ast.parse(render_package(package)[f"src/{package.name}/{name}"])


@pytest.mark.parametrize("name", _packages())
def test_every_name_client_adds_is_one_the_builder_keeps_from_api_names(name: str) -> None:
    package = _package(name)
    tree = _module(package, "_client.py")
    api_names = {v.python_name for v in package.server_variables}
    api_names |= set(package.auth.keywords)
    added: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for function in node.body:
                if isinstance(function, ast.FunctionDef) and function.name == "__init__":
                    added |= {a.arg for a in function.args.kwonlyargs}
        elif isinstance(node, ast.FunctionDef):
            added.add(node.name)
        elif isinstance(node, ast.Import) or (
            isinstance(node, ast.ImportFrom) and node.module != "__future__"
        ):
            added |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
    # a snake_case API name never starts with "_" nor holds a capital letter
    added = {n for n in added - api_names if not n.startswith("_") and n.islower()}
    assert added <= client_model_build.CLIENT_NAMES, sorted(added - client_model_build.CLIENT_NAMES)


@pytest.mark.parametrize("name", [p for p in _packages() if p.id in system_ids(SPECS)])
def test_every_keyword_a_method_adds_is_one_the_builder_keeps_from_api_names(name: str) -> None:
    package = _package(name)
    known = (
        naming.RESERVED
        | client_model_build.PAGINATION_KEYWORDS
        | client_model_build.WAITER_KEYWORDS
        | client_model_build.XML_KEYWORDS
    )
    api_names = {
        p.python_name
        for resource in package.resources
        for operation in resource.operations
        for p in (*operation.parameters, *(operation.body.parameters if operation.body else ()))
    } | {p.python_name for r in package.resources for w in r.waiters for p in w.id_parameters}
    for node in ast.walk(_module(package, "resources.py")):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith(
            "_"
        ):
            arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            added = {a.arg for a in arguments} - api_names
            assert added <= known, f"{node.name}: {sorted(added - known)}"
