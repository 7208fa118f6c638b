"""The headers the runtime treats specially, found from what the spec declares."""

from __future__ import annotations

from typing import Any

import pytest

from generator.client.wire_headers import idempotency_header, request_id_header


def _header(name: str) -> dict[str, Any]:
    return {"name": name, "in": "header", "schema": {"type": "string"}}


@pytest.mark.parametrize(
    "name", ["X-Request-Id", "X-Okapi-Request-Id", "Request-ID", "X-Correlation-Id", "trace_id"]
)
def test_a_declared_response_header_named_like_a_request_id_is_found(name: str) -> None:
    responses = {
        "404": {"description": "no"},
        "200": {"description": "ok", "headers": {"ETag": {}, name: {}}},
    }
    assert request_id_header(responses, lambda node: node) == name


def test_a_response_reference_is_followed_and_near_misses_are_not_request_ids() -> None:
    shared = {"description": "ok", "headers": {"X-Requested-With": {}, "Idempotent-Id": {}}}
    assert request_id_header({"200": {"$ref": "r"}}, lambda node: shared) is None
    assert request_id_header({"200": {"description": "ok"}}, lambda node: node) is None


@pytest.mark.parametrize(
    "name", ["Idempotency-Key", "idempotency-key", "X-Idempotency-Key", "Idempotency-Token"]
)
def test_an_idempotency_key_header_on_a_post_or_patch_is_found(name: str) -> None:
    parameters = [_header("X-Trace"), _header(name)]
    assert idempotency_header("POST", parameters) == name
    assert idempotency_header("PATCH", parameters) == name
    assert idempotency_header("LINK", parameters) == name  # any method not idempotent already


def test_no_idempotency_key_where_the_method_is_idempotent_or_the_name_differs() -> None:
    assert idempotency_header("PUT", [_header("Idempotency-Key")]) is None
    assert idempotency_header("GET", [_header("Idempotency-Key")]) is None
    query = {"name": "Idempotency-Key", "in": "query", "schema": {"type": "string"}}
    assert idempotency_header("POST", [query, _header("Idempotency-Keys")]) is None
