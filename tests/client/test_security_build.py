"""Which schemes a client sends, by which Client() keywords, and each operation's requirement."""

from __future__ import annotations

from typing import Any

from generator.client.client_model import Package
from generator.client.client_model_build import build_package

_CC = {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/t", "scopes": {}}}}
_PASSWORD = {"type": "oauth2", "flows": {"password": {"tokenUrl": "/t", "scopes": {}}}}


def _package(schemes: dict[str, Any], **document: Any) -> Package:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"securitySchemes": schemes},
        **document,
    }
    return build_package(spec, package="p", class_names={})


def test_a_second_scheme_wanting_a_keyword_gets_one_named_after_it() -> None:
    auth = _package(
        {
            "a": {"type": "apiKey", "in": "header", "name": "A"},
            "admin": {"type": "apiKey", "in": "query", "name": "k"},
            "basic": {"type": "http", "scheme": "basic"},
            "grant": _PASSWORD,
        }
    ).auth
    assert auth.keywords == (
        "api_key", "admin_api_key", "username", "password",
        "client_id", "client_secret", "grant_username", "grant_password", "scope",
    )  # fmt: skip


def test_without_a_document_requirement_each_scheme_alone_is_an_alternative() -> None:
    auth = _package({"a": {"type": "http", "scheme": "bearer"}, "b": _CC}).auth
    assert auth.default == (("a",), ("b",))


def test_an_alternative_joining_two_token_fetching_schemes_is_a_warning_and_left_out() -> None:
    package = _package(
        {"a": _CC, "b": _PASSWORD, "c": {"type": "http", "scheme": "basic"}},
        security=[{"a": [], "b": []}, {"a": [], "c": []}],
    )
    assert package.auth.default == (("a", "c"),)
    assert [pointer for _, pointer in package.warnings] == ["/security/0"]


def test_an_unknown_scheme_type_and_a_requirement_naming_an_undeclared_one_are_warnings() -> None:
    package = _package(
        {"m": {"type": "mutualTLS"}, "x": {"type": "http"}},
        security=[{"nowhere": []}],
    )
    assert package.auth.schemes == ()
    assert [pointer for _, pointer in package.warnings] == [
        "/components/securitySchemes/m",
        "/components/securitySchemes/x",
        "/security/0",
    ]
