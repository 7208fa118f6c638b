"""The package templates are compiled once and loaded after; an entry that cannot be read, or
one compiled by another version of the toolkit's compiler, is compiled again."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.build_cache import fresh_results
from generator.emit import template_cache
from generator.emit.template_cache import CompiledTemplates


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The templates compiled from source, with a cache of this test's own."""
    monkeypatch.setenv("GENERATOR_CACHE", str(tmp_path / "cache"))
    (tmp_path / "hello.jinja").write_text("hello {{ name }}\n")
    made: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        made.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return made


def _render(folder: Path) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder), bytecode_cache=CompiledTemplates()
    )
    return environment.get_template("hello.jinja").render(name="you")


def test_a_template_compiled_before_is_loaded(tmp_path: Path, compiled: list[str]) -> None:
    assert _render(tmp_path) == "hello you"
    assert _render(tmp_path) == "hello you"
    assert compiled == ["hello.jinja"]
    with fresh_results():
        _render(tmp_path)
    assert len(compiled) == 2


@pytest.mark.parametrize("damage", [b"", b"j2\x00garbage", b"\x00" * 64])
def test_an_unreadable_entry_is_compiled_again(
    tmp_path: Path, compiled: list[str], damage: bytes
) -> None:
    _render(tmp_path)
    (entry,) = (tmp_path / "cache" / "templates").iterdir()
    entry.write_bytes(damage)
    assert _render(tmp_path) == "hello you"
    assert len(compiled) == 2


def test_a_changed_compiler_compiles_again(
    tmp_path: Path, compiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _render(tmp_path)
    compiler = tmp_path / "render.py"
    compiler.write_text(template_cache._COMPILER.read_text() + "\n# compiled otherwise\n")
    monkeypatch.setattr(template_cache, "_COMPILER", compiler)
    _render(tmp_path)
    assert len(compiled) == 2
