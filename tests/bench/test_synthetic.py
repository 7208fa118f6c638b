"""The synthetic API of the scale bench (bench/synthetic.py): the size asked for, the same for a
seed, the shapes of a large real API, and a document our generator takes without a word,
whose package imports, passes ``mypy --strict`` and answers the bench's first call."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench import synthetic
from bench.scale import import_and_call, synthetic_call
from generator.cli import main
from generator.normalize.openapi_walk import METHODS


def _operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        operation
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in METHODS
    ]


def _references(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["$ref"].rsplit("/", 1)[-1]} if "$ref" in schema else set()
        return found.union(*(_references(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_references(value) for value in schema))
    return set()


def test_the_document_has_the_size_asked_for_and_is_the_same_for_a_seed() -> None:
    document = synthetic.build(1_000, 400)
    assert len(_operations(document)) == 1_000
    assert len(document["components"]["schemas"]) == 400
    assert json.dumps(document) == json.dumps(synthetic.build(1_000, 400))
    assert json.dumps(document) != json.dumps(synthetic.build(1_000, 400, seed=16))
    ids = [operation["operationId"] for operation in _operations(document)]
    assert len(set(ids)) == len(ids)


def test_the_document_takes_the_shapes_of_a_large_api() -> None:
    document = synthetic.build(1_000, 400)
    per_tag = Counter(operation["tags"][0] for operation in _operations(document))
    assert all(10 <= count <= 20 for count in list(per_tag.values())[:-1])  # the last: what's left
    assert len(per_tag) == len(document["tags"]) >= 50
    operations = _operations(document)
    locations = {p.get("in") for o in operations for p in o.get("parameters", [])}
    assert {"path", "query"} <= locations
    assert any("$ref" in p for o in operations for p in o.get("parameters", []))
    assert sum("requestBody" in o for o in operations) > len(operations) / 4
    assert all(any(code >= "400" for code in o["responses"]) for o in operations)
    schemas = document["components"]["schemas"]
    text = json.dumps(schemas)
    assert all(f'"{key}"' in text for key in ("enum", "allOf", "oneOf", "nullable", "items"))
    assert sum("discriminator" in s and "oneOf" not in s for s in schemas.values()) >= 10
    assert sum("discriminator" in s and "oneOf" in s for s in schemas.values()) >= 10
    nested = [
        s for s in schemas.values() if "settings" in s.get("properties", {})
    ]  # an object in an object in an object
    assert nested and "limits" in nested[0]["properties"]["settings"]["properties"]
    assert any(name in _references(schema) for name, schema in schemas.items())  # itself
    mutual = [
        (a, b)
        for a, schema in schemas.items()
        for b in _references(schema.get("properties", {}))
        if b != a and a in _references(schemas[b].get("properties", {}))
    ]
    assert mutual


def test_a_small_one_generates_without_a_warning_into_a_package_that_works(
    tmp_path: Path,
) -> None:
    document = synthetic.build(40, 40)
    spec = tmp_path / "synthetic.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    said = io.StringIO()
    with contextlib.redirect_stderr(said):  # --strict refuses what it would repair; --quiet
        # leaves only warnings and errors to say
        arguments = ["-o", str(tmp_path / "out"), "--package", "synth", "--strict", "--quiet"]
        code = main(["generate", str(spec), *arguments])
    assert (code, said.getvalue()) == (0, "")
    source = tmp_path / "out" / "synth" / "src"
    ballast = b"x" * (200 << 20)  # a bench holding 200 MiB: the package's figures are its own
    called = import_and_call(source, "synth", synthetic_call(document), 1, Path(sys.executable))
    del ballast
    assert called["ok"], called
    assert called["call_seconds"] >= called["import_seconds"] > 0
    assert 10 < called["import_mib"] <= called["call_mib"] < 150
    typed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "mypy"),
            "-p",
            "synth",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=source,
    )
    assert typed.returncode == 0, typed.stdout[-3000:]
