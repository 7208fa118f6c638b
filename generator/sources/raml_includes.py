"""RAML step 1, reading: YAML files whose ``!include`` tags are resolved file by file.

``RamlLoader`` parses ``!include path`` into an ``Include`` marker; ``Includes`` replaces the
markers: RAML and YAML fragments are inlined, JSON files (schemas, examples) stay files as
``FileRef`` so that the bundler can pull them in later, and anything else becomes its text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.shared.errors import SpecError
from generator.sources.source_files import JSON_SUFFIXES, SourceFiles, YamlLoader

Json = dict[str, Any]

_RAML_SUFFIXES = {".raml", ".yaml", ".yml"}


# --- Reading: YAML with !include --------------------------------------------------------------


@dataclass(frozen=True)
class Include:
    """An ``!include`` as parsed: the path as written and the line it stands on."""

    target: str
    line: int


class RamlLoader(YamlLoader):
    """YAML as RAML writes it: ``!include path`` becomes an ``Include`` marker."""


def _construct_include(loader: yaml.SafeLoader, node: yaml.Node) -> Include:
    if not isinstance(node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(
            None, None, "!include needs a file path", node.start_mark
        )
    return Include(str(loader.construct_scalar(node)).strip(), node.start_mark.line + 1)


RamlLoader.add_constructor("!include", _construct_include)


@dataclass(frozen=True)
class FileRef:
    """An included JSON file (a schema or an example), kept as a file for the bundler."""

    ref: str  # relative to the root file's folder, with forward slashes
    path: Path

    def as_json(self) -> Json:
        return {"$ref": self.ref}


class Includes:
    """Replaces ``Include`` markers file by file; finds cycles and missing files."""

    def __init__(self, files: SourceFiles, root_dir: Path) -> None:
        self._files = files
        self._root_dir = root_dir
        self._expanded: dict[Path, Any] = {}

    def load(self, path: Path, chain: tuple[Path, ...] = ()) -> Any:
        """The content of a RAML/YAML file with its includes resolved (shared: do not mutate)."""
        if path not in self._expanded:
            document = self._files.load(path, RamlLoader)
            self._expanded[path] = self._expand(document, path, (*chain, path))
        return self._expanded[path]

    def relative(self, path: Path) -> str:
        return Path(os.path.relpath(path, self._root_dir)).as_posix()

    def _expand(self, value: Any, file: Path, chain: tuple[Path, ...]) -> Any:
        if isinstance(value, Include):
            return self._resolve(value, file, chain)
        if isinstance(value, dict):
            return {key: self._expand(item, file, chain) for key, item in value.items()}
        if isinstance(value, list):
            return [self._expand(item, file, chain) for item in value]
        return value

    def _resolve(self, include: Include, file: Path, chain: tuple[Path, ...]) -> Any:
        target = self.target(include, file)
        suffix = target.suffix.lower()
        if suffix in JSON_SUFFIXES:
            return FileRef(self.relative(target), target)
        if suffix in _RAML_SUFFIXES:
            if target in chain:
                cycle = [*chain[chain.index(target) :], target]
                raise SpecError(
                    "cyclic !include: " + " -> ".join(self.relative(p) for p in cycle),
                    file=file,
                    line=include.line,
                )
            return self.load(target, chain)
        return self._files.text(target)

    def target(self, include: Include, file: Path) -> Path:
        """The file an include names, relative to ``file``; it must exist in the source folder."""
        written = include.target
        if not written:
            raise SpecError("!include without a file path", file=file, line=include.line)
        if "://" in written:
            raise SpecError(
                f"!include {written!r}: remote files are not fetched; download them next to "
                "the sources",
                file=file,
                line=include.line,
            )
        # RAML: a path starting with "/" is relative to the root file's folder.
        base = self._root_dir if written.startswith("/") else file.parent
        try:
            target = self._files.confine(base / written.lstrip("/"))
        except SpecError:
            raise SpecError(
                f"!include {written!r} escapes the source folder", file=file, line=include.line
            ) from None
        if not target.is_file():
            raise SpecError(
                f"!include {written!r}: file {self.relative(target)} not found",
                file=file,
                line=include.line,
            )
        return target


def plain(value: Any) -> Any:
    """A fresh JSON value: included files become ``{"$ref": file}``, keys become strings."""
    if isinstance(value, FileRef):
        return value.as_json()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value
