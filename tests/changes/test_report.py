"""The report formats: what a terminal, a pull request and GitHub's annotations show."""

from __future__ import annotations

import io

from generator.changes.change import Change
from generator.changes.impact import ApiChange
from generator.changes.report import Known, Report, as_json, github, grouped, markdown, text

ENUM = Change(
    "request-property-enum-value-removed",
    'property status: value "FAILED"',
    "POST /jobs",
    "/components/schemas/JobStatus",
    line=12,
    symbols=("pkg.models.JobStatus",),
    detail='value "FAILED"',
)


def _report(*changes: Change) -> Report:
    return Report(
        "old -> new",
        "old",
        "new",
        list(changes),
        files={"old": None, "new": "specs/x/openapi.yaml"},
        package="pkg",
        api_changes=[ApiChange("removed", "pkg.models.JobStatus.FAILED", "= 'FAILED'", None)],
        known=[Known("/a/b", "upstream says 0")],
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_shared_schema_reached_by_two_operations_is_one_entry() -> None:
    send = Change(
        ENUM.rule,
        'property job.status: value "FAILED"',
        "POST /jobs/send",
        ENUM.pointer,
        detail=ENUM.detail,
    )
    [(change, operations)] = grouped([ENUM, send])
    assert operations == ["POST /jobs", "POST /jobs/send"]
    assert change.message == ENUM.message  # the shorter name of the place
    output = text([_report(ENUM, send)], io.StringIO())
    assert "1 change (1 ERR)" in output
    assert "ERR  request-property-enum-value-removed  POST /jobs, POST /jobs/send" in output


def test_text_is_coloured_only_on_a_terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR", raising=False)
    plain = text([_report(ENUM)], io.StringIO())
    assert "\033[" not in plain
    assert "at specs/x/openapi.yaml:12 #/components/schemas/JobStatus" in plain
    assert "client: pkg.models.JobStatus" in plain
    assert "- pkg.models.JobStatus.FAILED" in plain
    assert "#/a/b: upstream says 0" in plain
    assert "\033[31mERR" in text([_report(ENUM)], _Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in text([_report(ENUM)], _Terminal())


def test_markdown_escapes_table_cells() -> None:
    piped = Change("request-property-pattern-added", "property a: pattern ^(x|y)$", "GET /a", "/p")
    output = markdown([_report(piped)])
    assert "pattern ^(x\\|y)$" in output
    assert "| removed | `pkg.models.JobStatus.FAILED` | `= 'FAILED'` |  |" in output


def test_github_annotations_escape_and_place_on_the_new_file() -> None:
    multiline = Change("response-property-type-changed", "a, b: 50%\nnext", "GET /a", "/p", line=3)
    [annotation, api] = github([_report(multiline)]).splitlines()
    assert annotation.startswith("::error file=specs/x/openapi.yaml,line=3,")
    assert "title=response-property-type-changed::GET /a: a, b: 50%25%0Anext (#/p)" in annotation
    assert api == "::warning title=client API removed::pkg.models.JobStatus.FAILED"
    removed = Change("api-removed-without-deprecation", "GET /a removed", "GET /a", "/p", "old")
    assert "file=" not in github([_report(removed)]).splitlines()[0]


def test_json_lists_every_operation_separately() -> None:
    send = Change(ENUM.rule, ENUM.message, "POST /jobs/send", ENUM.pointer, detail=ENUM.detail)
    output = as_json([_report(ENUM, send)])
    assert output.count('"operation": "POST /jobs') == 2
    assert '"summary": {\n        "ERR": 2,' in output
