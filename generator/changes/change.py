"""One change between two API descriptions, as ``diff`` reports it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from generator.changes.rules import ERR, RULES, Level


@dataclass(frozen=True)
class Change:
    rule: str  # an id of rules.RULES
    message: str  # what changed, naming the parameter, property or value
    operation: str | None  # "GET /jobs/{id}", or None for a change of the whole document
    pointer: str  # JSON pointer of the changed place
    side: Literal["old", "new"] = "new"  # which description `pointer` points into
    line: int | None = None  # of `at` (else `pointer`) in the file it points into, where known
    # Where the change is in the file as the user wrote it, when that is not the normalized
    # document `pointer` points into (a Swagger 2.0 or RAML file).
    at: str | None = None
    symbols: tuple[str, ...] = field(default=())  # generated Python symbols this changes
    detail: str = ""  # the message without the name of the place ("value \"FAILED\"")
    # A parameter's change: its "in:name" before and after (None where it is not there).
    parameter: tuple[str | None, str | None] = (None, None)
    # Generated signatures a caller used that no longer accept what they passed: "m(keyword)".
    breaks: tuple[str, ...] = field(default=())

    @property
    def level(self) -> Level:
        """The rule's level, or ERR when the change breaks code calling the generated client
        (however harmless it is on the wire)."""
        return ERR if self.breaks else RULES[self.rule].level

    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (-self.level, self.operation or "", self.rule, self.pointer, self.message)

    def with_line(self, line: int | None) -> Change:
        return replace(self, line=line)
