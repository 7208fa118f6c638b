"""Compare two OpenAPI 3.1 documents operation by operation: every change, with its rule.

Operations are matched by method and path template with the parameter names blanked out, so
``/jobs/{id}`` and ``/jobs/{jobId}`` are the same endpoint (the wire does not carry the name);
their path parameters are matched by position for the same reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from generator.changes.change import Change
from generator.changes.rules import SUBJECT
from generator.changes.schemas import Place, SchemaComparison, without_prose
from generator.normalize.openapi_walk import operations
from generator.shared import pointer as json_pointer

_TEMPLATE_VARIABLE = re.compile(r"\{[^}]*\}")


def endpoint_key(method: str, path: str) -> str:
    return f"{method.upper()} {_TEMPLATE_VARIABLE.sub('{}', path)}"


def operations_by_endpoint(document: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """Endpoint key -> (path, pointer, operation), for the fixed methods of each path item and
    those under OpenAPI 3.2's ``additionalOperations`` alike."""
    found: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, item in (document.get("paths") or {}).items():
        for method, keys, operation in operations(item):
            pointer = json_pointer.join("/paths", path, *keys)
            found[endpoint_key(method, path)] = (path, pointer, operation)
    return found


def _method(pointer: str) -> str:
    """The HTTP method, as sent, of the operation at ``pointer``."""
    return json_pointer.split(pointer)[-1].upper()


def _media_type(name: str) -> str:
    return name.split(";", 1)[0].strip().lower()


def _is_success(status: str) -> bool:
    return status.upper().startswith("2")


def _response_key(status: str) -> str:
    """The key under ``responses`` of a status compared upper-cased: ``default`` stays lower."""
    return status.lower() if status == "DEFAULT" else status


