"""``code.docstring``: spec text as finished docstring lines that can never end the string."""

from __future__ import annotations

import ast

import pytest

from generator.client.code import docstring

URL = "https://example.org/" + "segment/" * 15


def _value(text: str, indent: int = 4, start: int | None = None, end: int = 3) -> str:
    """What Python reads from ``text`` printed into a docstring at ``indent``."""
    printed = docstring(text, indent, start, end)
    module = ast.parse('def f():\n    """' + printed + '"""\n')
    function = module.body[0]
    assert isinstance(function, ast.FunctionDef)
    return ast.get_docstring(function, clean=False) or ""


@pytest.mark.parametrize(
    "text", ['"""', 'a"', '"a', "a\\", '\\"""', 'x""" + y + """', "\x00", " \n0", "a \t\nb  "]
)
def test_nothing_ends_the_string_and_no_line_ends_in_whitespace(text: str) -> None:
    printed = docstring(text, 4, 7, 3)
    _value(text)
    assert all(line == line.rstrip() for line in printed.split("\n"))


def test_long_lines_are_wrapped_at_spaces_to_the_line_length() -> None:
    printed = docstring("word " * 60, 8, 11)
    lines = printed.split("\n")
    assert len(lines) > 2
    assert len(lines[0]) <= 100 - 11
    assert all(len(line) <= 100 and line.startswith(" " * 8 + "word") for line in lines[1:])
    assert " ".join(printed.split()) == " ".join(("word " * 60).split())


def test_a_word_longer_than_the_line_stays_whole() -> None:
    printed = docstring("see " + URL + " there", 4)
    assert URL in printed.split("\n")[1]


def test_the_template_text_after_the_last_line_is_left_room() -> None:
    text = "x" * 90 + " tail"
    assert docstring(text, 4, 4, 0).split("\n") == [text]
    assert docstring(text, 4, 4, 20).split("\n") == ["x" * 90, "    tail"]


def test_indentation_is_made_even_and_relative_to_the_template() -> None:
    printed = docstring("first\n    one\n      two\n\tthree\n\n    four", 8)
    assert printed == ("first\n        one\n          two\n            three\n\n        four")
