"""Printing what ``diff`` and ``drift`` found: text, markdown, json or GitHub annotations.

The json output is a stable interface (``schema: generator-changes/1``), described in
docs/changes.md; the others are for people: a terminal, a pull-request comment, the
annotations GitHub shows beside the changed lines.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from generator.changes.change import Change
from generator.changes.rules import Level

if TYPE_CHECKING:  # impact loads the whole generator; reports only print its results
    from generator.changes.impact import ApiChange

FORMATS = ("text", "markdown", "json", "github")
JSON_SCHEMA_ID = "generator-changes/1"


@dataclass(frozen=True)
class Known:
    """A difference we make on purpose: a manifest correction, with its reason."""

    pointer: str
    reason: str


@dataclass
class Report:
    """The changes from one description to another, and what they do to the client."""

    title: str  # "alma-jobs@HEAD~1 -> alma-jobs"
    old: str
    new: str
    changes: list[Change]
    files: dict[str, str | None] = field(default_factory=dict)  # side -> file on disk
    package: str | None = None
    api_changes: list[ApiChange] | None = None  # None: the clients were not compared
    known: list[Known] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(change.level.name for change in self.changes)

    def worst(self) -> Level | None:
        return max((change.level for change in self.changes), default=None)


def unique(changes: list[Change]) -> list[Change]:
    """``changes`` without repeats (a shared schema reached twice from one operation)."""
    seen: set[tuple[str, str | None, str, str]] = set()
    kept = []
    for change in sorted(changes, key=Change.sort_key):
        key = (change.rule, change.operation, change.pointer, change.message)
        if key not in seen:
            seen.add(key)
            kept.append(change)
    return kept


def grouped(changes: list[Change]) -> list[tuple[Change, list[str]]]:
    """One entry per change to one place, with every operation it reaches: a schema shared by
    ten operations changed once is one thing to read, not ten."""
    groups: dict[tuple[str, str, str, str], tuple[Change, list[str]]] = {}
    for change in changes:
        # A schema change reached by several routes is one change; its shortest name is kept.
        key = (change.rule, change.pointer, change.detail or change.message, change.side)
        if key not in groups or len(change.message) < len(groups[key][0].message):
            groups[key] = (change, groups[key][1] if key in groups else [])
        if change.operation and change.operation not in groups[key][1]:
            groups[key][1].append(change.operation)
    return list(groups.values())


def _operations(operations: list[str], limit: int = 3) -> str:
    shown = ", ".join(operations[:limit])
    more = len(operations) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def _summary(report: Report) -> str:
    """Counts what the text and markdown list: a change reached by several operations once."""
    if not report.changes:
        return "no changes"
    entries = grouped(report.changes)
    counts = Counter(change.level.name for change, _ in entries)
    parts = [
        f"{counts[level.name]} {level.name}" for level in reversed(Level) if counts[level.name]
    ]
    noun = "change" if len(entries) == 1 else "changes"
    return f"{len(entries)} {noun} ({', '.join(parts)})"


# -- text ---------------------------------------------------------------------------------


def _colours(stream: TextIO) -> dict[str, str]:
    wanted = stream.isatty() and "NO_COLOR" not in os.environ
    if not wanted:
        return {"ERR": "", "WARN": "", "INFO": "", "dim": "", "bold": "", "off": ""}
    return {
        "ERR": "\033[31m",
        "WARN": "\033[33m",
        "INFO": "\033[36m",
        "dim": "\033[2m",
        "bold": "\033[1m",
        "off": "\033[0m",
    }


def _where(report: Report, change: Change) -> str:
    file = report.files.get(change.side) or (report.old if change.side == "old" else report.new)
    line = f":{change.line}" if change.line else ""
    return f"{file}{line} #{change.at if change.at is not None else change.pointer}"


def _broken(symbol: str) -> str:
    """What a caller of ``symbol`` meets: a keyword refused (``method(keyword)``), or a method
    or field that is not there."""
    return f"{symbol} is no longer accepted" if symbol.endswith(")") else f"{symbol} is gone"


def text(reports: list[Report], stream: TextIO) -> str:
    c = _colours(stream)
    out: list[str] = []
    for report in reports:
        out.append(f"{c['bold']}{report.title}{c['off']}: {_summary(report)}")
        out.extend(f"  note: {note}" for note in report.notes)
        for change, operations in grouped(report.changes):
            level = change.level.name
            operation = f"  {_operations(operations)}" if operations else ""
            out.append(f"{c[level]}{level:<4}{c['off']} {change.rule}{operation}")
            out.append(f"     {change.message}")
            out.append(f"     {c['dim']}at {_where(report, change)}{c['off']}")
            for symbol in change.symbols:
                out.append(f"     {c['dim']}client: {symbol}{c['off']}")
            for symbol in change.breaks:
                out.append(f"     {c['ERR']}breaks: {_broken(symbol)}{c['off']}")
        if report.known:
            out.append(f"  known differences (manifest corrections): {len(report.known)}")
            out.extend(f"    #{k.pointer}: {k.reason}" for k in report.known)
        if report.api_changes is not None:
            out.extend(_api_text(report, c))
        out.append("")
    return "\n".join(out)


def _api_counts(changes: list[ApiChange]) -> str:
    counts = Counter(change.kind for change in changes)
    return ", ".join(f"{counts[kind]} {kind}" for kind in ("removed", "changed", "added"))


def _as_sync(text: str | None) -> str | None:
    return None if text is None else text.replace("async def", "def").replace("Async", "")


def _without_async_twins(changes: list[ApiChange]) -> list[ApiChange]:
    """``changes`` without each async twin of a sync one changed alike (``AsyncJobs.get`` beside
    ``Jobs.get``): the generator writes both from one operation, so one says it for both."""
    sync = {(c.kind, c.symbol, _as_sync(c.before), _as_sync(c.after)) for c in changes}
    return [
        c
        for c in changes
        if ".Async" not in c.symbol
        or (c.kind, _as_sync(c.symbol), _as_sync(c.before), _as_sync(c.after)) not in sync
    ]


def _api_text(report: Report, c: dict[str, str]) -> list[str]:
    changes = _without_async_twins(report.api_changes or [])
    twins = len(report.api_changes or []) - len(changes)
    counts = _api_counts(changes) if changes else "unchanged"
    if twins:
        counts += f" (each also in its async twin: {twins} more)"
    out = [f"  client API of {report.package}: {counts}"]
    marks = {"removed": "-", "changed": "~", "added": "+"}
    for change in changes:
        colour = (
            c["ERR"]
            if change.kind == "removed"
            else c["WARN"]
            if change.kind == "changed"
            else c["INFO"]
        )
        out.append(f"    {colour}{marks[change.kind]} {change.symbol}{c['off']}")
        if change.kind == "changed":
            out.append(f"        before: {change.before}")
            out.append(f"        after:  {change.after}")
    return out


# -- markdown -----------------------------------------------------------------------------

_BADGE = {"ERR": "🔴 ERR", "WARN": "🟠 WARN", "INFO": "🔵 INFO"}


def _cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(reports: list[Report]) -> str:
    out: list[str] = []
    for report in reports:
        out.append(f"### {_cell(report.title)}")
        out.append("")
        out.append(f"**{_summary(report)}**")
        for note in report.notes:
            out.extend(["", f"_{_cell(note)}_"])
        out.append("")
        if report.changes:
            out.append("| Level | Rule | Operation | Change | Where | Client symbol |")
            out.append("|---|---|---|---|---|---|")
            for change in report.changes:
                pointer = change.at if change.at is not None else change.pointer
                where = f"`#{_cell(pointer)}`" + (f" line {change.line}" if change.line else "")
                symbols = "<br>".join(
                    [f"`{_cell(s)}`" for s in change.symbols]
                    + [f"breaks `{_cell(s)}`" for s in change.breaks]
                )
                operation = f"`{_cell(change.operation)}`" if change.operation else ""
                out.append(
                    f"| {_BADGE[change.level.name]} | `{change.rule}` | {operation} | "
                    f"{_cell(change.message)} | {where} | {symbols} |"
                )
            out.append("")
        if report.known:
            summary = f"{len(report.known)} known differences (manifest corrections)"
            out.append(f"<details><summary>{summary}</summary>")
            out.append("")
            out.extend(f"- `#{_cell(k.pointer)}`: {_cell(k.reason)}" for k in report.known)
            out.append("")
            out.append("</details>")
            out.append("")
        if report.api_changes:
            out.append(
                f"<details><summary>Client API of <code>{report.package}</code>: "
                f"{_api_counts(report.api_changes)}</summary>"
            )
            out.append("")
            out.append("| | Symbol | Before | After |")
            out.append("|---|---|---|---|")
            for api in report.api_changes:
                before = f"`{_cell(api.before)}`" if api.before else ""
                after = f"`{_cell(api.after)}`" if api.after else ""
                out.append(f"| {api.kind} | `{_cell(api.symbol)}` | {before} | {after} |")
            out.append("")
            out.append("</details>")
            out.append("")
    return "\n".join(out)


# -- json ---------------------------------------------------------------------------------


def as_json(reports: list[Report]) -> str:
    document: dict[str, Any] = {
        "schema": JSON_SCHEMA_ID,
        "reports": [
            {
                "title": report.title,
                "old": report.old,
                "new": report.new,
                "summary": {level.name: report.counts()[level.name] for level in reversed(Level)},
                "changes": [
                    {
                        "id": change.rule,
                        "level": change.level.name,
                        "operation": change.operation,
                        "message": change.message,
                        "pointer": change.pointer,
                        "side": change.side,
                        "file": report.files.get(change.side),
                        "line": change.line,
                        "file_pointer": change.at,
                        "symbols": list(change.symbols),
                        "breaks": list(change.breaks),
                    }
                    for change in report.changes
                ],
                "client": None
                if report.api_changes is None
                else {
                    "package": report.package,
                    "changes": [
                        {"kind": a.kind, "symbol": a.symbol, "before": a.before, "after": a.after}
                        for a in report.api_changes
                    ],
                },
                "known": [{"pointer": k.pointer, "reason": k.reason} for k in report.known],
                "notes": report.notes,
            }
            for report in reports
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# -- GitHub workflow annotations ----------------------------------------------------------

_COMMAND = {"ERR": "error", "WARN": "warning", "INFO": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(reports: list[Report]) -> str:
    out = []
    for report in reports:
        for change in report.changes:
            properties = []
            file = report.files.get(change.side)
            if file and change.side == "new":
                properties.append(f"file={_escape_property(file)}")
                if change.line:
                    properties.append(f"line={change.line}")
            properties.append(f"title={_escape_property(change.rule)}")
            where = f"{change.operation}: " if change.operation else ""
            message = f"{where}{change.message} (#{change.pointer})"
            for symbol in change.symbols:
                message += f"\nclient: {symbol}"
            for symbol in change.breaks:
                message += f"\nbreaks: {_broken(symbol)}"
            out.append(
                f"::{_COMMAND[change.level.name]} {','.join(properties)}::{_escape_data(message)}"
            )
        for api in report.api_changes or []:
            if api.breaking:
                out.append(f"::warning title=client API {api.kind}::{_escape_data(api.symbol)}")
    return "\n".join(out) + ("\n" if out else "")


def write(reports: list[Report], output_format: str, stream: TextIO | None = None) -> None:
    # sys.stdout when called, not when imported: a caller may have replaced it since
    stream = stream if stream is not None else sys.stdout
    if output_format == "text":
        stream.write(text(reports, stream))
    elif output_format == "markdown":
        stream.write(markdown(reports))
    elif output_format == "json":
        stream.write(as_json(reports))
    else:
        stream.write(github(reports))
