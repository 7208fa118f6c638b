"""The manifests' facts about the real upstream descriptions hold.

That our specs agree with upstream but for the corrections is tested by the drift check
(tests/changes/test_drift.py), which compares operation by operation and schema by schema.
"""

from __future__ import annotations

from pathlib import Path

from generator.normalize.normalize import normalize_upstream
from generator.project.manifest import load_manifest
from tests.conftest import SPECS

FOLIO = ["folio-data-export-spring", "folio-erm-usage-harvester", "folio-orders-storage"]


def test_corrections_are_real_differences_from_upstream(upstream_root: Path) -> None:
    """A recorded correction must name a place where upstream really says something else."""
    from generator.shared import pointer as json_pointer

    for system in FOLIO:
        manifest = load_manifest(SPECS / system / "manifest.yaml")
        upstream = normalize_upstream(manifest, upstream_root).document
        for correction in manifest.corrections:
            assert json_pointer.resolve(upstream, correction.pointer) == correction.upstream


def test_upstream_errors_sample_is_dropped_with_a_warning(upstream_root: Path) -> None:
    manifest = load_manifest(SPECS / "folio-data-export-spring" / "manifest.yaml")
    warnings = [str(w) for w in normalize_upstream(manifest, upstream_root).warnings.items]
    assert any(
        "errors.sample" in w and "'1' is not one of ['ERROR', 'WARNING']" in w for w in warnings
    )
