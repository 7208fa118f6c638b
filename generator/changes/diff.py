"""``diff OLD NEW``: every change between two descriptions, with lines and client impact."""

from __future__ import annotations

from dataclasses import replace

from generator.changes.change import Change
from generator.changes.documents import compare_documents
from generator.changes.impact import client_surface, compare_surfaces, with_symbols
from generator.changes.inputs import Description
from generator.changes.report import Report, unique
from generator.shared.errors import SpecError


def _with_lines(changes: list[Change], old: Description, new: Description) -> list[Change]:
    located = []
    for change in changes:
        side = old if change.side == "old" else new
        if side.places is not None and side.lines is not None:
            at = side.places.pointer(change.pointer)
            located.append(replace(change, at=at, line=side.lines.line_of(at)))
        else:
            lines = side.lines
            located.append(change.with_line(lines.line_of(change.pointer) if lines else None))
    return located


# The package both clients are generated as when neither side is a system's and none is named.
DEFAULT_PACKAGE = "api"


def diff_descriptions(
    old: Description, new: Description, *, client: bool = True, package: str | None = None
) -> Report:
    """``package`` names the generated symbols; default: the package of NEW's (else OLD's)
    system, else ``DEFAULT_PACKAGE``, with a note saying so."""
    changes = _with_lines(unique(compare_documents(old.document, new.document)), old, new)
    report = Report(
        title=f"{old.label} -> {new.label}",
        old=old.label,
        new=new.label,
        changes=changes,
        files={"old": old.file, "new": new.file},
    )
    if client:
        # Both sides generate under one name, so that only real differences show.
        package = package or new.package or old.package
        if package is None:
            package = DEFAULT_PACKAGE
            report.notes.append(
                f"client symbols are named as package {package!r}: pass --package NAME "
                "to name them as yours"
            )
        try:
            before = client_surface(old.document, package)
            after = client_surface(new.document, package)
        except (SpecError, KeyError, ValueError, TypeError) as error:
            # The spec comparison stands on its own; a description the generator cannot make a
            # client of (yet) is worth saying, not worth losing the report over.
            reason = (
                str(error) if isinstance(error, SpecError) else f"{type(error).__name__} {error}"
            )
            report.notes.append(f"client not compared: {reason}")
            return report
        report = replace(
            report,
            changes=with_symbols(changes, before, after),
            package=package,
            api_changes=compare_surfaces(before, after),
        )
    return report
