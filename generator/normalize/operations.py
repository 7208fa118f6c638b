"""Stable operation ids and tags for every operation.

Upstream ids are kept. Operations without one get an id derived from the method and the path
alone, after dropping the path prefix all operations share (FOLIO puts the module name there):
``GET /erm-usage-harvester/jobs/{id}`` -> ``getJobsById``. Operations without tags are tagged
with their first path segment after that prefix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.normalize.openapi_walk import operations
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError
from generator.shared.naming import numbered, spec_pascal_case

_PARAMETER = re.compile(r"^\{(.+)\}$")


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def _shared_prefix(paths: list[list[str]]) -> int:
    """How many leading segments every path shares, leaving each at least one static one."""
    if not paths:
        return 0
    count = 0
    for column in zip(*paths, strict=False):
        if len(set(column)) != 1 or _PARAMETER.match(column[0]):
            break
        count += 1
    fewest_static = min(sum(1 for s in segments if not _PARAMETER.match(s)) for segments in paths)
    return max(0, min(count, fewest_static - 1))


def derive_operation_id(method: str, segments: list[str]) -> str:
    words = []
    for segment in segments:
        match = _PARAMETER.match(segment)
        words.append(
            "By" + spec_pascal_case(match.group(1)) if match else spec_pascal_case(segment)
        )
    return method.lower() + "".join(words)


def assign_operation_ids_and_tags(document: dict[str, Any], source: Path) -> None:
    paths: dict[str, Any] = document.get("paths") or {}
    found = [
        (path, method, json_pointer.join("/paths", path, *keys), operation)
        for path, item in paths.items()
        for method, keys, operation in operations(item)
    ]
    prefix = _shared_prefix([_segments(path) for path, _, _, _ in found])
    seen: dict[str, str] = {}
    for _, _, where, operation in found:
        operation_id = operation.get("operationId")
        if operation_id is not None:
            if operation_id in seen:
                raise SpecError(
                    f"operationId {operation_id!r} is used twice (also at #{seen[operation_id]})",
                    file=source,
                    pointer=json_pointer.join(where, "operationId"),
                )
            seen[str(operation_id)] = where
    for path, method, where, operation in found:
        segments = _segments(path)[prefix:]
        if operation.get("operationId") is None:
            candidate = numbered(derive_operation_id(method, segments), seen, separator="")
            operation["operationId"] = candidate
            seen[candidate] = where
        if not operation.get("tags"):
            static = [segment for segment in segments if not _PARAMETER.match(segment)]
            operation["tags"] = [static[0] if static else "default"]
