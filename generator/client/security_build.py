"""From a document's ``securitySchemes`` and ``security`` to the schemes its client can send.

Every scheme type OpenAPI defines is sendable but ``mutualTLS`` (a client certificate is the
http client's business: ``http_client=``): an API key in a header, the query or a cookie; HTTP
basic; HTTP bearer, and any other HTTP scheme as a raw ``Authorization`` value; OAuth2 password
and client credentials, which the client runs itself; OAuth2 authorization code and implicit,
and OpenID Connect, as a token the caller gives (or a callable giving it); and ``x-login``
(docs/manifest.md). A scheme it cannot send, a requirement naming a scheme the document does
not declare, and an alternative joining two schemes that each fetch a token are warnings with
their JSON pointer, and are left out; never silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from generator.client import code
from generator.client.client_model import (
    SCHEME_ROLES,
    Auth,
    LoginEndpoint,
    Requirement,
    Scheme,
    SchemeKind,
)
from generator.client.naming import snake_case, unique
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError

# OAuth2 flows the client runs itself, preferred in this order; the others take a token.
_GRANTS: dict[str, SchemeKind] = {
    "password": "oauth2_password",
    "clientCredentials": "oauth2_client_credentials",
}
_TOKEN_FLOWS = ("authorizationCode", "implicit")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_FETCHING = frozenset({"login", "oauth2_password", "oauth2_client_credentials"})


@dataclass
class SecurityBuild:
    """The client's schemes, and the requirement of each operation as the client sends it."""

    auth: Auth
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # a scheme name -> the client scheme that sends it (a login's tenant scheme -> the login)
    owners: dict[str, str] = field(default_factory=dict)
    fetching: frozenset[str] = frozenset()

    def requirement(self, raw: Any, pointer: str) -> Requirement:
        """A ``security`` list as alternatives of client scheme names; the ones the client
        cannot send are warnings and left out."""
        if not isinstance(raw, list):
            return ()
        alternatives: list[tuple[str, ...]] = []
        for index, alternative in enumerate(raw):
            if not isinstance(alternative, dict):
                continue
            where = json_pointer.join(pointer, index)
            unknown = [name for name in alternative if name not in self.owners]
            if unknown:
                self.warnings.append(
                    (
                        f"security requirement names schemes the client cannot send: "
                        f"{', '.join(map(str, unknown))}; this alternative is left out",
                        where,
                    )
                )
                continue
            names = tuple(dict.fromkeys(self.owners[name] for name in alternative))
            if sum(name in self.fetching for name in names) > 1:
                self.warnings.append(
                    (
                        "security requirement joins schemes that each fetch a token, which the "
                        "client cannot send together; this alternative is left out",
                        where,
                    )
                )
                continue
            if names not in alternatives:
                alternatives.append(names)
        return tuple(alternatives)


def build_security(document: dict[str, Any], client_names: set[str]) -> SecurityBuild:
    """The client's schemes; their Client() keywords are taken from ``client_names``."""
    declared = document.get("components", {}).get("securitySchemes", {})
    schemes: dict[str, Any] = declared if isinstance(declared, dict) else {}
    build = SecurityBuild(Auth())
    found: list[Scheme] = []
    taken: set[str] = set()  # the credential keywords given out so far
    logins = {n for n, s in schemes.items() if _header_key(s) and "x-login" in s}
    tenants = {
        schemes[n]["x-login"].get("tenant-scheme")
        for n in logins
        if isinstance(schemes[n]["x-login"], dict)
    }
    for name, scheme in schemes.items():
        pointer = "/components/securitySchemes/" + json_pointer.escape(str(name))
        if name in tenants and name not in logins:
            continue  # sent by its login
        converted = _scheme(str(name), scheme, schemes) if isinstance(scheme, dict) else None
        if converted is None:
            kind = scheme.get("type") if isinstance(scheme, dict) else None
            build.warnings.append(
                (
                    f"security scheme {name!r} (type {kind!r}) cannot be sent by the client; "
                    "operations that need it only work with credentials given by `headers=` or "
                    "`http_client=`",
                    pointer,
                )
            )
            continue
        arguments = []
        for role in SCHEME_ROLES[converted.kind]:
            if converted.kind == "login" and role == "tenant" and not converted.tenant_header:
                continue
            if role == "scope" and _PLACEHOLDER.search(converted.scope_template):
                continue  # the template's placeholders are the keywords
            keyword = role
            if keyword in taken:
                keyword = unique(f"{snake_case(str(name))}_{role}", client_names | taken)
            taken.add(keyword)
            client_names.add(keyword)
            arguments.append((role, code.identifier(keyword)))
        # each {name} of a scope template is filled by a Client() argument
        template = converted.scope_template
        scope_arguments = []
        for placeholder in dict.fromkeys(_PLACEHOLDER.findall(template)):
            keyword = unique(snake_case(placeholder), client_names | taken)
            taken.add(keyword)
            client_names.add(keyword)
            scope_arguments.append((placeholder, code.identifier(keyword)))
        found.append(
            replace(converted, arguments=tuple(arguments), scope_arguments=tuple(scope_arguments))
        )
        build.owners[str(name)] = str(name)
        if converted.kind == "login":
            tenant = schemes[name]["x-login"].get("tenant-scheme")
            if tenant:
                build.owners[str(tenant)] = str(name)
    build.fetching = frozenset(s.name for s in found if s.kind in _FETCHING)
    if "security" in document:
        default = build.requirement(document["security"], "/security")
    else:
        # No requirement stated: the caller's credentials, whichever they are, go with every call
        # (OpenAPI would send none, which a caller who gave a key would never expect).
        default = tuple((s.name,) for s in found)
    build.auth = Auth(schemes=tuple(found), default=default)
    return build


