"""Values put inside a string of a query language, escaped by that language's rules.

An ``x-job`` read template (``id=="{id}"``) names its language; the generated waiter passes
the job id through the matching function here, so an id can never end the string or widen the
query.
"""

from __future__ import annotations

# Inside a double-quoted CQL term a backslash escapes the next character; `"` ends the term and
# `*`, `?` and `^` are masking characters (wildcards, anchoring), as FOLIO's
# StringUtil.cqlEncodeMasking escapes them.
_CQL_SPECIAL = frozenset('\\"*?^')


def cql_string(value: str) -> str:
    """``value`` for inside a double-quoted CQL term, matching exactly that text."""
    return "".join("\\" + char if char in _CQL_SPECIAL else char for char in str(value))
