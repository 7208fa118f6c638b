"""datamodel-code-generator with our faster functions: the same models, byte for byte."""

from __future__ import annotations

import contextlib
import json
import warnings

import pytest
from datamodel_code_generator import _builtin_line_split as line_split
from datamodel_code_generator._builtin_formatter import apply_builtin_formatter
from hypothesis import assume, example, given
from hypothesis import strategies as st

from generator.emit import models_codegen, models_speedups
from tests.conftest import comparing

# What a string literal's text can hold that decides where it may be cut: escapes (``\N{...}``
# among them, escaped or not), f-string fields and doubled braces, and words and spaces to cut at.
_PIECES = ["\\", "\\\\", "N", "\\N{BULLET}", "\\\\N{x}", "{", "}", "{{", "}}", "{value}",
           "{a!r:>{width}}", " ", "word", "x" * 20, "'", '"', "é"]  # fmt: skip
_LITERAL = st.tuples(
    st.sampled_from(["", "f", "F", "r", "b", "rb", "fr", "u"]),
    st.sampled_from(["'", '"']),
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
).map(lambda parts: f"{parts[0]}{parts[1]}{parts[2]}{parts[1]}")


@comparing(500, 20000)
@given(_LITERAL)
def test_the_faster_function_answers_as_the_original(literal: str) -> None:
    faster = models_speedups.fast_illegal_split_indices(line_split)
    assert faster(literal) == line_split._illegal_split_indices(literal)


# Valid pieces of a literal of any prefix (escapes that end nothing, balanced fields), so that
# most generated statements parse and reach the merging of implicitly joined strings; octal
# escapes and digits, which must not be joined into another escape.
_VALID_PIECES = ["\\\\", "\\N{BULLET}", "\\'", '\\"', "\\1", "\\12", "1", "7", "{{", "}}",
                 "{value}", " ", "  ", "word", "x" * 20, "é", "\\x41", "'", '"']  # fmt: skip
_BODY = st.lists(st.sampled_from(_VALID_PIECES), min_size=1, max_size=12).map("".join)
_PREFIX = st.sampled_from(["", "f", "F", "b", "u", "r"])


# Mostly one prefix for all the pieces (most others cannot be joined), now and then a mix.
_GROUP = st.one_of(
    st.tuples(
        _PREFIX, st.lists(st.tuples(st.sampled_from("'\""), _BODY), min_size=2, max_size=6)
    ).map(lambda g: [f"{g[0]}{q}{b}{q}" for q, b in g[1]]),
    st.lists(st.tuples(_PREFIX, st.sampled_from("'\""), _BODY), min_size=2, max_size=6).map(
        lambda g: [f"{p}{q}{b}{q}" for p, q, b in g]
    ),
)


def _forget_layouts() -> None:
    """Empty the formatter's caches: its lines laid out before are kept by their text, so a
    second run would read the first's layouts instead of making them."""
    for value in vars(line_split).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def _parses(code: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escapes in bytes: valid, with a warning
        try:
            compile(code, "<statement>", "exec")
        except (SyntaxError, ValueError):
            return False
    return True


@pytest.mark.filterwarnings("ignore:invalid escape sequence")  # the formatter compiles them
@comparing(300, 5000)
@given(_GROUP, st.integers(24, 60))
@example(["'an octal escape at the end \\1'", "'2 must not become one of two digits'"], 30)
def test_implicitly_joined_strings_are_formatted_as_without_the_faster_functions(
    literals: list[str], width: int
) -> None:
    code = f"value: str = Field(default=1, description={' '.join(literals)})\n"
    assume(_parses(code))
    options = {"line_length": width, "wrap_string_literal": True}
    _forget_layouts()
    as_written = apply_builtin_formatter(code, **options)  # type: ignore[arg-type]
    _forget_layouts()
    with models_speedups.faster_formatter():
        faster = apply_builtin_formatter(code, **options)  # type: ignore[arg-type]
    assert faster == as_written


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
    _forget_layouts()
    faster, _ = models_codegen._datamodel_codegen(text, "jobs")
    monkeypatch.setattr(models_codegen, "faster_formatter", contextlib.nullcontext)
    _forget_layouts()
    as_written, _ = models_codegen._datamodel_codegen(text, "jobs")
    assert faster == as_written
    assert "\\N{EM DASH}" in faster  # the escape survived the cutting whole


@pytest.mark.parametrize("replaced", models_speedups._REPLACEMENTS, ids=lambda r: r[0])
def test_a_function_is_replaced_only_while_entered_and_restored_after_an_error(
    replaced: tuple[str, str, object],
) -> None:
    name, known, _ = replaced
    original = getattr(line_split, name)
    if models_speedups._source_digest(original) != known:
        pytest.skip(f"this datamodel-code-generator's {name} is not the one the speedup knows")
    with pytest.raises(RuntimeError), models_speedups.faster_formatter():
        assert getattr(line_split, name) is not original
        raise RuntimeError
    assert getattr(line_split, name) is original


def test_another_version_of_a_function_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [name for name, _, _ in models_speedups._REPLACEMENTS]
    originals = [getattr(line_split, name) for name in names]
    unknown = tuple((name, "0" * 64, make) for name, _, make in models_speedups._REPLACEMENTS)
    monkeypatch.setattr(models_speedups, "_REPLACEMENTS", unknown)
    with models_speedups.faster_formatter():
        assert [getattr(line_split, name) for name in names] == originals
    assert models_speedups.in_use() == []  # what the bench reports beside its figures
