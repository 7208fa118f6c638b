"""A spec that declares every kind of security scheme, with operations requiring each, alone,
as alternatives, together, or none; and its generated package (``many_schemes``)."""

from __future__ import annotations

import json
from contextlib import redirect_stderr
from io import StringIO
from pathlib import Path
from typing import Any

from generator.cli import main

PACKAGE = "many_schemes"

_OK = {
    "200": {
        "description": "done",
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Done"},
                "example": {"done": True},
            }
        },
    }
}


def _get(operation_id: str, security: list[dict[str, list[str]]] | None) -> dict[str, Any]:
    operation: dict[str, Any] = {"operationId": operation_id, "tags": ["calls"], "responses": _OK}
    if security is not None:
        operation["security"] = security
    return {"get": operation}


_TOKEN_ANSWER = {
    "description": "a token",
    "content": {
        "application/json": {
            "schema": {"type": "object"},
            "example": {"access_token": "mock-token", "token_type": "bearer", "expires_in": 300},
        }
    },
}

SCHEMES: dict[str, Any] = {
    "bearer": {"type": "http", "scheme": "bearer"},
    "key_header": {"type": "apiKey", "in": "header", "name": "X-Key"},
    "key_query": {"type": "apiKey", "in": "query", "name": "appid"},
    "key_cookie": {"type": "apiKey", "in": "cookie", "name": "sid"},
    "basic": {"type": "http", "scheme": "basic"},
    "raw": {"type": "http", "scheme": "custom"},
    "cc": {
        "type": "oauth2",
        "flows": {"clientCredentials": {"tokenUrl": "/oauth/token", "scopes": {"read": "r"}}},
    },
    "code": {
        "type": "oauth2",
        "flows": {
            "authorizationCode": {
                "authorizationUrl": "https://auth.test/authorize",
                "tokenUrl": "https://auth.test/token",
                "scopes": {},
            }
        },
    },
    "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://auth.test/.well-known"},
    "tls": {"type": "mutualTLS"},
}


def spec(default: str | None = "bearer") -> dict[str, Any]:
    """Every operation answers ``{"done": true}``; ``default`` is the document's scheme (None:
    any one of them, as a mock server for the clients of each is told)."""
    sendable = [name for name in SCHEMES if name != "tls"]
    return {
        "openapi": "3.1.0",
        "info": {"title": "Many schemes", "version": "1"},
        "servers": [{"url": "https://api.schemes.test"}],
        "security": [{name: []} for name in ([default] if default else sendable)],
        "paths": {
            "/default": _get("byDefault", None),
            "/open": _get("open", []),
            "/either": _get("either", [{"key_header": []}, {"basic": []}]),
            "/both": _get("both", [{"key_query": [], "key_cookie": []}]),
            "/raw": _get("raw", [{"raw": []}]),
            "/cc": _get("clientCredentials", [{"cc": ["read"]}]),
            "/code": _get("authorizationCode", [{"code": []}]),
            "/oidc": _get("openIdConnect", [{"oidc": []}]),
            "/tls": _get("mutualTls", [{"tls": []}]),
            "/oauth/token": {
                "post": {
                    "operationId": "token",
                    "tags": ["oauth"],
                    "security": [],
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {"schema": {"type": "object"}}
                        }
                    },
                    "responses": {"200": _TOKEN_ANSWER},
                }
            },
        },
        "components": {
            "securitySchemes": SCHEMES,
            "schemas": {"Done": {"type": "object", "properties": {"done": {"type": "boolean"}}}},
        },
    }


def generate(root: Path, package: str = PACKAGE, default: str = "bearer") -> tuple[Path, str]:
    """Write the spec and generate its package under ``root/out``; the folder and stderr."""
    source = root / f"{package}.json"
    source.write_text(json.dumps(spec(default)), encoding="utf-8")
    errors = StringIO()
    with redirect_stderr(errors):
        code = main(["generate", str(source), "-o", str(root / "out"), "--package", package, "-q"])
    assert code == 0, errors.getvalue()
    return root / "out" / package, errors.getvalue()