def _scheme(name: str, scheme: dict[str, Any], schemes: dict[str, Any]) -> Scheme | None:
    """The client scheme (with no keywords yet) of one declared scheme; None: not sendable."""
    kind = scheme.get("type")
    if _header_key(scheme) and "x-login" in scheme:
        return _login(name, scheme, schemes)
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
        return Scheme(
            name,
            "apikey",
            (),
            header=str(scheme.get("name", "")),
            location=scheme["in"],
            prefix=str(scheme.get("x-value-prefix", "")),
        )
    if kind == "http":
        http = str(scheme.get("scheme", "")).strip()
        if http.lower() == "basic":
            return Scheme(name, "basic", ())
        if not http:
            return None
        raw = http.lower() != "bearer"
        return Scheme(
            name,
            "bearer",
            (),
            prefix="" if raw else "Bearer",
            what=f"HTTP {http}" if raw else "HTTP bearer",
            http_scheme=http if raw else "",
        )
    if kind == "openIdConnect":
        return Scheme(name, "bearer", (), prefix="Bearer", what="OpenID Connect")
    if kind == "oauth2":
        flows: dict[str, Any] = scheme["flows"] if isinstance(scheme.get("flows"), dict) else {}
        for flow, grant in _GRANTS.items():
            if isinstance(flows.get(flow), dict) and flows[flow].get("tokenUrl"):
                return Scheme(
                    name,
                    grant,
                    (),
                    token_url=str(flows[flow]["tokenUrl"]),
                    scope_template=str(scheme.get("x-scope-template", "")),
                )
        for flow in _TOKEN_FLOWS:
            if flow in flows:
                return Scheme(name, "bearer", (), prefix="Bearer", what=f"OAuth2 {flow}")
    return None


def _header_key(scheme: Any) -> bool:
    """Whether a security scheme is an API key sent in a header."""
    return (
        isinstance(scheme, dict) and scheme.get("type") == "apiKey" and scheme.get("in") == "header"
    )


def _login_endpoint(endpoint: Any) -> bool:
    """Whether an x-login endpoint has a path and says where the token comes back."""
    if not isinstance(endpoint, dict) or not isinstance(endpoint.get("path"), str):
        return False
    where = [endpoint.get(key) for key in ("token-cookie", "token-header", "token-field")]
    return any(isinstance(value, str) and value for value in where)


def _login(name: str, scheme: dict[str, Any], schemes: dict[str, Any]) -> Scheme:
    """A token scheme with ``x-login`` (docs/manifest.md): the client logs in for the token."""
    login = scheme["x-login"]
    listed = login.get("endpoints") if isinstance(login, dict) else None
    if not isinstance(listed, list) or not listed or not all(map(_login_endpoint, listed)):
        # the manifest's schema says as much, with the line; a spec may come without a manifest
        raise SpecError(
            "x-login needs endpoints: a list of objects with a path and a token-cookie, "
            "token-header or token-field (docs/manifest.md)"
        )
    endpoints = tuple(
        LoginEndpoint(
            path=str(endpoint["path"]),
            token_cookie=str(endpoint.get("token-cookie", "")),
            token_header=str(endpoint.get("token-header", "")),
            token_field=str(endpoint.get("token-field", "")),
        )
        for endpoint in login["endpoints"]
    )
    tenant = schemes.get(login["tenant-scheme"]) if "tenant-scheme" in login else None
    if "tenant-scheme" in login and not _header_key(tenant):
        raise SpecError(f"x-login tenant-scheme {login['tenant-scheme']!r} is no apiKey header")
    return Scheme(
        name,
        "login",
        (),
        header=str(scheme["name"]),
        endpoints=endpoints,
        tenant_header=str(tenant["name"]) if tenant else "",
        tenant_example=str(tenant.get("x-example", "")) if tenant else "",
    )
