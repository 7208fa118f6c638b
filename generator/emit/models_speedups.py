"""Faster equivalents of datamodel-code-generator's slowest pure functions, while it runs.

Its built-in formatter (which wraps the long descriptions into string pieces) is most of its
time on large specs: 21 of 31 s on AWS SageMaker's 2,072 schemas. Two of its functions do work
that grows with the square of a description's length, for answers known without it:

- ``_illegal_split_indices`` walks every character of the rest of a string each time a piece
  is cut from it, to find the ``\\N{...}`` escapes and f-string fields a cut must not fall
  inside. Most strings have neither.
- ``_merged_string_group`` joins a description's pieces back into one string (to cut it
  afresh), escaping its quotes again over all that it has joined so far at each piece. Without
  f-strings among the pieces, what it joined is escaped already.

A replacement is only put in while ``faster_formatter()`` is entered, and only over the very
function it was written against (its source's hash): another version of the tool runs as
written, slower but never different.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from types import ModuleType
from typing import Any


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


def fast_merged_string_group(line_split: ModuleType) -> Callable[[Sequence[Any], Any], Any]:
    """``line_split._merged_string_group`` without escaping what is joined again at each piece.

    The original ends each step with the joined text's quotes escaped once more: those of the
    earlier pieces are escaped already, and a piece's backslashes cannot reach across the break
    mark between them, so that step changes nothing. Groups with an f-string (whose fields'
    quotes it toggles) go to the original; the steps kept are the original's, in its order,
    but for the search for an octal escape at the end of what is joined, made only before a
    piece that starts with an octal digit (where its answer matters).
    """
    original: Callable[[Sequence[Any], Any], Any] = line_split._merged_string_group
    prefix_of: Callable[[str], str] = line_split._string_prefix
    triple_quoted: Callable[[str], bool] = line_split._has_triple_quotes
    new_string: Callable[[str, Any], Any] = line_split._new_string
    custom_split: Callable[[bool, int], Any] = line_split._CustomSplit
    open_octal_escape: re.Pattern[str] = line_split._OPEN_OCTAL_ESCAPE
    octal_digits: frozenset[str] = line_split._OCTAL_DIGITS
    mark: str = line_split._BREAK_MARK
    even_backslashes: str = line_split._EVEN_BACKSLASHES

    def merged_string_group(group: Sequence[Any], mode: Any) -> Any:
        prefixes = [prefix_of(leaf.value).lower() for leaf in group]
        if any("f" in prefix for prefix in prefixes):
            return original(group, mode)
        if any(
            triple_quoted(leaf.value) or "r" in prefix
            for leaf, prefix in zip(group, prefixes, strict=True)
        ):
            return None
        if len(set(prefixes)) > 1:
            return None
        prefix = prefixes[0]
        quote = group[0].value[-1]
        unescaped = f"({even_backslashes}){quote}"
        naked = ""
        for leaf, next_prefix in zip(group, prefixes, strict=True):
            value = leaf.value
            # The original's test, its cheap half first (the search has no effect).
            if value[len(next_prefix) + 1 : len(next_prefix) + 2] in octal_digits and (
                open_octal_escape.search(naked.replace(mark, ""))
            ):
                return None
            piece = re.sub(unescaped, rf"\1\\{quote}", value[len(next_prefix) + 1 : -1])
            naked = f"{naked}{piece}{mark}"
        merged = f"{prefix}{quote}{naked}{quote}"
        custom_splits = []
        rest = naked
        for next_prefix in prefixes:
            at = rest.find(mark)
            rest = rest[at + len(mark) :]
            has_prefix = bool(next_prefix)
            custom_splits.append(
                custom_split(has_prefix, at + (len(prefix) if has_prefix else 0) + 1)
            )
        leaf = new_string(merged.replace(mark, ""), group[0])
        leaf.wrap_element = group[0].wrap_element
        leaf.dict_entry = group[0].dict_entry
        mode.custom_splits[id(leaf.value), leaf.value] = tuple(custom_splits)
        return leaf

    return merged_string_group


# What is replaced: its name in datamodel-code-generator's _builtin_line_split, the sha256 of
# the source the replacement answers for (0.97.0), and what makes the replacement.
_REPLACEMENTS: tuple[tuple[str, str, Callable[[ModuleType], Callable[..., Any]]], ...] = (
    (
        "_illegal_split_indices",
        "9bb97b068cc0b91b92e3fa5446c6495e1276f5fcacb93ecda4f7e16de2787957",
        fast_illegal_split_indices,
    ),
    (
        "_merged_string_group",
        "f69bd0a9bb1db1ff2fd3ea37364484ab999ca5b7f240638c94c132de09165da2",
        fast_merged_string_group,
    ),
)


# Their names, as ``in_use`` reports them.
REPLACEABLE = tuple(name for name, _, _ in _REPLACEMENTS)


def in_use() -> list[str]:
    """The names of the functions ``faster_formatter()`` replaces with the tool installed: those
    whose source is the one their replacement was written against."""
    from datamodel_code_generator import _builtin_line_split as line_split

    return [name for name, known, _ in _REPLACEMENTS if _known(line_split, name, known)]


def _known(module: ModuleType, name: str, known: str) -> bool:
    original = getattr(module, name, None)
    return original is not None and _source_digest(original) == known


@contextmanager
def _replaced(
    module: ModuleType, name: str, known: str, make: Callable[..., Any]
) -> Iterator[None]:
    if not _known(module, name, known):
        yield
        return
    original = getattr(module, name)
    setattr(module, name, make(module))
    try:
        yield
    finally:
        setattr(module, name, original)


@contextmanager
def faster_formatter() -> Iterator[None]:
    """Run datamodel-code-generator's formatter with the replacements above, then restore it."""
    from datamodel_code_generator import _builtin_line_split as line_split

    with ExitStack() as stack:
        for name, known, make in _REPLACEMENTS:
            stack.enter_context(_replaced(line_split, name, known, make))
        yield
