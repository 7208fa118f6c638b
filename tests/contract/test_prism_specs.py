"""Prism serves every committed spec, answers valid requests with 2xx (from the examples, and
from the schemas in dynamic mode) and rejects invalid ones: the contract tests can fail.

Raw httpx here, no generated client: these tests are about the mock server itself."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import SPECS, PrismFactory
from tests.contract.prism import PrismError, PrismServer

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_FILES = sorted(SPECS.glob("*/openapi.yaml"))
DOCUMENTS = {spec.parent.name: yaml.safe_load(spec.read_text()) for spec in SPEC_FILES}
DYNAMIC_TRIES = 30  # json-schema-faker crashes now and then (prism/errors#UNKNOWN): ask again
# (name, --dynamic, extra headers)
MODES = [
    ("static", False, {}),
    ("prefer-dynamic", False, {"Prefer": "dynamic=true"}),
    ("dynamic", True, {}),
]


def _resolve(node: Any, document: dict[str, Any]) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def credentials(document: dict[str, Any], operation: dict[str, Any]) -> dict[str, str]:
    """Headers that meet the operation's first security requirement (Prism checks that they
    are there, not what they say): FOLIO's X-Okapi-Tenant and X-Okapi-Token, Alma's
    ``Authorization: apikey x``, Liquid Decisions' ``Authorization: Bearer x``."""
    requirements = operation.get("security", document.get("security", []))
    if not requirements:
        return {}
    schemes = document["components"]["securitySchemes"]
    headers = {}
    for name in requirements[0]:
        scheme = _resolve(schemes[name], document)
        kind = scheme["type"]
        if kind == "apiKey" and scheme["in"] == "header":
            headers[scheme["name"]] = scheme.get("x-value-prefix", "") + "x"
        elif kind in ("oauth2", "openIdConnect") or (
            kind == "http" and scheme["scheme"].lower() == "bearer"
        ):
            headers["Authorization"] = "Bearer x"
        elif kind == "http" and scheme["scheme"].lower() == "basic":
            headers["Authorization"] = "Basic " + base64.b64encode(b"x:x").decode()
        else:
            raise AssertionError(f"no test credentials for security scheme {name}: {scheme}")
    return headers


def _needs_nothing(document: dict[str, Any], item: dict[str, Any], operation: Any) -> bool:
    parameters = [
        _resolve(p, document)
        for p in [*item.get("parameters", []), *operation.get("parameters", [])]
    ]
    body = _resolve(operation.get("requestBody", {}), document)
    return not any(p.get("required") for p in parameters) and not body.get("required")


def _schemaless_success(document: dict[str, Any], operation: dict[str, Any]) -> bool:
    """Whether the first 2xx answer has a media type without a schema: Prism cannot make that
    up (a 500 "Tried to force a dynamic response for: ... but schema is not defined")."""
    code = min(c for c in operation["responses"] if str(c).startswith("2"))
    content = _resolve(operation["responses"][code], document).get("content", {})
    return any("schema" not in media for media in content.values())


def _calls() -> list[Any]:
    """Every operation a request without parameters or body can call: every parameterless GET,
    and the parameterless, bodyless POSTs (folio-orders-storage has no GET at all)."""
    calls = []
    for system, document in DOCUMENTS.items():
        for path, item in document["paths"].items():
            for method in METHODS:
                operation = item.get(method)
                if operation is None or not _needs_nothing(document, item, operation):
                    continue
                calls.append(
                    pytest.param(
                        system, method.upper(), path, id=f"{system}:{method.upper()} {path}"
                    )
                )
    return calls


CALLS = _calls()


def violations(response: httpx.Response, where: str = "request") -> list[dict[str, Any]]:
    """What Prism found wrong with the request (or its own answer): its ``sl-violations``
    header, set whenever it answers from the spec, or else the ``validation`` list of the
    problem+json answer it made up (there, a request's locations lack the "request")."""
    if "sl-violations" in response.headers:
        found = json.loads(response.headers["sl-violations"])
    elif response.headers.get("content-type", "").startswith("application/problem+json"):
        found = []
        for violation in response.json().get("validation", []):
            location = violation.get("location", [])  # "Body parameter is required" has none
            if location[:1] != ["response"]:
                location = ["request", *location]
            found.append({**violation, "location": location})
    else:
        found = []
    return [v for v in found if v["location"][:1] == [where]]


