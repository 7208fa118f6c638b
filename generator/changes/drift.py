"""``drift``: how each system's upstream description differs from our committed spec.

The upstream description is normalized the way ours is (with the manifest's servers and
security, since upstream descriptions rarely say them), the manifest's deliberate corrections
are applied to it, and what still differs is drift: a change upstream made that our spec and
client do not have yet. Corrections are listed as known; one whose upstream text has changed
(upstream fixed it, or moved it) is reported, since it no longer corrects what it says.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from generator.changes.change import Change
from generator.changes.diff import diff_descriptions
from generator.changes.documents import operations_by_endpoint
from generator.changes.inputs import Description
from generator.changes.report import Known, Report
from generator.normalize.normalize import normalize_upstream, upstream_source
from generator.project.manifest import Correction, Manifest
from generator.project.systems import SPEC_NAME
from generator.shared import pointer as json_pointer
from generator.shared.errors import display_path
from generator.sources.source_files import LineIndex, SourceFiles

_MISSING = object()


def apply_corrections(document: dict[str, Any], corrections: list[Correction]) -> dict[str, Any]:
    """A copy of an upstream ``document`` with our deliberate corrections made to it."""
    corrected = copy.deepcopy(document)
    for correction in corrections:
        *parents, last = json_pointer.split(correction.pointer)
        holder = json_pointer.resolve(corrected, json_pointer.join("", *parents))
        if correction.ours is None:
            holder.pop(last, None)
        else:
            holder[last] = copy.deepcopy(correction.ours)
    return corrected


def default_upstream_root() -> Path | None:
    """``../shared/upstream`` beside this checkout, where the team keeps its mirror."""
    mirror = Path(__file__).resolve().parents[3] / "shared" / "upstream"
    return mirror if mirror.is_dir() else None


def _stale_corrections(manifest: Manifest, upstream: dict[str, object]) -> list[Change]:
    stale = []
    for correction in manifest.corrections:
        try:
            found = json_pointer.resolve(upstream, correction.pointer)
        except KeyError:
            found = _MISSING
        if found != correction.upstream:
            now = "is gone" if found is _MISSING else "says something else now"
            stale.append(
                Change(
                    "correction-stale",
                    f"upstream {now} where the manifest corrects it ({correction.reason})",
                    None,
                    correction.pointer,
                )
            )
    return stale


def _adopt_naming(ours: dict[str, Any], upstream: dict[str, Any]) -> None:
    """Give upstream's operations our operationIds and tags: RAML declares neither, so the
    ones normalizing invents for it are not upstream's and cannot drift."""
    our_operations = operations_by_endpoint(ours)
    for key, (_, _, operation) in operations_by_endpoint(upstream).items():
        if key in our_operations:
            mine = our_operations[key][2]
            for field in ("operationId", "tags"):
                if field in mine:
                    operation[field] = mine[field]


def drift_report(manifest: Manifest, upstream_root: Path, *, client: bool = False) -> Report:
    upstream_info = manifest.upstream
    ours_file = manifest.folder / SPEC_NAME
    title = f"{manifest.system}: our spec -> upstream"
    if upstream_info is None or upstream_info.path is None or upstream_info.mirror is None:
        where = upstream_info.documentation if upstream_info else None
        note = f"upstream is prose documentation only ({where}); nothing to compare"
        return Report(title, display_path(ours_file), "upstream", [], notes=[note])
    source, _ = upstream_source(manifest, upstream_root)
    upstream = normalize_upstream(manifest, upstream_root)
    corrected = apply_corrections(upstream.document, manifest.corrections)
    files = SourceFiles(manifest.folder)
    ours = Description(
        files.load(ours_file),
        display_path(ours_file),
        manifest.package,
        LineIndex(files.text(ours_file)),
        display_path(ours_file),
    )
    if upstream.format == "raml":
        _adopt_naming(ours.document, corrected)
    theirs = Description(corrected, display_path(source), manifest.package, None, None)
    report = diff_descriptions(ours, theirs, client=client)
    report.title = title
    report.changes = _stale_corrections(manifest, upstream.document) + report.changes
    report.known = [Known(c.pointer, c.reason) for c in manifest.corrections]
    commit = f" at {upstream_info.commit[:12]}" if upstream_info.commit else ""
    report.notes.append(f"upstream: {upstream_info.repository}{commit}, {upstream_info.path}")
    if upstream.format == "raml":
        report.notes.append("RAML names no operations: operationIds and tags are ours")
    return report
