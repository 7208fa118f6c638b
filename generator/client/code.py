"""The only ways a spec's text becomes part of generated code.

``Code`` is text the generator vouches for as code: a literal made by ``literal`` (repr, the one
literal-rendering path), an identifier checked by ``identifier``, a type expression checked by
``annotation``, text escaped for a docstring, Markdown or TOML, or a fill of such pieces into
the generator's own pattern. The Jinja environment (``render``) refuses to print anything else,
so a spec string that reaches a template without one of these fails generation loudly instead
of becoming code. Only this module constructs ``Code``.
"""

from __future__ import annotations

import ast
import keyword
import re
from collections.abc import Iterable

_LITERAL_TYPES = (str, int, float, bool, type(None))
# What a type expression may be made of: names, ``a.b``, ``a[b, c]``, ``a | b`` and constants
# (``Literal['x']``); no call, no operator that runs code.
_ANNOTATION_NODES = (
    ast.Expression,
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Tuple,
    ast.BinOp,
    ast.BitOr,
    ast.Constant,
    ast.Load,
)


class Code(str):
    """Text that is safe to print into generated code as it is."""

    __slots__ = ()


def _literal(value: object) -> str:
    if isinstance(value, _LITERAL_TYPES):
        return repr(value)
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value, key=repr) if isinstance(value, (frozenset, set)) else value
        inner = ", ".join(_literal(item) for item in items)
        if isinstance(value, tuple):
            return "(" + inner + ("," if len(value) == 1 else "") + ")"
        return "[" + inner + "]"
    raise TypeError(f"no Python literal for {type(value).__name__}")


def literal(value: object) -> Code:
    """A Python literal of ``value`` (str, number, bool, None, or a tuple or list of them)."""
    return Code(_literal(value))


def identifier(text: str) -> Code:
    """``text`` as a Python name; anything that is not a plain identifier is refused."""
    if not (text.isascii() and text.isidentifier()) or keyword.iskeyword(text):
        raise ValueError(f"not a Python identifier: {text!r}")
    return Code(text)


def distribution(package: str) -> Code:
    """The distribution name of Python package ``package``: ``alma_jobs`` -> ``alma-jobs``."""
    return Code(identifier(package).replace("_", "-"))


def annotation(text: str) -> Code:
    """``text`` as a type expression: only names, attributes, subscripts, ``|`` and constants."""
    tree = ast.parse(text, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _ANNOTATION_NODES):
            raise ValueError(f"not a type expression: {text!r}")
        if isinstance(node, ast.Name):
            identifier(node.id)
    return Code(text)


def fill(pattern: str, *parts: str) -> Code:
    """The generator's own ``pattern`` with ``{}`` filled by pieces that are already code."""
    for part in parts:
        if not isinstance(part, Code):
            raise TypeError(f"not code: {part!r}")
    return Code(pattern.format(*parts))


def join(separator: str, parts: Iterable[str]) -> Code:
    """Pieces of code joined by the generator's own ``separator``."""
    pieces = list(parts)
    return fill(separator.join("{}" for _ in pieces), *pieces)


LINE_LENGTH = 100  # the generated code's (generator/emit/generated_ruff.toml)
_INDENTATION = re.compile(r"[ \t\f]*")


