"""The one error type the toolkit raises for bad input, and the warnings it collects.

Every message names the file and, where known, the line and the JSON pointer, so that the
command line can print it on one line and exit 2 without a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def display_path(path: Path | str) -> str:
    """A path as a person wants to read it: relative to the working folder when inside it."""
    text = str(path)
    if "://" in text:  # a URL, which relpath would take for a folder
        return text
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith(".." + os.sep + "..") else relative


def _location(file: Path | str | None, line: int | None, pointer: str | None) -> str:
    parts = []
    if file is not None:
        parts.append(display_path(file) + (f":{line}" if line else ""))
    if pointer:  # the empty pointer is the whole file, which the file name already says
        parts.append("#" + pointer)
    return " ".join(parts)


class SpecError(Exception):
    """Bad input: a file that cannot be read, parsed, resolved or validated."""

    def __init__(
        self,
        message: str,
        *,
        file: Path | str | None = None,
        pointer: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.pointer = pointer
        self.line = line

    def __str__(self) -> str:
        where = _location(self.file, self.line, self.pointer)
        one_line = " ".join(self.message.split())
        return f"{where}: {one_line}" if where else one_line


@dataclass(frozen=True)
class SpecWarning:
    """Something dropped or corrected on the way, worth telling the user about."""

    message: str
    file: Path | str | None = None
    pointer: str | None = None
    # A defect repaired (generator/normalize/repairs.py): --strict would have refused it.
    repair: bool = False

    def __str__(self) -> str:
        where = _location(self.file, None, self.pointer)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Warnings:
    """Collects warnings in the order they arise; duplicates are kept once."""

    items: list[SpecWarning] = field(default_factory=list)

    def add(
        self,
        message: str,
        *,
        file: Path | str | None = None,
        pointer: str | None = None,
        repair: bool = False,
    ) -> None:
        self.extend([SpecWarning(message, file, pointer, repair)])

    def extend(self, warnings: list[SpecWarning]) -> None:
        for warning in warnings:
            if warning not in self.items:
                self.items.append(warning)

    @property
    def repairs(self) -> int:
        return sum(1 for warning in self.items if warning.repair)

    def summary(self) -> str | None:
        """The count the command line ends its warnings with; none when there are none."""
        others = len(self.items) - self.repairs
        parts = []
        if self.repairs:
            parts.append(
                f"{_count(self.repairs, 'defect')} repaired (docs/repairs.md); "
                "--strict refuses them"
            )
        if others:
            parts.append(_count(others, "other warning" if self.repairs else "warning"))
        return "; ".join(parts) or None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
