"""A system's manifest: the facts about an API that its description does not say.

``specs/<system>/manifest.yaml`` names the package, the servers and authentication, which
operations page and how, the job lifecycle a waiter needs, where the upstream description
lives, and the deliberate corrections we make to it (with the reason).
"""

from __future__ import annotations

import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema

from generator.shared import pointer as json_pointer
from generator.shared import x_pagination
from generator.shared.errors import SpecError
from generator.shared.versions import is_pep440
from generator.sources.source_files import SourceFiles

_POINTER = {"type": "string", "pattern": "^(/[^/]*)*$"}
_STRINGS = {"type": "array", "items": {"type": "string"}, "minItems": 1}
# x-login on an apiKey token scheme: how the client logs in for the token (docs/manifest.md)
_LOGIN = {
    "type": "object",
    "additionalProperties": False,
    "required": ["endpoints"],
    "properties": {
        "endpoints": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path"],
                "anyOf": [
                    {"required": ["token-cookie"]},
                    {"required": ["token-header"]},
                    {"required": ["token-field"]},
                ],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "token-cookie": {"type": "string", "minLength": 1},
                    "token-header": {"type": "string", "minLength": 1},
                    "token-field": {"type": "string", "minLength": 1},
                },
            },
        },
        "tenant-scheme": {"type": "string"},
    },
}

MANIFEST_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["system", "package", "title", "source", "servers", "auth"],
    "properties": {
        "system": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "package": {"type": "string"},  # the rest of the rule: package_name_problem
        "title": {"type": "string"},
        "description": {"type": "string"},
        "source": {"type": "string"},
        "servers": {"type": "array", "minItems": 1, "items": {"type": "object"}},
        "auth": {
            "type": "object",
            "additionalProperties": False,
            "required": ["schemes", "security"],
            "properties": {
                "schemes": {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": {
                        "type": "object",
                        "properties": {"x-login": _LOGIN, "x-example": {"type": "string"}},
                    },
                },
                "security": {"type": "array", "items": {"type": "object"}},
                "unauthenticated": {"type": "array", "items": {"type": "string"}},
            },
        },
        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
        # the package's version, where info.version (made PEP 440) is not the one wanted
        "package-version": {"type": "string"},
        "pagination": {"type": "object", "additionalProperties": x_pagination.SCHEMA},
        "jobs": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                    "status": _POINTER,
                    "success": _STRINGS,
                    "failure": _STRINGS,
                    "running": _STRINGS,
                    "finished-when-set": _POINTER,
                    "complete-when": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["processed", "total"],
                        "properties": {"processed": _POINTER, "total": _POINTER},
                    },
                    "progress": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "percent": _POINTER,
                            "processed": _POINTER,
                            "total": _POINTER,
                        },
                    },
                    "read": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["operation", "parameter"],
                        "properties": {
                            "operation": {"type": "string"},
                            "parameter": {"type": "string"},
                            "template": {"type": "string"},
                            "language": {"enum": ["cql"]},
                            "items": _POINTER,
                        },
                    },
                    "id-field": _POINTER,
                    "started-by": _STRINGS,
                    "started-link": _POINTER,
                },
            },
        },
        "upstream": {
            "type": "object",
            "additionalProperties": False,
            "anyOf": [{"required": ["repository", "path"]}, {"required": ["documentation"]}],
            "properties": {
                "repository": {"type": "string"},
                "documentation": {"type": "string"},
                "commit": {"type": "string"},
                "path": {"type": "string"},
                "format": {"type": "string"},
                "mirror": {"type": "string"},
                "root": {"type": "string"},
                "path-prefix": {"type": "string"},
                "note": {"type": "string"},
            },
        },
        "corrections": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["pointer", "upstream", "ours", "reason"],
                "properties": {
                    "pointer": _POINTER,
                    "upstream": {},
                    "ours": {},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Correction:
    pointer: str
    upstream: Any
    ours: Any
    reason: str


@dataclass(frozen=True)
class Upstream:
    repository: str | None  # a machine-readable description lives here, at `path`
    path: str | None
    documentation: str | None  # else only prose documentation exists
    commit: str | None
    mirror: str | None  # folder under the upstream root holding a copy of the sources
    root: str | None  # the description's source folder inside the mirror, if narrower
    path_prefix: str  # what upstream's server URL adds in front of its paths


@dataclass(frozen=True)
class Manifest:
    file: Path
    data: dict[str, Any]

    @property
    def folder(self) -> Path:
        return self.file.parent

    @property
    def system(self) -> str:
        return str(self.data["system"])

    @property
    def package(self) -> str:
        return str(self.data["package"])

    @property
    def source(self) -> Path:
        return self.folder / str(self.data["source"])

    @property
    def upstream(self) -> Upstream | None:
        raw = self.data.get("upstream")
        if raw is None:
            return None
        return Upstream(
            repository=raw.get("repository"),
            path=raw.get("path"),
            documentation=raw.get("documentation"),
            commit=raw.get("commit"),
            mirror=raw.get("mirror"),
            root=raw.get("root"),
            path_prefix=raw.get("path-prefix", ""),
        )

    @property
    def corrections(self) -> list[Correction]:
        return [Correction(**item) for item in self.data.get("corrections", [])]


# What every generated client imports: the dependencies its pyproject declares and theirs. A
# client package of the same name would shadow one of them and break itself.
_CLIENT_DEPENDENCIES = frozenset(
    {
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "sniffio",
        "idna",
        "certifi",
        "pydantic",
        "pydantic_core",
        "annotated_types",
        "typing_inspection",
        "typing_extensions",
        "defusedxml",
    }
)
_PACKAGE_SHAPE = re.compile(r"[a-z][a-z0-9_]*")
PACKAGE_RULE = "lower-case letters, digits and _, starting with a letter"


def package_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a generated client's package, or None when it can.

    The one rule for a manifest's ``package`` and ``generate --package``: the name is a folder
    under the output (so no separators, no ``.`` or ``..``) and an importable module that
    shadows nothing the client or its users import.
    """
    if not _PACKAGE_SHAPE.fullmatch(name):
        return f"a package name is {PACKAGE_RULE}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return "a package name cannot be a Python keyword"
    if name in sys.stdlib_module_names:
        return "a package name cannot be a standard library module's"
    if name in _CLIENT_DEPENDENCIES:
        return "a package name cannot be that of a package the client imports"
    return None


def load_manifest(file: Path) -> Manifest:
    files = SourceFiles(file.parent)
    data = files.load(file)
    errors = sorted(
        jsonschema.Draft202012Validator(MANIFEST_SCHEMA).iter_errors(data),
        key=lambda error: list(error.absolute_path),
    )
    if errors:
        error = errors[0]
        where = json_pointer.join("", *error.absolute_path)
        raise SpecError(
            f"invalid manifest: {error.message}",
            file=file,
            pointer=where,
            line=files.line_of(file, where),
        )
    problem = package_name_problem(data["package"])
    if problem is not None:
        raise SpecError(
            f"invalid manifest: package {data['package']!r}: {problem}",
            file=file,
            pointer="/package",
            line=files.line_of(file, "/package"),
        )
    version = data.get("package-version")
    if version is not None and not is_pep440(version):
        raise SpecError(
            f"invalid manifest: package-version {version!r} is not a PEP 440 version",
            file=file,
            pointer="/package-version",
            line=files.line_of(file, "/package-version"),
        )
    if data["system"] != file.parent.name:
        raise SpecError(
            f"system {data['system']!r} does not match its folder {file.parent.name!r}",
            file=file,
            pointer="/system",
        )
    return Manifest(file.resolve(), data)
