"""Fixtures shared by the tests: the project's folders and small source trees on disk."""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import pytest
import yaml
from hypothesis import HealthCheck, settings

from generator.changes.changelog import update_changelogs
from generator.emit.generate import system_package_source, write_packages
from generator.normalize.normalize import normalize_system
from generator.project.systems import SPEC_NAME, load_systems
from tests.contract.prism import PRISM, PrismError, PrismServer

# The long profile (`make test-long`) runs the property tests with many more examples.
LONG_PROFILE = os.environ.get("TEST_PROFILE") == "long"


def comparing(examples: int, long_examples: int) -> settings:
    """Hypothesis settings of a property test that holds a fast path against the original:
    ``examples`` in ``make test``, the same ones each run (derandomized), and ``long_examples``
    fresh ones in the long profile."""
    return settings(
        max_examples=long_examples if LONG_PROFILE else examples,
        deadline=None,
        derandomize=not LONG_PROFILE,
        suppress_health_check=list(HealthCheck),
        database=None,
    )


PROJECT = Path(__file__).resolve().parents[1]
SPECS = PROJECT / "specs"
GENERATED = PROJECT / "generated"
SHARED_UPSTREAM = PROJECT.parent / "shared" / "upstream"


@pytest.fixture
def upstream_root() -> Path:
    """../shared/upstream beside the checkout: present in CI, absent in a user's clone."""
    if not SHARED_UPSTREAM.is_dir():
        pytest.skip(f"upstream description files not available ({SHARED_UPSTREAM} is absent)")
    return SHARED_UPSTREAM


def write_tree(root: Path, files: dict[str, Any]) -> Path:
    """Write ``files`` (relative path -> text, or data dumped as JSON/YAML by suffix)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            text = content
        elif path.suffix in (".json", ".schema", ".sample"):
            text = json.dumps(content, indent=2)
        else:
            text = yaml.safe_dump(content, sort_keys=False)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tree(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(files: dict[str, Any]) -> Path:
        return write_tree(tmp_path, files)

    return make


# -- Everything regenerated from the sources, once per session ------------------------------


@dataclass(frozen=True)
class Regenerated:
    """What ``make generate`` makes from specs/ now, laid out as in the checkout."""

    specs: Path  # <system>/openapi.yaml for every system (the normalized specs only)
    generated: Path  # <package>/ for every system, ruff-formatted, as `generate` writes it
    packages: dict[str, str]  # system -> package name


@pytest.fixture(scope="session")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Regenerated:
    """Every system normalized and generated from its sources, as ``check`` does it.

    Built once per session and shared (about 2 s; each pytest-xdist worker builds its own,
    which also keeps it made in the process that tests it). Read it, never write to it: copy
    what a test needs to change.
    """
    root = tmp_path_factory.mktemp("regenerated")
    manifests = load_systems(SPECS)
    sources = []
    spec_texts = {}
    for manifest in manifests:
        spec = root / "specs" / manifest.system / SPEC_NAME
        spec.parent.mkdir(parents=True)
        spec_texts[manifest.package] = normalize_system(manifest).to_yaml()
        spec.write_text(spec_texts[manifest.package], encoding="utf-8")
        # Generated from the spec as written, exactly as `generate` reads it.
        sources.append(system_package_source(manifest, spec))
    write_packages(sources, root / "generated")
    # and the changelogs, continued from the committed ones, as `generate` and `check` do
    update_changelogs(sources, root / "generated", spec_texts, home=GENERATED)
    return Regenerated(root / "specs", root / "generated", {m.system: m.package for m in manifests})


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ``--cache-dir`` for the session's mypy runs (each xdist worker has its own): httpx
    and pydantic are analysed once (3 s of CPU), not again in every run. mypy checks each
    cached module's path and content, so packages generated anew are checked anew."""
    return tmp_path_factory.mktemp("mypy-cache")


# -- Prism mock servers, shared by the contract and README tests ---------------------------


class PrismFactory(Protocol):
    def __call__(self, spec: Path | str, dynamic: bool = False) -> PrismServer: ...


def spec_path(spec: Path | str) -> Path:
    """A spec file, given as a path or as a system's name (``specs/<name>/openapi.yaml``)."""
    if isinstance(spec, str) and "/" not in spec and not spec.endswith((".yaml", ".json")):
        return SPECS / spec / "openapi.yaml"
    return Path(spec).resolve()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses Prism runs on one pytest-xdist worker (``--dist loadgroup``, as
    `make test` runs): each Prism server, a Node process that takes 1-3 s to start, is then
    started once a session instead of once on each worker."""
    for item in items:
        if "prism" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("prism"))


@pytest.fixture(scope="session")
def prism() -> Iterator[PrismFactory]:
    """``prism(spec, dynamic=False)``: the running Prism server for that spec (a path, or a
    system's name) and mode (``--dynamic`` or not), started when first asked for and stopped
    at the end of the session. Each pytest-xdist worker has its own servers, on free ports."""
    if not PRISM.exists():
        pytest.fail(
            f"Prism is not installed ({PRISM} is missing): run `make test`, which installs it",
            pytrace=False,
        )
    servers: dict[tuple[Path, bool], PrismServer] = {}
    failed: dict[tuple[Path, bool], str] = {}

    def server(spec: Path | str, dynamic: bool = False) -> PrismServer:
        key = (spec_path(spec), dynamic)
        if key in failed:  # one failed start per session is enough to wait for
            pytest.fail(failed[key], pytrace=False)
        if key not in servers:
            try:
                servers[key] = PrismServer(key[0], dynamic=dynamic).start()
            except PrismError as error:
                failed[key] = str(error)
                pytest.fail(failed[key], pytrace=False)
        return servers[key]

    try:
        yield server
    finally:
        for running in servers.values():
            running.stop()


@contextmanager
def imported(folder: Path) -> Iterator[ModuleType]:
    """The package generated in ``folder``, imported, and forgotten afterwards."""
    src = folder / "src"
    sys.path.insert(0, str(src))
    try:
        yield importlib.import_module(folder.name)
    finally:
        sys.path.remove(str(src))
        for name in [m for m in sys.modules if m.split(".")[0] == folder.name]:
            del sys.modules[name]