class DocumentComparison:
    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.schemas = SchemaComparison(old, new, self._schema_change)

    # -- reporting ----------------------------------------------------------------------------

    def _add(
        self,
        rule: str,
        message: str,
        operation: str | None,
        pointer: str,
        side: str = "new",
        parameter: tuple[str | None, str | None] = (None, None),
    ) -> None:
        self.changes.append(
            Change(
                rule,
                message,
                operation,
                pointer,
                "old" if side == "old" else "new",
                parameter=parameter,
            )
        )

    def _schema_change(self, rule: str, place: Place, detail: str, side: str) -> None:
        message = place.label + (f": {detail}" if detail else "")
        pointer = place.old if side == "old" else place.new
        change = Change(rule, message, place.operation, pointer, "old" if side == "old" else "new")
        self.changes.append(replace(change, detail=detail))

    # -- the whole document -------------------------------------------------------------------

    def run(self) -> list[Change]:
        self._servers()
        self._schemas()
        self._security_schemes()
        old_operations, new_operations = (
            operations_by_endpoint(self.old),
            operations_by_endpoint(self.new),
        )
        new_templates = {endpoint_key("", path) for path in (self.new.get("paths") or {})}
        for key, (path, pointer, operation) in old_operations.items():
            name = f"{_method(pointer)} {path}"
            if key in new_operations:
                new_path, new_pointer, new_operation = new_operations[key]
                self._operation(
                    f"{_method(new_pointer)} {new_path}",
                    (path, pointer, operation),
                    (new_path, new_pointer, new_operation),
                )
                continue
            path_gone = endpoint_key("", path) not in new_templates
            deprecation = "with" if operation.get("deprecated") else "without"
            rule = f"api-{'path-' if path_gone else ''}removed-{deprecation}-deprecation"
            self._add(rule, f"{name} removed", name, pointer, "old")
        for key, (path, pointer, _) in new_operations.items():
            if key not in old_operations:
                name = f"{_method(pointer)} {path}"
                self._add("endpoint-added", f"{name} added", name, pointer)
        return self.changes

    def _servers(self) -> None:
        before = [s.get("url") for s in self.old.get("servers") or [] if isinstance(s, dict)]
        after = [s.get("url") for s in self.new.get("servers") or [] if isinstance(s, dict)]
        for index, url in enumerate(before):
            if url not in after:
                self._add("api-server-removed", f"server {url}", None, f"/servers/{index}", "old")
        for index, url in enumerate(after):
            if url not in before:
                self._add("api-server-added", f"server {url}", None, f"/servers/{index}")

    def _schemas(self) -> None:
        before = (self.old.get("components") or {}).get("schemas") or {}
        after = (self.new.get("components") or {}).get("schemas") or {}
        removed = [name for name in before if name not in after]
        added = [name for name in after if name not in before]
        renamed: dict[str, str] = {}
        for name in removed:
            content = without_prose(before[name])
            twin = next(
                (
                    a
                    for a in added
                    if a not in renamed.values() and without_prose(after[a]) == content
                ),
                None,
            )
            if twin is not None:
                renamed[name] = twin
        for name in removed:
            pointer = json_pointer.join("/components/schemas", name)
            if name in renamed:
                message = f"schema {name} -> {renamed[name]}"
                self._add(
                    "api-schema-renamed",
                    message,
                    None,
                    json_pointer.join("/components/schemas", renamed[name]),
                )
            else:
                self._add("api-schema-removed", f"schema {name}", None, pointer, "old")
        for name in added:
            if name not in renamed.values():
                self._add(
                    "api-schema-added",
                    f"schema {name}",
                    None,
                    json_pointer.join("/components/schemas", name),
                )

    def _security_schemes(self) -> None:
        before = (self.old.get("components") or {}).get("securitySchemes") or {}
        after = (self.new.get("components") or {}).get("securitySchemes") or {}
        for name, scheme in before.items():
            pointer = json_pointer.join("/components/securitySchemes", name)
            if name not in after:
                self._add(
                    "api-security-component-removed",
                    f"security scheme {name}",
                    None,
                    pointer,
                    "old",
                )
                continue
            fields = ("type", "in", "name", "scheme")
            if any(scheme.get(f) != after[name].get(f) for f in fields):
                shown = " ".join(str(scheme.get(f)) for f in fields if scheme.get(f))
                shown_after = " ".join(
                    str(after[name].get(f)) for f in fields if after[name].get(f)
                )
                self._add(
                    "api-security-component-type-changed",
                    f"security scheme {name}: {shown} -> {shown_after}",
                    None,
                    pointer,
                )
        for name in after:
            if name not in before:
                pointer = json_pointer.join("/components/securitySchemes", name)
                self._add("api-security-component-added", f"security scheme {name}", None, pointer)

    # -- one operation ------------------------------------------------------------------------

    def _operation(
        self,
        name: str,
        old: tuple[str, str, dict[str, Any]],
        new: tuple[str, str, dict[str, Any]],
    ) -> None:
        _, old_pointer, old_operation = old
        _, new_pointer, new_operation = new
        if bool(old_operation.get("deprecated")) != bool(new_operation.get("deprecated")):
            rule = (
                "endpoint-deprecated" if new_operation.get("deprecated") else "endpoint-reactivated"
            )
            self._add(rule, name, name, new_pointer)
        old_id, new_id = old_operation.get("operationId"), new_operation.get("operationId")
        if old_id != new_id:
            if old_id is None:
                self._add(
                    "api-operation-id-added",
                    f"operationId {new_id}",
                    name,
                    new_pointer + "/operationId",
                )
            else:
                self._add(
                    "api-operation-id-removed",
                    f"operationId {old_id} -> {new_id}",
                    name,
                    new_pointer,
                )
        old_tags, new_tags = old_operation.get("tags") or [], new_operation.get("tags") or []
        for tag in old_tags:
            if tag not in new_tags:
                self._add("api-tag-removed", f"tag {tag}", name, new_pointer)
        for tag in new_tags:
            if tag not in old_tags:
                self._add("api-tag-added", f"tag {tag}", name, new_pointer)
        self._parameters(name, old, new)
        self._request_body(name, old_operation, new_operation, old_pointer, new_pointer)
        self._responses(name, old_operation, new_operation, old_pointer, new_pointer)
        self._security(name, old_operation, new_operation, new_pointer)

    def _parameter_map(
        self, side: str, located: tuple[str, str, dict[str, Any]]
    ) -> dict[str, tuple[dict[str, Any], str]]:
        """``in:name`` (path parameters: ``path:#index``) -> (parameter, pointer)."""
        path, operation_pointer, operation = located
        document = self.old if side == "old" else self.new
        item = document["paths"][path]
        found: dict[str, tuple[dict[str, Any], str]] = {}
        places = [
            (item.get("parameters") or [], json_pointer.join("/paths", path, "parameters")),
            (operation.get("parameters") or [], operation_pointer + "/parameters"),
        ]
        for parameters, base in places:
            for index, raw in enumerate(parameters):
                parameter, pointer = self.schemas.resolve(side, raw, f"{base}/{index}")
                if not isinstance(parameter, dict) or "in" not in parameter:
                    continue
                where, name = parameter["in"], str(parameter.get("name"))
                found[f"{where}:{name.lower() if where == 'header' else name}"] = (
                    parameter,
                    pointer,
                )
        variables = [v[1:-1] for v in _TEMPLATE_VARIABLE.findall(path)]
        keyed: dict[str, tuple[dict[str, Any], str]] = {}
        for key, value in found.items():
            where, _, name = key.partition(":")
            if where == "path" and name in variables:
                key = f"path:#{variables.index(name)}"
            keyed[key] = value
        return keyed

    def _parameters(
        self, name: str, old: tuple[str, str, dict[str, Any]], new: tuple[str, str, dict[str, Any]]
    ) -> None:
        before = self._parameter_map("old", old)
        after = self._parameter_map("new", new)
        renamed = _renamed_parameters(before, after)
        for key, (parameter, pointer) in before.items():
            label = f"{parameter['in']} parameter {parameter.get('name')}"
            if key in renamed:
                new_parameter, new_pointer = after[renamed[key]]
                self._add(
                    "request-parameter-renamed",
                    f"{label} -> {new_parameter.get('name')}",
                    name,
                    new_pointer,
                    parameter=(_wire_key(parameter), _wire_key(new_parameter)),
                )
                continue
            if key not in after:
                self._add(
                    "request-parameter-removed",
                    label,
                    name,
                    pointer,
                    "old",
                    parameter=(_wire_key(parameter), None),
                )
                continue
            new_parameter, new_pointer = after[key]
            label = f"{new_parameter['in']} parameter {new_parameter.get('name')}"
            required = bool(parameter.get("required")), bool(new_parameter.get("required"))
            if required[0] != required[1]:
                rule = "request-parameter-became-" + ("required" if required[1] else "optional")
                self._add(rule, label, name, new_pointer)
            deprecated = bool(parameter.get("deprecated")), bool(new_parameter.get("deprecated"))
            if deprecated[0] != deprecated[1]:
                rule = "request-parameter-" + ("deprecated" if deprecated[1] else "reactivated")
                self._add(rule, label, name, new_pointer)
            if _serialization(parameter) != _serialization(new_parameter):
                shown = f"{_serialization(parameter)} -> {_serialization(new_parameter)}"
                self._add(
                    "request-parameter-serialization-changed",
                    f"{label}: {shown}",
                    name,
                    new_pointer,
                )
            place = Place(
                SUBJECT["request-parameter"],
                name,
                pointer + "/schema",
                new_pointer + "/schema",
                label,
            )
            self.schemas.compare(
                parameter.get("schema", {}), new_parameter.get("schema", {}), place
            )
        for key, (parameter, pointer) in after.items():
            if key in before or key in renamed.values():
                continue
            label = f"{parameter['in']} parameter {parameter.get('name')}"
            if parameter.get("required"):
                rule = "new-required-request-parameter"
            else:
                rule = "new-optional-request-parameter"
            self._add(rule, label, name, pointer, parameter=(None, _wire_key(parameter)))

    def _request_body(
        self,
        name: str,
        old_operation: dict[str, Any],
        new_operation: dict[str, Any],
        old_pointer: str,
        new_pointer: str,
    ) -> None:
        before, old_at = self.schemas.resolve(
            "old", old_operation.get("requestBody"), old_pointer + "/requestBody"
        )
        after, new_at = self.schemas.resolve(
            "new", new_operation.get("requestBody"), new_pointer + "/requestBody"
        )
        if not isinstance(before, dict) and not isinstance(after, dict):
            return
        if not isinstance(before, dict):
            rule = (
                "added-required-request-body"
                if after.get("required")
                else "added-optional-request-body"
            )
            self._add(rule, "request body", name, new_at)
            return
        if not isinstance(after, dict):
            self._add("request-body-removed", "request body", name, old_at, "old")
            return
        if bool(before.get("required")) != bool(after.get("required")):
            rule = "request-body-became-" + ("required" if after.get("required") else "optional")
            self._add(rule, "request body", name, new_at)
        for media, old_content, new_content, old_media, new_media in self._media_pairs(
            name, before, after, old_at, new_at, "request-body-media-type"
        ):
            place = Place(
                SUBJECT["request-body"],
                name,
                old_media + "/schema",
                new_media + "/schema",
                f"request body {media}",
            )
            self._compare_content(old_content, new_content, place)

    def _compare_content(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> None:
        if "schema" in old and "schema" in new:
            self.schemas.compare(old["schema"], new["schema"], place)

    def _media_pairs(
        self,
        name: str,
        before: dict[str, Any],
        after: dict[str, Any],
        old_at: str,
        new_at: str,
        rule: str,
    ) -> Iterator[tuple[str, dict[str, Any], dict[str, Any], str, str]]:
        old_content = {_media_type(k): (k, v) for k, v in (before.get("content") or {}).items()}
        new_content = {_media_type(k): (k, v) for k, v in (after.get("content") or {}).items()}
        for media, (key, content) in old_content.items():
            pointer = json_pointer.join(old_at, "content", key)
            if media not in new_content:
                self._add(f"{rule}-removed", f"media type {media}", name, pointer, "old")
                continue
            new_key, new_value = new_content[media]
            yield media, content, new_value, pointer, json_pointer.join(new_at, "content", new_key)
        for media, (key, _) in new_content.items():
            if media not in old_content:
                self._add(
                    f"{rule}-added",
                    f"media type {media}",
                    name,
                    json_pointer.join(new_at, "content", key),
                )

    def _responses(
        self,
        name: str,
        old_operation: dict[str, Any],
        new_operation: dict[str, Any],
        old_pointer: str,
        new_pointer: str,
    ) -> None:
        before = {str(k).upper(): v for k, v in (old_operation.get("responses") or {}).items()}
        after = {str(k).upper(): v for k, v in (new_operation.get("responses") or {}).items()}
        for status, raw in before.items():
            old_at = json_pointer.join(old_pointer, "responses", _response_key(status))
            kind = "success" if _is_success(status) else "non-success"
            if status not in after:
                self._add(
                    f"response-{kind}-status-removed",
                    f"status {status.lower()}",
                    name,
                    old_at,
                    "old",
                )
                continue
            new_at = json_pointer.join(new_pointer, "responses", _response_key(status))
            old_response, old_at = self.schemas.resolve("old", raw, old_at)
            new_response, new_at = self.schemas.resolve("new", after[status], new_at)
            if not isinstance(old_response, dict) or not isinstance(new_response, dict):
                continue
            for media, old_content, new_content, old_media, new_media in self._media_pairs(
                name, old_response, new_response, old_at, new_at, "response-media-type"
            ):
                place = Place(
                    SUBJECT["response-body"],
                    name,
                    old_media + "/schema",
                    new_media + "/schema",
                    f"response {status.lower()} {media}",
                )
                self._compare_content(old_content, new_content, place)
            self._headers(name, old_response, new_response, old_at, new_at)
        for status in after:
            if status not in before:
                kind = "success" if _is_success(status) else "non-success"
                self._add(
                    f"response-{kind}-status-added",
                    f"status {status.lower()}",
                    name,
                    json_pointer.join(new_pointer, "responses", _response_key(status)),
                )

    def _headers(
        self,
        name: str,
        old_response: dict[str, Any],
        new_response: dict[str, Any],
        old_at: str,
        new_at: str,
    ) -> None:
        before = {k.lower(): (k, v) for k, v in (old_response.get("headers") or {}).items()}
        after = {k.lower(): (k, v) for k, v in (new_response.get("headers") or {}).items()}
        for lower, (key, raw) in before.items():
            header, pointer = self.schemas.resolve(
                "old", raw, json_pointer.join(old_at, "headers", key)
            )
            label = f"response header {key}"
            if lower not in after:
                rule = (
                    "required-response-header-removed"
                    if header.get("required")
                    else "optional-response-header-removed"
                )
                self._add(rule, label, name, pointer, "old")
                continue
            new_key, new_raw = after[lower]
            new_header, new_pointer = self.schemas.resolve(
                "new", new_raw, json_pointer.join(new_at, "headers", new_key)
            )
            if bool(header.get("deprecated")) != bool(new_header.get("deprecated")):
                now = "deprecated" if new_header.get("deprecated") else "reactivated"
                self._add(f"response-header-{now}", label, name, new_pointer)
            if bool(header.get("required")) != bool(new_header.get("required")):
                rule = "response-header-became-" + (
                    "required" if new_header.get("required") else "optional"
                )
                self._add(rule, label, name, new_pointer)
            place = Place(
                SUBJECT["response-header"],
                name,
                pointer + "/schema",
                new_pointer + "/schema",
                label,
            )
            self.schemas.compare(header.get("schema", {}), new_header.get("schema", {}), place)
        for lower, (key, _) in after.items():
            if lower not in before:
                self._add(
                    "response-header-added",
                    f"response header {key}",
                    name,
                    json_pointer.join(new_at, "headers", key),
                )

    def _security(
        self, name: str, old_operation: dict[str, Any], new_operation: dict[str, Any], pointer: str
    ) -> None:
        before = _requirements(self.old, old_operation)
        after = _requirements(self.new, new_operation)
        old_open, new_open = not before or frozenset() in before, not after or frozenset() in after
        if old_open and not new_open:
            self._add("api-security-became-required", "credentials now needed", name, pointer)
            return
        if new_open and not old_open:
            self._add("api-security-became-optional", "credentials no longer needed", name, pointer)
            return
        for schemes, scopes in before.items():
            if not schemes:
                continue
            shown = " + ".join(sorted(schemes))
            if schemes not in after:
                self._add("api-security-removed", f"security {shown}", name, pointer)
                continue
            for scope in sorted(after[schemes] - scopes):
                self._add(
                    "api-security-scope-added", f"security {shown}: scope {scope}", name, pointer
                )
            for scope in sorted(scopes - after[schemes]):
                self._add(
                    "api-security-scope-removed", f"security {shown}: scope {scope}", name, pointer
                )
        for schemes in after:
            if schemes and schemes not in before:
                self._add(
                    "api-security-added", f"security {' + '.join(sorted(schemes))}", name, pointer
                )


def _wire_key(parameter: dict[str, Any]) -> str:
    """How the generated client knows a parameter: ``in:name``, the name as written."""
    return f"{parameter['in']}:{parameter.get('name')}"


def _rename_identity(parameter: dict[str, Any]) -> str:
    """What a renamed parameter keeps: its location, schema, description and the rest."""
    kept = {k: v for k, v in parameter.items() if k != "name"}
    return json.dumps(
        [without_prose(kept), parameter.get("description")], sort_keys=True, default=str
    )


def _renamed_parameters(
    before: dict[str, tuple[dict[str, Any], str]], after: dict[str, tuple[dict[str, Any], str]]
) -> dict[str, str]:
    """Old key -> new key of each parameter only renamed: one gone and one new that agree in
    everything but the name. Ambiguous pairs (two alike on a side) stay removal and addition."""
    gone = [key for key in before if key not in after]
    new = [key for key in after if key not in before]
    renamed = {}
    for key in gone:
        identity = _rename_identity(before[key][0])
        alike_old = [k for k in gone if _rename_identity(before[k][0]) == identity]
        alike_new = [k for k in new if _rename_identity(after[k][0]) == identity]
        if len(alike_old) == 1 and len(alike_new) == 1:
            renamed[key] = alike_new[0]
    return renamed


def _serialization(parameter: dict[str, Any]) -> str:
    default_style = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
    style = parameter.get("style", default_style.get(parameter.get("in", ""), "form"))
    explode = parameter.get("explode", style == "form")
    return f"style={style} explode={str(bool(explode)).lower()}"


def _requirements(
    document: dict[str, Any], operation: dict[str, Any]
) -> dict[frozenset[str], frozenset[str]]:
    """The operation's security alternatives: scheme names -> the scopes they need together."""
    raw = operation["security"] if "security" in operation else document.get("security") or []
    found: dict[frozenset[str], frozenset[str]] = {}
    for requirement in raw:
        if isinstance(requirement, dict):
            scopes = frozenset(
                f"{scheme}:{scope}"
                for scheme, list_ in requirement.items()
                for scope in list_ or []
            )
            found[frozenset(requirement)] = scopes
    return found


def compare_documents(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from ``old`` to ``new``, most severe first."""
    return sorted(DocumentComparison(old, new).run(), key=Change.sort_key)
