"""What a manifest adds to a normalized document: servers, auth, tags, x-pagination, x-job."""

from __future__ import annotations

import copy
from typing import Any

from generator.normalize.openapi_walk import operations
from generator.project.manifest import Manifest
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError
from generator.shared.versions import PACKAGE_VERSION


def _operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {}
    for item in (document.get("paths") or {}).values():
        for _, _, operation in operations(item):
            if "operationId" in operation:
                found[str(operation["operationId"])] = operation
    return found


def apply_auth_and_servers(document: dict[str, Any], manifest: Manifest) -> None:
    """Servers and security from the manifest replace what the source said."""
    document["servers"] = copy.deepcopy(manifest.data["servers"])
    auth = manifest.data["auth"]
    components = document.setdefault("components", {})
    components["securitySchemes"] = copy.deepcopy(auth["schemes"])
    document["security"] = copy.deepcopy(auth["security"])
    _drop_parameters_supplied_by_security(document)


def _drop_parameters_supplied_by_security(document: dict[str, Any]) -> None:
    # FOLIO declares `X-Okapi-Tenant` on some operations although every call needs it; the
    # security scheme sends it, so a client must not ask for it a second time.
    schemes = document.get("components", {}).get("securitySchemes", {})
    supplied = {
        str(scheme.get("name", "")).lower()
        for scheme in schemes.values()
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header"
    }
    if not supplied:
        return
    component_parameters = document.get("components", {}).get("parameters", {})

    def supplied_header(parameter: Any) -> bool:
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            name = json_pointer.unescape(parameter["$ref"].rsplit("/", 1)[1])
            parameter = component_parameters.get(name, {})
        return (
            isinstance(parameter, dict)
            and parameter.get("in") == "header"
            and str(parameter.get("name", "")).lower() in supplied
        )

    for item in (document.get("paths") or {}).values():
        holders = [item] + [operation for _, _, operation in operations(item)]
        for holder in holders:
            if isinstance(holder.get("parameters"), list):
                kept = [p for p in holder["parameters"] if not supplied_header(p)]
                if kept:
                    holder["parameters"] = kept
                else:
                    del holder["parameters"]


def apply_manifest(document: dict[str, Any], manifest: Manifest) -> None:
    """Everything the manifest says, applied to a normalized document of our own sources."""
    data = manifest.data
    info = document.setdefault("info", {})
    info["title"] = data["title"]
    if "description" in data:
        info["description"] = data["description"]
    info.setdefault("version", "1.0")
    if "package-version" in data:
        info[PACKAGE_VERSION] = data["package-version"]
    apply_auth_and_servers(document, manifest)
    operations = _operations(document)
    for operation_id in data["auth"].get("unauthenticated", []):
        # e.g. the token call itself: reached before there is anything to authenticate with
        _operation(operations, operation_id, manifest, "auth")["security"] = []
    for operation_id, facts in data.get("pagination", {}).items():
        _operation(operations, operation_id, manifest, "pagination")["x-pagination"] = dict(facts)
    schemas = document.get("components", {}).get("schemas", {})
    for schema_name, facts in data.get("jobs", {}).items():
        where = json_pointer.join("/jobs", schema_name)
        if schema_name not in schemas:
            raise SpecError(
                f"no schema {schema_name!r} in the spec", file=manifest.file, pointer=where
            )
        for operation_id in facts.get("started-by", []):
            _operation(operations, operation_id, manifest, "jobs")
        if "read" in facts:
            _operation(operations, facts["read"]["operation"], manifest, "jobs")
        schemas[schema_name]["x-job"] = copy.deepcopy(facts)
    tag_descriptions: dict[str, str] = data.get("tags", {})
    used = sorted({tag for op in operations.values() for tag in op.get("tags", [])})
    document["tags"] = [
        {"name": tag, **({"description": tag_descriptions[tag]} if tag in tag_descriptions else {})}
        for tag in used
    ]


def _operation(
    operations: dict[str, dict[str, Any]], operation_id: str, manifest: Manifest, section: str
) -> dict[str, Any]:
    if operation_id not in operations:
        raise SpecError(
            f"no operation {operation_id!r} in the spec",
            file=manifest.file,
            pointer=json_pointer.join("", section, operation_id),
        )
    return operations[operation_id]
