"""Client() asks for what the spec's security schemes need, and nothing a vendor's name implies."""

from __future__ import annotations

import ast
from typing import Any

from generator.client.client_model_build import build_package
from generator.emit.render import render_package


def _client_arguments(schemes: dict[str, Any]) -> tuple[list[str], str]:
    """The keyword arguments of ``Client.__init__``, and the source of ``_client.py``."""
    document = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"securitySchemes": schemes},
    }
    source = render_package(build_package(document, package="p", class_names={}))[
        "src/p/_client.py"
    ]
    tree = ast.parse(source)
    client = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Client")
    init = next(n for n in client.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    return [a.arg for a in init.args.kwonlyargs], source


def test_each_scope_template_placeholder_is_a_client_argument() -> None:
    flows = {"password": {"tokenUrl": "/token", "scopes": {}}}
    scheme = {"type": "oauth2", "flows": flows, "x-scope-template": "org={org} team={team-id}"}
    arguments, source = _client_arguments({"o": scheme})
    assert {"org", "team_id"} <= set(arguments) and "scope" not in arguments
    assert "'org={org} team={team-id}'.replace('{org}', org).replace('{team-id}', team_id)" in (
        source
    )
    arguments, _ = _client_arguments({"o": {"type": "oauth2", "flows": flows}})
    assert "scope" in arguments and "community" not in arguments


def test_no_security_scheme_asks_for_no_credentials() -> None:
    arguments, source = _client_arguments({})
    credentials = {"tenant", "token", "username", "password", "api_key", "client_id", "scope"}
    assert not credentials & set(arguments)
    assert "auth=None" in source
