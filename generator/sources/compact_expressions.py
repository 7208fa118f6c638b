"""Type expressions of the compact source format: one line, one JSON Schema.

``integer 0..100 = 10 -- Results per page`` is a type, constraints, a default and a
description; ``parse_expression`` turns such a line into a schema and the parts around it.
``docs/compact-format.md`` documents the notation.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

# Built-in type names: (schema, kind). The kind decides which constraints apply.
BUILTIN_TYPES: dict[str, tuple[dict[str, Any], str]] = {
    "string": ({"type": "string"}, "string"),
    "integer": ({"type": "integer"}, "number"),
    "int32": ({"type": "integer", "format": "int32"}, "number"),
    "int64": ({"type": "integer", "format": "int64"}, "number"),
    "number": ({"type": "number"}, "number"),
    "boolean": ({"type": "boolean"}, "boolean"),
    "date": ({"type": "string", "format": "date"}, "string"),
    "date-time": ({"type": "string", "format": "date-time"}, "string"),
    "uuid": ({"type": "string", "format": "uuid"}, "string"),
    "email": ({"type": "string", "format": "email"}, "string"),
    "uri": ({"type": "string", "format": "uri"}, "string"),
    # ``format: binary`` is what code generators map to bytes / file uploads; the OpenAPI
    # format registry keeps it for 3.1.
    "binary": ({"type": "string", "format": "binary"}, "binary"),
    "any": ({}, "any"),
}

_NUMBER = r"-?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})?\.\.({_NUMBER})?$")
_COMPARISON = re.compile(rf"^(>=|<=|>|<)({_NUMBER})$")
_LENGTH = re.compile(r"^(?:(\d+)?\.\.(\d+)?|(\d+))$")
# Marks a field with no `= default` (None is a default: `= null`).
NO_DEFAULT: Any = object()
_FLAGS = ("nullable", "readonly", "writeonly", "deprecated", "unique")


class ExpressionError(Exception):
    """A malformed expression; the loader adds file, line and pointer."""


@dataclass(frozen=True)
class _Token:
    kind: str  # word, regex, group, default, description, or one of [ ] { } |
    text: str


@dataclass
class Parsed:
    """One expression, taken apart."""

    schema: dict[str, Any] | None  # None when the expression names no type (``-- Deleted``)
    media: list[str] | None = None  # the aliases in ``(json, xml)``, when given
    description: str | None = None
    default: Any = NO_DEFAULT


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith("--", i):
            # The description runs to the end, so it may hold any character.
            tokens.append(_Token("description", text[i + 2 :].strip()))
            break
        elif char == "=":
            raw, i = _default_text(text, i + 1)
            tokens.append(_Token("default", raw))
        elif char in "[]{}|":
            tokens.append(_Token(char, char))
            i += 1
        elif char == "(":
            end = _closing_paren(text, i)
            tokens.append(_Token("group", text[i + 1 : end]))
            i = end + 1
        elif char == "/":
            end = _regex_end(text, i)
            tokens.append(_Token("regex", text[i + 1 : end].replace("\\/", "/")))
            i = end + 1
        else:
            start = i
            while i < len(text) and not text[i].isspace() and text[i] not in "[]{}|(":
                i += 1
            tokens.append(_Token("word", text[start:i]))
    return tokens


def _default_text(text: str, start: int) -> tuple[str, int]:
    """The raw default after ``=``: up to a `` -- `` that is not inside quotes."""
    quote = ""
    i = start
    while i < len(text):
        char = text[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif text.startswith("--", i) and text[i - 1].isspace():
            break
        i += 1
    return text[start:i].strip(), i


def _closing_paren(text: str, start: int) -> int:
    depth, quote = 0, ""
    for i in range(start, len(text)):
        char = text[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ExpressionError("'(' is never closed")


def _regex_end(text: str, start: int) -> int:
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "/":
            return i
        i += 1
    raise ExpressionError("pattern '/...' is never closed with '/'")


def _split_list(raw: str) -> list[str]:
    """Comma-separated items, each optionally quoted (quotes protect commas and spaces)."""
    items: list[str] = []
    current, quote = "", ""
    for char in raw + ",":
        if quote:
            current += char
            quote = "" if char == quote else quote
        elif char in "\"'":
            current += char
            quote = char
        elif char == ",":
            items.append(_unquote(current.strip()))
            current = ""
        else:
            current += char
    if quote:
        raise ExpressionError(f"unclosed quote in ({raw})")
    if any(item == "" for item in items):
        raise ExpressionError(f"empty item in ({raw})")
    return items


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            raise ExpressionError(f"bad quoted string {text}") from None
        return str(value)
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def _scalar(raw: str) -> Any:
    """A default value: JSON literals (true, false, null, numbers, quoted strings), else text."""
    if raw == "":
        raise ExpressionError("'=' needs a value after it")
    if raw[0] in "\"'":
        return _unquote(raw)
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return raw
    # json accepts NaN and Infinity, which no JSON document can carry.
    return raw if isinstance(value, float) and not math.isfinite(value) else value


class _Cursor:
    """Reads one expression's tokens, front to back."""

    def __init__(self, text: str, names: Collection[str]) -> None:
        self.tokens = _tokenize(text)
        self.position = 0
        self.names = names

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def at(self, *kinds: str) -> bool:
        token = self.peek()
        return token is not None and token.kind in kinds

    def take(self, expected: str) -> _Token:
        token = self.peek()
        if token is None:
            raise ExpressionError(f"expected {expected} at the end")
        self.position += 1
        return token


