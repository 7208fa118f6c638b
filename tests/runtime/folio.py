"""FOLIO's login as the runtime's generic ``LoginAuth``: the facts FOLIO's specs give in
``x-login`` (and a generated FOLIO client passes), for the tests that build an auth by hand."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


def folio_auth(
    tenant: str, token: str | None = None, *, runtime_auth: ModuleType | None = None, **options: Any
) -> Any:
    """``LoginAuth`` of ``runtime_auth``: a generated package's copy of the runtime, or else the
    tested one (``runtime._auth``, importable where tests/runtime/conftest.py has run)."""
    if runtime_auth is None:
        runtime_auth = importlib.import_module("runtime._auth")
    endpoint = runtime_auth.LoginEndpoint
    options.setdefault(
        "endpoints",
        (
            endpoint("/authn/login-with-expiry", token_cookie="folioAccessToken"),
            endpoint("/authn/login", token_header="x-okapi-token", token_field="okapiToken"),
        ),
    )
    return runtime_auth.LoginAuth(
        token,
        header="X-Okapi-Token",
        tenant=tenant,
        tenant_header="X-Okapi-Tenant",
        **options,
    )