def _describe(server: PrismServer, response: httpx.Response) -> str:
    return (
        f"{response.request.method} {response.request.url} -> {response.status_code} "
        f"{response.headers.get('content-type')}\n"
        f"sl-violations: {response.headers.get('sl-violations')}\n"
        f"{response.text[:1500]}\n--- Prism's output ---\n{server.output()}"
    )


def _client(server: PrismServer, headers: dict[str, str]) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, headers=headers, timeout=10.0, trust_env=False)


def test_every_spec_is_covered() -> None:
    assert SPEC_FILES, f"no specs under {SPECS}"
    assert {call.values[0] for call in CALLS} == set(DOCUMENTS), "a spec with nothing to call"


@pytest.mark.parametrize(("mode", "dynamic", "extra"), MODES, ids=[m[0] for m in MODES])
@pytest.mark.parametrize(("system", "method", "path"), CALLS)
def test_valid_request_gets_2xx(
    prism: PrismFactory,
    system: str,
    method: str,
    path: str,
    mode: str,
    dynamic: bool,
    extra: dict[str, str],
) -> None:
    document = DOCUMENTS[system]
    operation = document["paths"][path][method.lower()]
    server = prism(system, dynamic=dynamic)
    with _client(server, {**credentials(document, operation), **extra}) as client:
        response = client.request(method, path)
        if mode == "static":
            assert response.is_success, _describe(server, response)
            # Prism checks its own answer too: in static mode it comes from the spec's examples
            assert not violations(response, "response"), _describe(server, response)
        elif _schemaless_success(document, operation):
            assert response.status_code == 500, _describe(server, response)
            assert "schema is not defined" in response.text, _describe(server, response)
            response = client.request(method, path, headers={"Prefer": "dynamic=false"})
            assert response.is_success, _describe(server, response)
        else:
            for _ in range(DYNAMIC_TRIES):
                if response.status_code != 500 or "prism/errors#UNKNOWN" not in response.text:
                    break
                response = client.request(method, path)
            assert response.is_success, _describe(server, response)
        assert not violations(response), _describe(server, response)


FOLIO = {"X-Okapi-Tenant": "diku", "X-Okapi-Token": "token"}


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
def test_invalid_parameter_value_is_rejected(prism: PrismFactory, dynamic: bool) -> None:
    server = prism("folio-data-export-spring", dynamic=dynamic)
    with _client(server, FOLIO) as client:
        response = client.get("/data-export-spring/jobs", params={"limit": -5})
    # the spec's own 400 answer (it has no 422), with the violation in sl-violations
    assert response.status_code == 400, _describe(server, response)
    assert violations(response) == [
        {
            "location": ["request", "query", "limit"],
            "severity": "Error",
            "code": "minimum",
            "message": "Request query parameter limit must be >= 0",
        }
    ], _describe(server, response)


def test_missing_required_parameter_is_rejected(prism: PrismFactory) -> None:
    server = prism("folio-erm-usage-harvester")
    with _client(server, FOLIO) as client:
        response = client.post("/erm-usage-harvester/jobs/purgefinished")
        valid = client.post(
            "/erm-usage-harvester/jobs/purgefinished", params={"timestamp": 1700000000000}
        )
    assert response.status_code == 400, _describe(server, response)
    [violation] = violations(response)
    assert violation["code"] == "required", _describe(server, response)
    assert "timestamp" in violation["message"], _describe(server, response)
    assert valid.status_code == 204, _describe(server, valid)


def test_prism_makes_up_a_422_when_the_spec_has_no_error_answer(prism: PrismFactory) -> None:
    """Liquid Decisions documents only 200 and 401: Prism answers an invalid request with a
    problem+json 422 of its own that lists the violations (and no sl-violations header)."""
    server = prism("liquid-decisions-batch")
    with _client(server, {"Authorization": "Bearer x"}) as client:
        response = client.post("/ls/api/batch/status", data={"job": "42"})
        wrong_type = client.post("/ls/api/batch/status", json={"jobId": "42"})
        valid = client.post("/ls/api/batch/status", data={"jobId": "42"})
    assert response.status_code == 422, _describe(server, response)
    assert response.headers["content-type"] == "application/problem+json"
    assert "sl-violations" not in response.headers
    assert response.json()["type"] == "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY"
    assert violations(response) == [
        {
            "location": ["request", "body"],
            "severity": "Error",
            "code": "required",
            "message": "Request body must have required property 'jobId'",
        }
    ], _describe(server, response)
    assert wrong_type.status_code == 415, _describe(server, wrong_type)
    assert wrong_type.json()["type"] == "https://stoplight.io/prism/errors#INVALID_CONTENT_TYPE"
    assert valid.status_code == 200, _describe(server, valid)


