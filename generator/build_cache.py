"""Skip regenerating what has not changed: a content hash of everything the output depends on.

``normalize`` and ``generate`` (for the systems under specs/) record, after a run, a hash of
their inputs — every source file, the generator's own code and templates, its version and the
versions of the tools that shape the output — and a hash of what they wrote. A later run with
the same inputs whose outputs are still exactly as written does nothing. Any change to a
source, a template, the generator, a tool version, the options, or to an output by hand,
makes the next run do the work again. The stamps live in ``.stamps/`` (not committed).

Steps whose result is a pure function of their input (datamodel-code-generator's models of a
set of schemas, a compiled template) keep it in a ``ContentCache`` under ``.stamps/`` of the
toolkit's checkout, keyed by a hash of that input and of everything else the result depends on:
a run whose stamp is stale still skips them for every system whose schemas did not change.

This module imports nothing heavy: the point is to answer in a few milliseconds.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator import __version__

GENERATOR = Path(__file__).resolve().parent
TEMPLATES = GENERATOR.parent / "templates"
# Where the content caches live unless GENERATOR_CACHE says: the toolkit's own checkout (the
# stamps' folder, ignored by git), never the folder of the user who runs it.
CACHES = GENERATOR.parent / ".stamps"
# Past this many bytes or entries a cache drops its least recently used entries (GitHub's
# models: 9 MB; the count keeps the look at the folder after each write short).
CACHE_BUDGET = 256 * 2**20
CACHE_ENTRIES = 512
# Tools whose version can change the output byte for byte.
TOOLS = (
    "datamodel-code-generator",
    "ruff",
    "pydantic",
    "jinja2",
    "pyyaml",
    "openapi-spec-validator-rs",
)
# Written by installing or running the outputs, not by the generator.
_NOT_OURS = ("__pycache__", ".egg-info", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def files_below(folder: Path, *, skip_names: Iterable[str] = ()) -> Iterator[Path]:
    skipped = set(skip_names)
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(
            f for f in folders if not f.endswith(_NOT_OURS) and not f.startswith(".")
        )
        for name in sorted(names):
            if name not in skipped:
                yield Path(root) / name


def digest(files: Iterable[Path], *extra: str) -> str:
    """One hash of the files' names and contents and of ``extra``."""
    hasher = hashlib.sha256()
    for text in extra:
        hasher.update(text.encode() + b"\0")
    for path in files:
        hasher.update(str(path).encode() + b"\0")
        try:
            hasher.update(path.read_bytes())
        except OSError:
            hasher.update(b"<unreadable>")
        hasher.update(b"\0")
    return hasher.hexdigest()


@functools.cache
def code_digest() -> str:
    """One hash of the generator's own code, without its templates."""
    return digest(files_below(GENERATOR))


def toolchain() -> str:
    """The generator's version and code, and the versions of the tools it runs."""
    return f"{__version__};{named_versions(TOOLS)};{code_digest()};{digest(files_below(TEMPLATES))}"


def named_versions(tools: Iterable[str]) -> str:
    """``tool=version;...`` of ``tools`` (some of ``TOOLS``), for a cache key: ``absent`` for
    one not installed."""
    versions = tool_versions()
    return ";".join(f"{tool}={versions.get(tool, 'absent')}" for tool in tools)


def _project_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()  # PEP 503's normal form, as wheels spell it


@functools.cache
def tool_versions() -> dict[str, str]:
    """The installed version of each of ``TOOLS``, as ``importlib.metadata`` finds it: the
    first entry of ``sys.path`` that holds the tool's ``<name>-<version>.dist-info``.

    Read from the folders' names, which the wheel format fixes: importing importlib.metadata
    and parsing six METADATA files took 40 ms, a tenth of regenerating one system. A tool
    installed some other way (an ``.egg-info``) is asked of importlib.metadata after all.
    """
    wanted = {_project_key(tool): tool for tool in TOOLS}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            project, _, version = name.removesuffix(".dist-info").partition("-")
            tool = wanted.get(_project_key(project))
            if name.endswith(".dist-info") and tool and tool not in found and version:
                found[tool] = version
    missing = [tool for tool in TOOLS if tool not in found]
    if missing:
        from importlib import metadata

        for tool in missing:
            try:
                found[tool] = metadata.version(tool)
            except metadata.PackageNotFoundError:
                continue
    return found


