"""Our specs agree with the real upstream descriptions, except the recorded corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.manifest import load_manifest
from generator.normalize import normalize_system, normalize_upstream
from generator.surface import apply_corrections, operation_surface, schema_surface
from tests.conftest import SPECS

FOLIO = ["folio-data-export-spring", "folio-erm-usage-harvester", "folio-orders-storage"]


@pytest.mark.parametrize("system", FOLIO)
def test_upstream_normalizes_and_agrees_with_our_spec(system: str, upstream_root: Path) -> None:
    manifest = load_manifest(SPECS / system / "manifest.yaml")
    upstream = normalize_upstream(manifest, upstream_root)  # validates, or raises
    corrected = apply_corrections(upstream.document, manifest.corrections)
    ours = normalize_system(manifest).document

    upstream_operations, our_operations = operation_surface(corrected), operation_surface(ours)
    assert sorted(upstream_operations) == sorted(our_operations)
    for operation in upstream_operations:
        assert upstream_operations[operation] == our_operations[operation], operation

    upstream_schemas, our_schemas = schema_surface(corrected), schema_surface(ours)
    assert sorted(upstream_schemas) == sorted(our_schemas)
    for name in upstream_schemas:
        assert upstream_schemas[name] == our_schemas[name], name


def test_corrections_are_real_differences_from_upstream(upstream_root: Path) -> None:
    """A recorded correction must name a place where upstream really says something else."""
    from generator import pointer as json_pointer

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