def test_missing_credentials_are_rejected(prism: PrismFactory) -> None:
    """Prism checks that the security headers are there: Alma documents a 401, so it gets
    that (and sl-violations); FOLIO does not, so Prism makes up its own 401."""
    alma = prism("alma-jobs")
    with _client(alma, {}) as client:
        response = client.get("/conf/jobs")
    assert response.status_code == 401, _describe(alma, response)
    assert violations(response) == [
        {
            "location": ["request"],
            "severity": "Error",
            "code": 401,
            "message": "Invalid security scheme used",
        }
    ], _describe(alma, response)
    folio = prism("folio-data-export-spring")
    with _client(folio, {"X-Okapi-Tenant": "diku"}) as client:
        response = client.get("/data-export-spring/jobs")
    assert response.status_code == 401, _describe(folio, response)
    assert response.json()["type"] == "https://stoplight.io/prism/errors#UNAUTHORIZED"


def test_paths_are_served_at_the_root_whatever_the_server_url(prism: PrismFactory) -> None:
    """Alma's server is ``https://api-{region}.hosted.exlibrisgroup.com/almaws/v1``; Prism
    serves ``/conf/jobs``, not ``/almaws/v1/conf/jobs``. A ``__server`` query parameter is
    matched against the spec's servers (their variables filled in), FOLIO's ``{okapiUrl}``
    included."""
    alma = prism("alma-jobs")
    with _client(alma, {"Authorization": "apikey x"}) as client:
        assert client.get("/conf/jobs").status_code == 200
        prefixed = client.get("/almaws/v1/conf/jobs")
        assert prefixed.status_code == 404, _describe(alma, prefixed)
        assert prefixed.json()["type"].endswith("#NO_PATH_MATCHED_ERROR")
        eu = "https://api-eu.hosted.exlibrisgroup.com/almaws/v1"
        assert client.get("/conf/jobs", params={"__server": eu}).status_code == 200
        elsewhere = client.get("/conf/jobs", params={"__server": "https://example.com/almaws/v1"})
        assert elsewhere.status_code == 404, _describe(alma, elsewhere)
        assert elsewhere.json()["type"].endswith("#NO_SERVER_MATCHED_ERROR")
    folio = prism("folio-data-export-spring")
    with _client(folio, FOLIO) as client:
        local = client.get("/data-export-spring/jobs", params={"__server": "http://localhost:9130"})
        assert local.status_code == 200, _describe(folio, local)


TINY_SPEC = """\
openapi: 3.1.0
info: {title: tiny, version: '1'}
paths:
  /number:
    get:
      parameters:
      - {name: q, in: query, required: true, schema: {type: integer}}
      responses:
        '200':
          description: an example that breaks its own schema
          content:
            application/json:
              schema: {type: integer}
              example: not a number
"""


def test_errors_flag_only_judges_prism_s_own_answers(tmp_path: Path) -> None:
    """``--errors`` turns an answer that breaks the response schema into a 500; requests are
    validated with or without it. Also: the context manager, and a stopped process."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(TINY_SPEC)
    with PrismServer(spec, errors=True) as server, _client(server, {}) as client:
        bad_answer = client.get("/number", params={"q": 1})
        bad_request = client.get("/number", params={"q": "x"})
        process = server._process
    assert bad_answer.status_code == 500, _describe(server, bad_answer)
    assert bad_answer.json()["type"].endswith("#VIOLATIONS")
    assert violations(bad_answer, "response")[0]["message"] == "Response body must be integer"
    assert bad_request.status_code == 422, _describe(server, bad_request)
    assert violations(bad_request)[0]["location"] == ["request", "query", "q"]
    assert process is not None and process.poll() is not None
    assert not server.running


def test_a_spec_prism_cannot_read_fails_with_its_output(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text("openapi: [3.1.0\n")
    with pytest.raises(PrismError, match=r"(?s)Prism exited with 1 .*Error parsing"):
        PrismServer(spec).start()
