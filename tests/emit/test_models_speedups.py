"""datamodel-code-generator with our faster functions: the same models, byte for byte."""

from __future__ import annotations

import contextlib
import json
import os

import pytest
from datamodel_code_generator import _builtin_line_split as line_split
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.emit import models_codegen, models_speedups

LONG = os.environ.get("TEST_PROFILE") == "long"

# What a string literal's text can hold that decides where it may be cut: escapes (``\N{...}``
# among them, escaped or not), f-string fields and doubled braces, and words and spaces to cut at.
_PIECES = ["\\", "\\\\", "N", "\\N{BULLET}", "\\\\N{x}", "{", "}", "{{", "}}", "{value}",
           "{a!r:>{width}}", " ", "word", "x" * 20, "'", '"', "é"]  # fmt: skip
_LITERAL = st.tuples(
    st.sampled_from(["", "f", "F", "r", "b", "rb", "fr", "u"]),
    st.sampled_from(["'", '"']),
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
).map(lambda parts: f"{parts[0]}{parts[1]}{parts[2]}{parts[1]}")


@settings(
    max_examples=20000 if LONG else 500,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=list(HealthCheck),
    database=None,
)
@given(_LITERAL)
def test_the_faster_function_answers_as_the_original(literal: str) -> None:
    faster = models_speedups.fast_illegal_split_indices(line_split)
    assert faster(literal) == line_split._illegal_split_indices(literal)


def _document_with_long_descriptions() -> str:
    text = (
        "A job's description that is long enough to be cut into pieces at its spaces, "
        "with an escape \\N{EM DASH} a cut must not fall inside, braces {like} {{these}}, "
        "a backslash \\ and quotes ' \" before the end of it. "
    )
    schemas = {
        f"Job{number}": {
            "type": "object",
            "description": text * number,
            "properties": {"name": {"type": "string", "description": text[number * 7 :] * 2}},
        }
        for number in range(1, 6)
    }
    return json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                       "paths": {}, "components": {"schemas": schemas}})  # fmt: skip


def test_models_are_the_same_with_and_without_the_faster_functions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _document_with_long_descriptions()
    faster, _ = models_codegen._datamodel_codegen(text, "jobs")
    monkeypatch.setattr(models_codegen, "faster_formatter", contextlib.nullcontext)
    as_written, _ = models_codegen._datamodel_codegen(text, "jobs")
    assert faster == as_written
    assert "\\N{EM DASH}" in faster  # the escape survived the cutting whole


def test_the_function_is_replaced_only_while_entered_and_restored_after_an_error() -> None:
    original = line_split._illegal_split_indices
    if models_speedups._source_digest(original) != models_speedups._KNOWN_ILLEGAL_SPLIT_INDICES:
        pytest.skip("this datamodel-code-generator's function is not the one the speedup knows")
    with pytest.raises(RuntimeError), models_speedups.faster_formatter():
        assert line_split._illegal_split_indices is not original
        raise RuntimeError
    assert line_split._illegal_split_indices is original


def test_another_version_of_the_function_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models_speedups, "_KNOWN_ILLEGAL_SPLIT_INDICES", "0" * 64)
    original = line_split._illegal_split_indices
    with models_speedups.faster_formatter():
        assert line_split._illegal_split_indices is original