def parse_expression(text: str, names: Collection[str], *, payload: bool = False) -> Parsed:
    """Parse ``text``; ``names`` are the schema names a type may mention.

    A payload (request body or response) may name no type and may carry a media list; a field
    must name a type and may carry a default.
    """
    cursor = _Cursor(text, names)
    parsed = Parsed(schema=None)
    if not cursor.at("group", "default", "description") and cursor.peek() is not None:
        parsed.schema = _typed(cursor)
    if cursor.at("group"):
        if not payload:
            raise ExpressionError("a media list '(...)' only follows a body or response type")
        if parsed.schema is None:
            raise ExpressionError("a media list needs a type before it")
        parsed.media = _split_list(cursor.take("media").text)
    if cursor.at("default"):
        if payload:
            raise ExpressionError("a body or response takes no default")
        parsed.default = _scalar(cursor.take("default").text)
    if cursor.at("description"):
        parsed.description = cursor.take("description").text or None
    leftover = cursor.peek()
    if leftover is not None:
        raise ExpressionError(f"unexpected {leftover.text!r}")
    if parsed.schema is None and not payload:
        raise ExpressionError("a field needs a type")
    return parsed


def _typed(cursor: _Cursor) -> dict[str, Any]:
    """A type followed by its constraints."""
    schema, kind = _union(cursor)
    return _constrain(cursor, schema, kind)


def _union(cursor: _Cursor) -> tuple[dict[str, Any], str]:
    alternatives = [_term(cursor)]
    while cursor.at("|"):
        cursor.take("|")
        alternatives.append(_term(cursor))
    if len(alternatives) == 1:
        return alternatives[0]
    # anyOf, not oneOf: two object schemas that both allow unknown fields would match the same
    # value, and oneOf would then reject it.
    return {"anyOf": [schema for schema, _ in alternatives]}, "union"


def _term(cursor: _Cursor) -> tuple[dict[str, Any], str]:
    token = cursor.take("a type")
    if token.kind == "[":
        items = _enclosed(cursor, "]")
        return {"type": "array", "items": items}, "array"
    if token.kind == "{":
        values = _enclosed(cursor, "}")
        return {"type": "object", "additionalProperties": values}, "map"
    if token.kind != "word":
        raise ExpressionError(f"expected a type, found {token.text!r}")
    if token.text == "enum" or (token.text == "open" and cursor.at("word")):
        return _enum(cursor, open_set=token.text == "open")
    if token.text in BUILTIN_TYPES:
        schema, kind = BUILTIN_TYPES[token.text]
        return dict(schema), kind
    if token.text in cursor.names:
        return {"$ref": f"#/components/schemas/{token.text}"}, "ref"
    raise ExpressionError(f"unknown type name {token.text!r}")


def _enclosed(cursor: _Cursor, closer: str) -> dict[str, Any]:
    schema = _typed(cursor)
    if not cursor.at(closer):
        found = cursor.peek()
        raise ExpressionError(f"expected {closer!r}" + (f", found {found.text!r}" if found else ""))
    cursor.take(closer)
    return schema


def _enum(cursor: _Cursor, *, open_set: bool) -> tuple[dict[str, Any], str]:
    if open_set and cursor.take("enum").text != "enum":
        raise ExpressionError("'open' must be followed by enum(...)")
    if not cursor.at("group"):
        raise ExpressionError("enum needs its values in parentheses: enum(A, B)")
    raw = cursor.take("values").text
    if not raw.strip():
        raise ExpressionError("enum needs at least one value")
    values = _split_list(raw)
    if len(set(values)) != len(values):
        raise ExpressionError(f"enum lists a value twice: {', '.join(values)}")
    closed = {"type": "string", "enum": values}
    if not open_set:
        return closed, "enum"
    # Known values as an enum, any other string still valid: generated clients get
    # ``Known | str``, so a value the vendor adds later does not break them.
    return {"anyOf": [closed, {"type": "string"}]}, "open-enum"


