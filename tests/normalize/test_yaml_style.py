"""The specs' YAML: libyaml writes it where it writes PyYAML's bytes, and only there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.normalize import yaml_style
from tests.conftest import comparing

PROJECT = Path(__file__).resolve().parents[2]


def _python_emitter(document: dict[str, Any]) -> str:
    return yaml_style.write(document, yaml_style._PythonDumper)


# Text that YAML finds hard: indicators, quotes, blank lines, leading and trailing blanks, long
# words that must be folded at 100 columns; and any character at all, now and then.
_PIECES = [" ", "  ", "\n", "\n\n", ": ", " #", "- ", "'", '"', "?", "!", "&", "*", "|", ">",
           "%", "@", "`", "{", "}", "[", "]", ",", "~", "null", "yes", "0x1", "1e3", "é", "€",
           "word", "x" * 60, "http://h.example/p?a=b"]  # fmt: skip
_TEXT = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs", "Cc")), max_size=60),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.integers(0, 200).map(lambda n: "k" * n),
)
_SCALAR = st.one_of(_TEXT, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
_DOCUMENT = st.dictionaries(
    _TEXT,
    st.recursive(
        _SCALAR,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
        max_leaves=12,
    ),
    min_size=1,
    max_size=5,
)


@comparing(200, 20000)
@given(_DOCUMENT)
def test_a_document_is_written_as_pythons_emitter_writes_it(document: dict[str, Any]) -> None:
    assert yaml_style.dump(document) == _python_emitter(document)


@pytest.mark.parametrize(
    "document",
    [
        {"a": ("word " * 30) + "\tend"},  # a tab: double quotes, folded differently
        {"a\rb": 1},
        {"\x85": ""},
        {"k" * 115: "~!\u2028 #"},
        {"a": "emoji 😀"},
        {"k" * 124: 1},  # PyYAML writes it as a complex key, libyaml plainly
        {"é" * 65: 1},  # 130 bytes: libyaml writes it as a complex key, PyYAML plainly
        {"": ""},
        {"a": "kept\n\n", "b": 1},  # libyaml ends the document with "..."
    ],
    ids=repr,
)
def test_what_the_emitters_write_differently_is_written_as_python_does(
    document: dict[str, Any],
) -> None:
    if yaml_style._CDumper is None:
        pytest.skip("this PyYAML was built without libyaml")
    assert yaml_style.write(document, yaml_style._CDumper) != _python_emitter(document)
    assert yaml_style.dump(document) == _python_emitter(document)


@pytest.mark.parametrize(
    "document",
    [{"a": 1, "b": ["kept\n\n"]}, {"a": {"b": "\n"}}, {"a": "... is\n...\n"}, {"a": "\n\n"}],
    ids=repr,
)
def test_a_document_ending_in_a_kept_block_ends_as_pythons_emitter_ends_it(
    document: dict[str, Any],
) -> None:
    assert yaml_style._emitters_agree(document)
    assert yaml_style.dump(document) == _python_emitter(document)


def _committed_specs() -> list[Path]:
    return sorted((PROJECT / "specs").glob("*/openapi.yaml"))


@pytest.mark.parametrize("spec", _committed_specs(), ids=lambda p: p.parent.name)
def test_a_committed_spec_is_written_by_libyaml_to_the_same_bytes(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    if yaml_style._CDumper is None:
        pytest.skip("this PyYAML was built without libyaml")
    assert yaml_style._emitters_agree(document)  # the fast way, not the fallback
    assert yaml_style.dump(document) == text