class Stamp:
    """The record of one step's last run: ``.stamps/<step>.json`` beside ``specs/``.

    ``facts`` are what the run learnt that the next must know before it can tell whether it
    is fresh (which package a system's manifest names, so as to hash that package's files).
    """

    def __init__(self, checkout: Path, step: str) -> None:
        self.file = checkout / ".stamps" / f"{step}.json"

    def _read(self) -> object:
        try:
            return json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def recorded(self, fact: str) -> str | None:
        recorded = self._read()
        value = recorded.get(fact) if isinstance(recorded, dict) else None
        return value if isinstance(value, str) else None

    def fresh(self, inputs: str, outputs: str, **facts: str) -> bool:
        return bool(self._read() == {"inputs": inputs, "outputs": outputs, **facts})

    def record(self, inputs: str, outputs: str, **facts: str) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_suffix(".tmp")
        record = {"inputs": inputs, "outputs": outputs, **facts}
        temporary.write_text(json.dumps(record), encoding="utf-8")
        temporary.replace(self.file)


def cache_folder(kind: str) -> Path:
    """Where the results of one kind of step are kept (``GENERATOR_CACHE`` moves them all)."""
    return Path(os.environ.get("GENERATOR_CACHE") or CACHES) / kind


_reading = True


def reading_caches() -> bool:
    """False within ``fresh_results``."""
    return _reading


@contextlib.contextmanager
def fresh_results() -> Iterator[None]:
    """Within it, every ``ContentCache`` misses (and is written afresh): ``--no-cache``."""
    global _reading
    before, _reading = _reading, False
    try:
        yield
    finally:
        _reading = before


class ContentCache:
    """Results keyed by a hash of everything they depend on, one JSON file each.

    A cache is an optimisation, never a source of truth: an entry that cannot be read or is
    not what ``get``'s caller expects is a miss, and a folder that cannot be written is no
    cache at all. Writes are atomic (a temporary file renamed), so parallel runs that make the
    same entry agree.
    """

    def __init__(self, kind: str, budget: int = CACHE_BUDGET, entries: int = CACHE_ENTRIES) -> None:
        self.folder = cache_folder(kind)
        self.budget = budget
        self.entries = entries

    @staticmethod
    def key(*parts: str) -> str:
        hasher = hashlib.sha256()
        for part in parts:
            hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return hasher.hexdigest()

    def get(self, key: str) -> object | None:
        if not reading_caches():
            return None
        entry = self.folder / f"{key}.json"
        try:
            value: object = json.loads(entry.read_bytes())
            os.utime(entry)  # recently used: the last to go when the budget is exceeded
        except (OSError, ValueError):
            return None
        return value

    def put(self, key: str, value: object) -> None:
        import tempfile  # not for the runs a stamp answers

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                # dumps, not dump: only dumps has the C encoder (GitHub's models: 0.09 s, not 0.35)
                file.write(json.dumps(value))
            os.replace(temporary, self.folder / f"{key}.json")
            self._trim()
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _trim(self) -> None:
        """Drop the least recently used entries until the rest fit in the budgets."""
        entries = []
        for path in self.folder.glob("*.json"):
            with contextlib.suppress(OSError):
                status = path.stat()
                entries.append((status.st_mtime_ns, status.st_size, path))
        total, count = sum(size for _, size, _ in entries), len(entries)
        for _, size, path in sorted(entries):
            if total <= self.budget and count <= self.entries:
                break
            with contextlib.suppress(OSError):
                path.unlink()
            total, count = total - size, count - 1
