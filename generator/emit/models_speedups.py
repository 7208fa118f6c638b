"""Faster equivalents of datamodel-code-generator's slowest pure functions, while it runs.

Its built-in formatter (which wraps the long descriptions into string pieces) is most of its
time on large specs: 21 of 31 s on AWS SageMaker's 2,072 schemas. A fifth of that is one
function, ``_illegal_split_indices``, which walks every character of the rest of a string each
time a piece is cut from it, to find the ``\\N{...}`` escapes and f-string fields a cut must not
fall inside. Most strings have neither: for them the answer is known without the walk.

A replacement is only put in while ``faster_formatter()`` is entered, and only over the very
function it was written against (its source's hash): another version of the tool runs as
written, slower but never different.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

_REPLACED = "_illegal_split_indices"
# sha256 of the source of datamodel-code-generator's _illegal_split_indices that
# _without_escapes_or_fields answers for (0.97.0).
_KNOWN_ILLEGAL_SPLIT_INDICES = "9bb97b068cc0b91b92e3fa5446c6495e1276f5fcacb93ecda4f7e16de2787957"


def _source_digest(function: Callable[..., object]) -> str | None:
    try:
        return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return None


def fast_illegal_split_indices(line_split: ModuleType) -> Callable[[str], set[int]]:
    """``line_split._illegal_split_indices`` with the walk skipped where it finds nothing.

    The walk adds a span only at a backslash followed by ``N``; a string without that pair
    has only its f-string fields (if it is an f-string), which the original takes from
    ``iter_fexpr_spans`` the same way.
    """
    original: Callable[[str], set[int]] = line_split._illegal_split_indices
    prefix_of: Callable[[str], str] = line_split._string_prefix
    fields_of: Callable[[str], Iterator[tuple[int, int]]] = line_split.iter_fexpr_spans

    def illegal_split_indices(value: str) -> set[int]:
        if "\\N" in value:
            return original(value)
        if "f" in prefix_of(value).lower():
            return {index for start, end in fields_of(value) for index in range(start, end)}
        return set()

    return illegal_split_indices


@contextmanager
def faster_formatter() -> Iterator[None]:
    """Run datamodel-code-generator's formatter with the replacements above, then restore it."""
    from datamodel_code_generator import _builtin_line_split as line_split

    original = getattr(line_split, _REPLACED, None)
    if original is None or _source_digest(original) != _KNOWN_ILLEGAL_SPLIT_INDICES:
        yield
        return
    setattr(line_split, _REPLACED, fast_illegal_split_indices(line_split))
    try:
        yield
    finally:
        setattr(line_split, _REPLACED, original)
