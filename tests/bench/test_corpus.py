"""The corpus's own logic, on tiny local archives and specs (the real ones are fetched at bench
time, never in the tests): reading a member of each kind of package archive, and coverage."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import AUTH_KINDS, Spec, coverage, read_member, uncovered

DOCUMENT = b'{"swagger": "2.0"}'


def _tarball(path: Path, top: str, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_member_is_read_below_the_archives_top_folder_and_unpacked_when_gzipped(
    tmp_path: Path,
) -> None:
    # npm tarballs put everything under package/, sdists under name-version/
    npm = _tarball(tmp_path / "k.tgz", "package", {"lib/specs/s.json.gz": gzip.compress(DOCUMENT)})
    sdist = _tarball(tmp_path / "v-1.0.tar.gz", "v-1.0", {"tests/specs/docker.yaml": DOCUMENT})
    assert read_member(npm, "lib/specs/s.json.gz") == DOCUMENT
    assert read_member(sdist, "tests/specs/docker.yaml") == DOCUMENT
    with pytest.raises(KeyError):
        read_member(sdist, "tests/specs/missing.yaml")


def test_a_wheel_member_is_read_by_its_path(tmp_path: Path) -> None:
    wheel = tmp_path / "esi-8.4.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("esi/tests/swagger.json", DOCUMENT)
    assert read_member(wheel, "esi/tests/swagger.json") == DOCUMENT


def _answer(schema: dict[str, Any], headers: dict[str, Any] | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "description": "ok",
        "content": {"application/json": {"schema": schema}},
    }
    if headers:
        found["headers"] = headers
    return {"200": found}


def _query(*names: str) -> list[dict[str, Any]]:
    return [{"name": n, "in": "query", "schema": {"type": "integer"}} for n in names]


ITEMS = {"type": "array", "items": {"type": "string"}}
SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "security": [{"key": []}, {"basic": [], "oidc": []}],
    "paths": {
        "/offset": {
            "get": {
                "operationId": "byOffset",
                "parameters": _query("offset", "limit"),
                "responses": _answer(
                    {"type": "object", "properties": {"items": ITEMS, "total": {"type": "integer"}}}
                ),
            }
        },
        "/linked": {
            "get": {
                "operationId": "byLink",
                "security": [],
                "parameters": _query("per_page"),
                "responses": _answer(ITEMS, {"Link": {"schema": {"type": "string"}}}),
            }
        },
    },
    "components": {
        "securitySchemes": {
            "key": {"type": "apiKey", "in": "cookie", "name": "session"},
            "basic": {"type": "http", "scheme": "basic"},
            "digest": {"type": "http", "scheme": "digest"},
            "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://example.com/.wk"},
            "oauth": {
                "type": "oauth2",
                "flows": {"password": {"tokenUrl": "https://example.com/t", "scopes": {}}},
            },
        }
    },
}


def test_coverage_names_the_auth_kinds_and_pagination_styles_the_generator_reads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "api.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    found = coverage(Spec("t", path, "OpenAPI 3.0", "test"))
    assert found["auth"] == [
        "apiKey cookie",
        "http basic",
        "http other",
        "oauth2 password",
        "openIdConnect",
        "security: [] on an operation",
        "alternatives",
        "AND",
    ]
    assert found["pagination"] == ["offset", "Link header", "total in the body"]
    missing = uncovered([found])
    assert "apiKey header" in missing["auth"] and "apiKey cookie" not in missing["auth"]
    assert missing["pagination"] == [
        "page",
        "cursor in the body",
        "next link in the body",
        "total in a header",
    ]
    assert uncovered([{"auth": list(AUTH_KINDS), "pagination": []}])["auth"] == []
