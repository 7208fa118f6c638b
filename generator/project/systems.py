"""The systems this project describes: one folder with a manifest under ``specs/``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.shared.errors import SpecError

if TYPE_CHECKING:  # the manifest module loads jsonschema: not for commands that only look
    from generator.project.manifest import Manifest

MANIFEST_NAME = "manifest.yaml"
SPEC_NAME = "openapi.yaml"


def default_specs_folder() -> Path:
    """``specs/`` of the checkout this package runs from, else of the working folder."""
    checkout = Path(__file__).resolve().parents[2] / "specs"
    return checkout if checkout.is_dir() else Path.cwd() / "specs"


def system_ids(specs: Path) -> list[str]:
    return sorted(p.parent.name for p in specs.glob(f"*/{MANIFEST_NAME}"))


def named_systems(specs: Path, wanted: list[str] | None = None) -> list[str]:
    """The ids of the systems ``wanted`` names (every one when it names none), refusing one
    that is not there; no manifest is read."""
    known = system_ids(specs)
    for system in wanted or []:
        if system not in known:
            raise SpecError(
                f"unknown system {system!r}; known: {', '.join(known) or 'none'}", file=specs
            )
    return list(wanted or known)


def load_systems(specs: Path, wanted: list[str] | None = None) -> list[Manifest]:
    from generator.project.manifest import load_manifest

    return [
        load_manifest(specs / system / MANIFEST_NAME) for system in named_systems(specs, wanted)
    ]