def docstring(text: object, indent: int = 0, start: int | None = None, end: int = 0) -> Code:
    """Spec text as finished docstring lines: it can never end the string.

    The text is printed at column ``start`` (``indent`` by default) and its further lines at
    column ``indent``, the template's own; ``end`` characters of the template follow it on its
    last line. Lines longer than the line length are wrapped at spaces (a URL or another word
    longer than the line stays whole); indentation is made of spaces, common indentation is
    removed and no line ends in whitespace, so that ``ruff format`` has nothing left to change.
    """
    value = str(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\x00", "")
    lines: list[tuple[int, str]] = []  # (indentation of its own, text)
    for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # No line may end in whitespace (ruff's W291/W293): ruff format tidies only the
        # docstrings of modules, classes and functions, not those of attributes.
        line = line.rstrip()
        lead = _INDENTATION.match(line).group()  # type: ignore[union-attr]
        lines.append((len(lead.replace("\f", "").expandtabs(8)), line[len(lead) :]))
    while lines and not lines[0][1]:
        lines.pop(0)
    while lines and not lines[-1][1]:
        lines.pop()
    if not lines:
        return Code("")
    # ruff format dedents a docstring's lines after the first to the docstring's own column
    common = min((own for own, words in lines[1:] if words), default=0)
    lines = [(0, lines[0][1])] + [(own - common, words) for own, words in lines[1:]]
    # a quote next to the docstring's quotes would make four of them (ruff adds a space)
    if lines[0][1].startswith('"'):
        lines[0] = (0, "\\" + lines[0][1])
    last = lines[-1][1]
    # (a quote after an odd number of backslashes is escaped already: every backslash of the
    # text is doubled, the escaped triple quote's are not)
    if last.endswith('"') and (len(last) - 1 - len(last[:-1].rstrip("\\"))) % 2 == 0:
        lines[-1] = (lines[-1][0], last[:-1] + '\\"')
    column = indent if start is None else start
    printed: list[str] = []
    for number, (own, words) in enumerate(lines):
        if not words:
            printed.append("")
            continue
        first = column if number == 0 else indent + own
        room = LINE_LENGTH - (end if number == len(lines) - 1 else 0)
        wrapped = _wrapped(words, room - first, room - indent - own)
        printed.append(("" if number == 0 else " " * first) + wrapped[0])
        printed.extend(" " * (indent + own) + more for more in wrapped[1:])
    return Code("\n".join(printed))


def _wrapped(text: str, first: int, rest: int) -> list[str]:
    """``text`` in lines of at most ``first``, then ``rest``, characters, broken at spaces."""
    if len(text) <= first:
        return [text]
    lines: list[str] = []
    line = ""
    for word in re.split(r"[ \t]+", text):
        if line and len(line) + 1 + len(word) > (rest if lines else first):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def toml_string(value: str) -> Code:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = "".join(
        "\\" + char
        if char in '"\\'
        else f"\\u{ord(char):04x}"
        if ord(char) < 0x20 or ord(char) == 0x7F
        else char
        for char in value
    )
    return Code('"' + escaped + '"')


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_BLOCK_START = re.compile(r"^(\s*)(```|~~~|#|>|=|-{3,}|\*{3,})")


def markdown_inline(text: object) -> Code:
    """Spec text inside a line of Markdown: every character that would format is escaped."""
    one_line = " ".join(str(text).replace("\x00", "").split())
    return Code(_MARKDOWN_SPECIAL.sub(r"\\\1", one_line))


def code_span(text: object) -> Code:
    """Text inside a Markdown code span (between backticks), where nothing is escaped: a
    backtick it holds would end the span, so it becomes a quote; the text stays one line."""
    return Code(" ".join(str(text).replace("\x00", "").split()).replace("`", "'"))


def markdown(text: object) -> Code:
    """Spec prose as Markdown paragraphs (OpenAPI descriptions are CommonMark).

    Inline Markdown (emphasis, code spans, links) stays; raw HTML is escaped outside code spans
    and nothing can open a fence, a heading or a quote that would swallow the README after it.
    """
    lines = []
    for line in str(text).replace("\x00", "").splitlines():
        pieces, end = [], 0
        for span in _CODE_SPAN.finditer(line):
            pieces += [line[end : span.start()].replace("<", "\\<"), span.group()]
            end = span.end()
        pieces.append(line[end:].replace("<", "\\<"))
        lines.append(_BLOCK_START.sub(r"\1\\\2", "".join(pieces)))
    return Code("\n".join(lines))
