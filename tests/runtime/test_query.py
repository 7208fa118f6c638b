"""Values inside a query language's string: CQL, as FOLIO escapes them."""

from __future__ import annotations

import pytest
from runtime._query import cql_string


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ("5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6", "5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6"),
        ('a"b', 'a\\"b'),  # a quote would end the term
        ("a*", "a\\*"),  # a wildcard would widen the query to every id starting with a
        ("a?b^", "a\\?b\\^"),  # the other masking characters
        ("a\\", "a\\\\"),  # a trailing backslash would escape the closing quote
        ("", ""),
        ("ünï cödé =/ or", "ünï cödé =/ or"),  # inside quotes, the rest is plain text
    ],
)
def test_cql_string_escapes_quotes_backslashes_and_masking(value: str, escaped: str) -> None:
    assert cql_string(value) == escaped


def test_cql_string_round_trips_by_cql_unescaping() -> None:
    value = 'x\\"*?^\\\\y'
    escaped = cql_string(value)
    # every special character is preceded by exactly one escaping backslash
    unescaped, index = [], 0
    while index < len(escaped):
        if escaped[index] == "\\":
            index += 1
        unescaped.append(escaped[index])
        index += 1
    assert "".join(unescaped) == value