def _constrain(cursor: _Cursor, schema: dict[str, Any], kind: str) -> dict[str, Any]:
    flags: set[str] = set()
    while cursor.at("word", "regex"):
        token = cursor.take("a constraint")
        if token.kind == "regex":
            _pattern(schema, kind, token.text)
        elif token.text in _FLAGS:
            flags.add(token.text)
        elif token.text == "len":
            _length(schema, kind, cursor.take("a length after 'len'").text)
        elif _RANGE.match(token.text) or _COMPARISON.match(token.text):
            _bounds(schema, kind, token.text)
        elif token.text in (">=", ">", "<=", "<"):
            raise ExpressionError(f"bad constraint {token.text!r}: write the bound next to it: >=0")
        else:
            raise ExpressionError(f"bad constraint {token.text!r}")
    return _flagged(schema, kind, flags)


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _bounds(schema: dict[str, Any], kind: str, text: str) -> None:
    if kind != "number":
        hint = " (write 'len 1..50' for lengths)" if kind in ("string", "array", "map") else ""
        raise ExpressionError(f"bad constraint {text!r}: bounds apply to numbers only{hint}")
    comparison = _COMPARISON.match(text)
    if comparison:
        keyword = {
            ">=": "minimum",
            ">": "exclusiveMinimum",
            "<=": "maximum",
            "<": "exclusiveMaximum",
        }[comparison.group(1)]
        schema[keyword] = _number(comparison.group(2))
        return
    low, high = _range(text)
    if low is not None:
        schema["minimum"] = low
    if high is not None:
        schema["maximum"] = high


def _range(text: str) -> tuple[int | float | None, int | float | None]:
    match = _RANGE.match(text)
    if not match or (match.group(1) is None and match.group(2) is None):
        raise ExpressionError(f"bad constraint {text!r}: expected a range such as 1..50")
    low = _number(match.group(1)) if match.group(1) is not None else None
    high = _number(match.group(2)) if match.group(2) is not None else None
    if low is not None and high is not None and low > high:
        raise ExpressionError(f"bad constraint {text!r}: the range is empty")
    return low, high


_LENGTH_KEYWORDS = {
    "string": ("minLength", "maxLength"),
    "array": ("minItems", "maxItems"),
    "map": ("minProperties", "maxProperties"),
}


def _length(schema: dict[str, Any], kind: str, text: str) -> None:
    if kind not in _LENGTH_KEYWORDS:
        raise ExpressionError(
            f"bad constraint 'len {text}': lengths apply to strings, arrays and maps only"
        )
    match = _LENGTH.match(text)
    if not match or text == "..":
        raise ExpressionError(
            f"bad constraint 'len {text}': lengths are whole numbers >= 0, or a range like 1..50"
        )
    exact, low, high = match.group(3), match.group(1), match.group(2)
    low, high = (exact, exact) if exact else (low, high)
    if low is not None and high is not None and int(low) > int(high):
        raise ExpressionError(f"bad constraint 'len {text}': the range is empty")
    minimum, maximum = _LENGTH_KEYWORDS[kind]
    if low is not None:
        schema[minimum] = int(low)
    if high is not None:
        schema[maximum] = int(high)


def _pattern(schema: dict[str, Any], kind: str, pattern: str) -> None:
    if kind != "string":
        raise ExpressionError(f"bad constraint /{pattern}/: patterns apply to strings only")
    try:
        re.compile(pattern)
    except re.error as error:
        raise ExpressionError(f"bad constraint /{pattern}/: {error}") from None
    schema["pattern"] = pattern


def _flagged(schema: dict[str, Any], kind: str, flags: set[str]) -> dict[str, Any]:
    if "unique" in flags:
        if kind != "array":
            raise ExpressionError("bad constraint 'unique': it applies to arrays only")
        schema["uniqueItems"] = True
    if "nullable" in flags:
        schema = _nullable(schema, kind)
    for flag, keyword in (("readonly", "readOnly"), ("writeonly", "writeOnly")):
        if flag in flags:
            schema[keyword] = True
    if "deprecated" in flags:
        schema["deprecated"] = True
    return schema


def _nullable(schema: dict[str, Any], kind: str) -> dict[str, Any]:
    """``schema`` that also accepts null, in the 3.1 way (3.0's ``nullable`` is gone)."""
    if kind == "any":
        return schema
    if kind in ("union", "open-enum"):
        schema["anyOf"].append({"type": "null"})
        return schema
    if isinstance(schema.get("type"), str):
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    return {"anyOf": [schema, {"type": "null"}]}
