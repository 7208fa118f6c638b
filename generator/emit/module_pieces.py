"""Reading a large generated module a class at a time.

The syntax tree of a whole module takes some 70 times its size (GitHub's 4 MB of models: 280
MiB, the most memory a run takes once its models are kept). A line that starts with ``class``
at the margin starts a statement unless it is inside a string or brackets, and then a piece
before it cannot be parsed alone: only then is the module read whole.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_TOP_CLASS = re.compile(r"^(?=class )", re.MULTILINE)


def read_in_pieces(source: str, read: Callable[[int, str, ast.Module], T]) -> list[T]:
    """``read(number, piece, tree)`` of each piece of ``source`` in order, each piece parsed
    alone and let go before the next; of ``source`` whole (``number`` 0) when one cannot be."""
    try:
        return [
            read(n, piece, ast.parse(piece)) for n, piece in enumerate(_TOP_CLASS.split(source))
        ]
    except SyntaxError:
        return [read(0, source, ast.parse(source))]
