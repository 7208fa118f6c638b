"""Docstrings are finished as the templates render them (issue #12, item 4).

Every package is rendered as ``generate`` renders it, before the generator's own ruff pass;
``ruff format`` then runs on a copy. Each docstring (of a module, class or function, and each
attribute docstring) must come out of it unchanged, and no line of one may be longer than the
generated code's line length, except a line holding a word no line could hold.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.emit import formatting
from generator.emit.formatting import ruff_command
from generator.emit.generate import PackageSource, render, system_package_source
from generator.normalize.normalize import normalize_source
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from tests.conftest import SPECS
from tests.hostile.strategies import PAYLOAD
from tests.hostile.test_spec_strings import _spec

RUFF_CONFIG = formatting.CONFIG
LINE_LENGTH = 100
URL = "https://example.org/" + "a-very-long-path/" * 7 + "?query=" + "x" * 20
# Prose as specs write it: long paragraphs, indented blocks, tabs, a list, a URL longer than a
# line, trailing spaces, quotes and backslashes at either end, a triple quote inside.
PROSE = (
    '"Quoted" ' + "words of a long paragraph that goes on " * 6 + URL + " and after it.  \n"
    "\n"
    "    an indented block\n"
    "\tafter a tab, " + "more words " * 12 + "\n"
    "- a list item that is long enough to be wrapped: " + "item " * 20 + "\n"
    '\r\nback\\slash """ ' + PAYLOAD + ' """ ' + "tail " * 20 + 'ends in a quote"'
)


def _system_sources() -> list[PackageSource]:
    return [
        system_package_source(load_manifest(SPECS / system / "manifest.yaml"))
        for system in system_ids(SPECS)
    ]


def _hostile_source(folder: Path) -> PackageSource:
    spec = _spec(PROSE)
    spec["tags"] = [{"name": "things", "description": PROSE}]
    operation = spec["paths"]["/jobs"]["get"]
    operation["tags"] = ["things"]
    operation["summary"] = "A summary " * 12 + URL
    operation["description"] = PROSE
    for parameter in operation["parameters"]:
        parameter["description"] = PROSE
    spec["webhooks"] = {
        "thing-" + "long" * 30: {
            "post": {
                "summary": PROSE,
                "description": PROSE + " more",
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
    }
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return PackageSource(normalize_source(path).document, "hostile", path)


def _docstrings(source: str) -> list[tuple[int, int, str]]:
    """(first line, last line, value) of every string statement: the docstrings."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found.append((node.lineno, node.end_lineno or node.lineno, node.value.value))
    return sorted(found)


def _too_long(line: str) -> bool:
    """Longer than the line length, though a break at a space would have shortened it.

    A line may be longer only when it holds one word (a URL), after at most the quotes and a
    parameter's ``name:``: no break at a space could have shortened it.
    """
    words = line.replace('"""', " ").split()
    unbreakable = len(words) == 1 or (len(words) == 2 and words[0].endswith(":"))
    return len(line) > LINE_LENGTH and not unbreakable


def _rendered(source: PackageSource, folder: Path) -> dict[Path, str]:
    written = {}
    for relative, text in render(source).items():
        if relative.endswith(".py") and "/_runtime/" not in relative:
            path = folder / source.package / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            written[path] = text
    return written


def test_ruff_format_leaves_every_docstring_as_rendered(tmp_path: Path) -> None:
    sources = [*_system_sources(), _hostile_source(tmp_path)]
    rendered: dict[Path, str] = {}
    for source in sources:
        rendered |= _rendered(source, tmp_path / "packages")
    command = [*ruff_command(), "format", "--no-cache", "--quiet", "--config", str(RUFF_CONFIG)]
    subprocess.run([*command, str(tmp_path / "packages")], check=True)
    assert any("hostile" in str(path) for path in rendered)
    for path, text in rendered.items():
        name = str(path.relative_to(tmp_path))
        before = [value for _, _, value in _docstrings(text)]
        after = [value for _, _, value in _docstrings(path.read_text(encoding="utf-8"))]
        assert len(before) == len(after), name
        for old, new in zip(before, after, strict=True):
            assert old == new, f"ruff format changed a docstring of {name}:\n{old}\n---\n{new}"
        lines = text.splitlines()
        for first, last, _ in _docstrings(text):
            for number in range(first, last + 1):
                assert not _too_long(lines[number - 1]), f"{name}:{number}: {lines[number - 1]}"


@pytest.mark.parametrize(
    "line",
    [
        "    " + URL + '"""',
        "            key: " + URL,
        '    """' + URL,
    ],
)
def test_a_line_holding_only_an_unbreakable_word_may_be_long(line: str) -> None:
    assert not _too_long(line)


def test_a_long_line_that_could_break_is_found() -> None:
    assert _too_long("    " + "word " * 30)
    assert _too_long("    see " + URL)
