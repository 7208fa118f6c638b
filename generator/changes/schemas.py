"""Compare two schemas as the same place in an operation sees them: request or response.

References are followed on both sides, so moving an inline schema into components or renaming
a component changes nothing here; a pair of schemas already being compared (a cycle) is not
entered again. Nullability is read the 2020-12 way (``type: [x, "null"]``, a ``null`` member
of anyOf/oneOf, or ``null`` among the enum values), so it compares across spellings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.changes.rules import SUBJECT, Subject
from generator.shared import pointer as json_pointer

MAX_REFERENCE_HOPS = 64
_PROSE = frozenset(("description", "title", "summary", "examples", "example", "externalDocs"))

# (aspect suffix stem, keyword, is an upper bound)
_BOUNDS = (
    ("max", "maximum", True),
    ("exclusive-max", "exclusiveMaximum", True),
    ("max-length", "maxLength", True),
    ("max-items", "maxItems", True),
    ("min", "minimum", False),
    ("exclusive-min", "exclusiveMinimum", False),
    ("min-length", "minLength", False),
    ("min-items", "minItems", False),
)


@dataclass(frozen=True)
class Place:
    """Where a schema is: its subject, the operation, its pointers and a name for messages."""

    subject: Subject
    operation: str | None
    old: str
    new: str
    label: str  # "query parameter limit", "property job.status"

    def inner(self, subject: str, old: str, new: str, label: str) -> Place:
        return Place(SUBJECT[subject], self.operation, old, new, label)


# Called with the rule id, the place and what changed; `side` says which pointer to report.
Report = Callable[[str, Place, str, str], None]


def without_prose(node: Any) -> Any:
    """``node`` without what does not change the wire format: descriptions and extensions."""
    if isinstance(node, dict):
        return {
            key: without_prose(value)
            for key, value in node.items()
            if key not in _PROSE and not key.startswith("x-")
        }
    if isinstance(node, list):
        return [without_prose(item) for item in node]
    return node


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null" and len(schema) <= 3


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class SchemaComparison:
    """Compares schemas of two documents, reporting through ``report``."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any], report: Report) -> None:
        self._documents = {"old": old, "new": new}
        self._report = report
        self._done: set[tuple[str | None, str, str, str]] = set()

    # -- following references ---------------------------------------------------------------

    def resolve(self, side: str, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local ``$ref``s from ``node``; unresolvable ones end as an empty schema."""
        for _ in range(MAX_REFERENCE_HOPS):
            reference = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(reference, str) or not reference.startswith("#"):
                break
            pointer = reference[1:]
            try:
                node = json_pointer.resolve(self._documents[side], pointer)
            except (KeyError, ValueError):
                return {}, pointer
        return node, pointer

    def _unwrap(self, side: str, node: Any, pointer: str) -> tuple[dict[str, Any], str, bool]:
        """The schema without its null alternative, where it sits, and whether null is allowed."""
        node, pointer = self.resolve(side, node, pointer)
        if not isinstance(node, dict):
            return {}, pointer, False
        nullable = False
        types = node.get("type")
        if isinstance(types, list) and "null" in types:
            nullable = True
        if isinstance(node.get("enum"), list) and None in node["enum"]:
            nullable = True
        for keyword in ("anyOf", "oneOf"):
            members = node.get(keyword)
            if not isinstance(members, list) or not any(_is_null(m) for m in members):
                continue
            others = [(i, m) for i, m in enumerate(members) if not _is_null(m)]
            if len(others) == 1:
                index, member = others[0]
                inner, inner_pointer, _ = self._unwrap(
                    side, member, json_pointer.join(pointer, keyword, index)
                )
                outer = {k: v for k, v in node.items() if k != keyword}
                return {**inner, **outer}, inner_pointer, True
        return node, pointer, nullable

    # -- comparing ----------------------------------------------------------------------------

    def compare(
        self,
        old: Any,
        new: Any,
        place: Place,
        seen: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        old, old_pointer, old_nullable = self._unwrap("old", old, place.old)
        new, new_pointer, new_nullable = self._unwrap("new", new, place.new)
        if (old_pointer, new_pointer) in seen:
            return  # a cycle: this pair is being compared further up
        # A pair of schemas shared by many routes within one operation is compared once: what
        # it changes is the same by every route, and comparing each route is exponential.
        done = (place.operation, place.subject.prefix, old_pointer, new_pointer)
        if done in self._done:
            return
        self._done.add(done)
        seen = seen | {(old_pointer, new_pointer)}
        place = Place(place.subject, place.operation, old_pointer, new_pointer, place.label)
        unchanged = without_prose(old) == without_prose(new) and old_nullable == new_nullable
        if unchanged and not _has_references(old):
            return  # with references, equal text may still mean different schemas
        if old_nullable != new_nullable:
            self._emit(place, "became-nullable" if new_nullable else "became-not-nullable", "")
        if not self._types(old, new, place):
            return
        self._keyword(old, new, place, "format")
        self._enum(old, new, place)
        self._bounds(old, new, place)
        self._keyword(old, new, place, "pattern")
        self._default(old, new, place)
        self._flags(old, new, place)
        self._composition(old, new, place, seen)
        self._discriminator(old, new, place)
        self._properties(old, new, place, seen)
        self._additional_properties(old, new, place, seen)
        if "items" in old and "items" in new:
            self.compare(
                old["items"],
                new["items"],
                Place(
                    place.subject,
                    place.operation,
                    json_pointer.join(place.old, "items"),
                    json_pointer.join(place.new, "items"),
                    place.label + " items",
                ),
                seen,
            )

    def _emit(self, place: Place, suffix: str, detail: str, side: str = "new") -> None:
        rule = f"{place.subject.prefix}-{suffix}"
        self._report(rule, place, detail, side)

    @staticmethod
    def _type_set(schema: dict[str, Any]) -> set[str]:
        types = schema.get("type")
        if isinstance(types, str):
            found = {types}
        elif isinstance(types, list):
            found = {t for t in types if isinstance(t, str)}
        elif "properties" in schema:
            found = {"object"}
        elif "items" in schema:
            found = {"array"}
        else:
            found = set()
        return found - {"null"}

    def _types(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> bool:
        """Report a type change; False when the rest of the schema is no longer comparable."""
        before, after = self._type_set(old), self._type_set(new)
        if not before or not after or before == after:
            return True
        shown = f"{'/'.join(sorted(before))} -> {'/'.join(sorted(after))}"
        promoted = {"number" if t == "integer" else t for t in before}
        if before <= after or promoted <= after:
            self._emit(place, "type-generalized", shown)
            return True
        self._emit(place, "type-changed", shown)
        return False

    def _keyword(
        self, old: dict[str, Any], new: dict[str, Any], place: Place, keyword: str
    ) -> None:
        """A keyword that is there or not, and compares only as equal or not (format, pattern)."""
        before, after = old.get(keyword), new.get(keyword)
        if before == after:
            return
        if before is None:
            self._emit(place, f"{keyword}-added", f"{keyword} {after}")
        elif after is None:
            self._emit(place, f"{keyword}-removed", f"{keyword} {before}")
        else:
            self._emit(place, f"{keyword}-changed", f"{keyword} {before} -> {after}")

    def _enum(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> None:
        before, after = _enum_values(old), _enum_values(new)
        if before is None and after is None:
            return
        if before is None:
            self._emit(place, "became-enum", "values " + ", ".join(map(_show, after or [])))
            return
        if after is None:
            self._emit(place, "no-longer-enum", "")
            return
        for value in before:
            if value not in after:
                self._emit(place, "enum-value-removed", f"value {_show(value)}")
        for value in after:
            if value not in before:
                self._emit(place, "enum-value-added", f"value {_show(value)}")

    def _bounds(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> None:
        for stem, keyword, upper in _BOUNDS:
            before, after = _number(old.get(keyword)), _number(new.get(keyword))
            if before == after:
                continue
            shown = f"{keyword} {_show(before)} -> {_show(after)}"
            if before is None:
                self._emit(place, f"{stem}-set", f"{keyword} {_show(after)}")
            elif after is None:
                self._emit(place, f"{stem}-unset", f"{keyword} {_show(before)}")
            elif (after < before) == upper:
                self._emit(place, f"{stem}-{'decreased' if upper else 'increased'}", shown)
            else:
                self._emit(place, f"{stem}-{'increased' if upper else 'decreased'}", shown)

    def _default(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> None:
        if old.get("default") == new.get("default") and ("default" in old) == ("default" in new):
            return
        if "default" not in old:
            self._emit(place, "default-value-added", f"default {_show(new['default'])}")
        elif "default" not in new:
            self._emit(place, "default-value-removed", f"default {_show(old['default'])}")
        else:
            shown = f"default {_show(old['default'])} -> {_show(new['default'])}"
            self._emit(place, "default-value-changed", shown)

    def _flags(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> None:
        kind = place.subject.kind
        if kind == "property":
            for keyword, on, off in (
                ("deprecated", "deprecated", "reactivated"),
                ("readOnly", "became-read-only", "became-not-read-only"),
                ("writeOnly", "became-write-only", "became-not-write-only"),
            ):
                before, after = bool(old.get(keyword)), bool(new.get(keyword))
                if before != after:
                    self._emit(place, on if after else off, "")

    def _composition(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        place: Place,
        seen: frozenset[tuple[str, str]],
    ) -> None:
        for keyword, stem in (("oneOf", "one-of"), ("anyOf", "any-of"), ("allOf", "all-of")):
            before, after = _list(old.get(keyword)), _list(new.get(keyword))
            if not before and not after:
                continue
            pairs, unmatched_old, unmatched_new = self._match_members(
                before,
                after,
                json_pointer.join(place.old, keyword),
                json_pointer.join(place.new, keyword),
            )
            for i in unmatched_old:
                self._emit(place, f"{stem}-removed", f"{keyword} {_member_name(before[i])}", "old")
            for j in unmatched_new:
                self._emit(place, f"{stem}-added", f"{keyword} {_member_name(after[j])}")
            for i, j in pairs:
                self.compare(
                    before[i],
                    after[j],
                    Place(
                        place.subject,
                        place.operation,
                        json_pointer.join(place.old, keyword, i),
                        json_pointer.join(place.new, keyword, j),
                        place.label,
                    ),
                    seen,
                )

    def _match_members(
        self, before: list[Any], after: list[Any], old_at: str, new_at: str
    ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        """Pair the alternatives of two compositions: by component name, then by content, then
        a last one left on each side (the same alternative, changed)."""
        pairs: list[tuple[int, int]] = []
        old_left, new_left = list(range(len(before))), list(range(len(after)))

        def pair_by(key: Callable[[str, Any, str], str | None]) -> None:
            new_keys = {j: key("new", after[j], f"{new_at}/{j}") for j in new_left}
            for i in list(old_left):
                wanted = key("old", before[i], f"{old_at}/{i}")
                j = next(
                    (j for j in new_left if wanted is not None and new_keys[j] == wanted), None
                )
                if j is not None:
                    pairs.append((i, j))
                    old_left.remove(i)
                    new_left.remove(j)

        pair_by(lambda side, member, at: _reference_name(member))
        pair_by(lambda side, member, at: _fingerprint(self._inline(side, member)))
        if len(old_left) == 1 and len(new_left) == 1:
            pairs.append((old_left.pop(), new_left.pop()))
        return pairs, old_left, new_left

    def _inline(self, side: str, node: Any, depth: int = 0) -> Any:
        """``node`` with references replaced by their targets, a few levels deep (for matching)."""
        if depth > 8:
            return None
        node, _ = self.resolve(side, node, "")
        if isinstance(node, dict):
            return {k: self._inline(side, v, depth + 1) for k, v in without_prose(node).items()}
        if isinstance(node, list):
            return [self._inline(side, item, depth + 1) for item in node]
        return node

    def _discriminator(self, old: dict[str, Any], new: dict[str, Any], place: Place) -> None:
        before, after = old.get("discriminator"), new.get("discriminator")
        if before == after or not (isinstance(before, dict) or isinstance(after, dict)):
            return
        if not isinstance(before, dict):
            assert isinstance(after, dict)
            self._emit(place, "discriminator-added", f"on {after.get('propertyName')}")
            return
        if not isinstance(after, dict):
            self._emit(place, "discriminator-removed", f"on {before.get('propertyName')}", "old")
            return
        if before.get("propertyName") != after.get("propertyName"):
            shown = f"{before.get('propertyName')} -> {after.get('propertyName')}"
            self._emit(place, "discriminator-property-name-changed", shown)
        old_mapping, new_mapping = before.get("mapping") or {}, after.get("mapping") or {}
        for value in old_mapping:
            if value not in new_mapping:
                self._emit(place, "discriminator-mapping-deleted", f"value {_show(value)}", "old")
            elif _target(old_mapping[value]) != _target(new_mapping[value]):
                shown = f"value {_show(value)}: {_target(old_mapping[value])} -> "
                self._emit(
                    place, "discriminator-mapping-changed", shown + _target(new_mapping[value])
                )
        for value in new_mapping:
            if value not in old_mapping:
                self._emit(place, "discriminator-mapping-added", f"value {_show(value)}")

    def _properties(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        place: Place,
        seen: frozenset[tuple[str, str]],
    ) -> None:
        before, after = _mapping(old.get("properties")), _mapping(new.get("properties"))
        if not before and not after:
            return
        request = place.subject.direction == "request"
        inner = "request-property" if request else "response-property"
        old_required = set(old.get("required") or [])
        new_required = set(new.get("required") or [])
        parent = place.label.removeprefix("property ")
        prefix = parent + "." if place.subject.kind == "property" else ""

        def here(name: str) -> Place:
            return place.inner(
                inner,
                json_pointer.join(place.old, "properties", name),
                json_pointer.join(place.new, "properties", name),
                f"property {prefix}{name}",
            )

        for name, schema in before.items():
            if name in after:
                continue
            # A request never sends a read-only property; a response never holds a write-only one.
            if self._hidden("old", schema, place, name, request):
                continue
            if request:
                rule = "request-property-removed"
            elif name in old_required:
                rule = "response-required-property-removed"
            else:
                rule = "response-optional-property-removed"
            self._report(rule, here(name), "", "old")
        for name, schema in after.items():
            if name in before or self._hidden("new", schema, place, name, request):
                continue
            required = name in new_required
            if request:
                rule = (
                    "new-required-request-property" if required else "new-optional-request-property"
                )
            else:
                rule = (
                    "response-required-property-added"
                    if required
                    else "response-optional-property-added"
                )
            self._report(rule, here(name), "", "new")
        for name in before:
            if name not in after:
                continue
            hidden = self._hidden("old", before[name], place, name, request) and self._hidden(
                "new", after[name], place, name, request
            )
            if not hidden and (name in old_required) != (name in new_required):
                now = name in new_required
                if request:
                    rule = "request-property-became-" + ("required" if now else "optional")
                else:
                    rule = "response-property-became-" + ("required" if now else "optional")
                self._report(rule, here(name), "", "new")
            self.compare(before[name], after[name], here(name), seen)

    def _hidden(self, side: str, schema: Any, place: Place, name: str, request: bool) -> bool:
        resolved, _ = self.resolve(side, schema, "")
        if not isinstance(resolved, dict):
            return False
        return bool(resolved.get("readOnly" if request else "writeOnly"))

    def _additional_properties(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        place: Place,
        seen: frozenset[tuple[str, str]],
    ) -> None:
        if place.subject.kind == "parameter":
            return
        before, after = old.get("additionalProperties"), new.get("additionalProperties")
        if before is False and after is not False:
            self._emit(place, "additional-properties-allowed", "")
        elif before is not False and after is False:
            self._emit(place, "additional-properties-disallowed", "")
        elif isinstance(before, dict) and isinstance(after, dict):
            inner = (
                "request-property" if place.subject.direction == "request" else "response-property"
            )
            self.compare(
                before,
                after,
                place.inner(
                    inner,
                    json_pointer.join(place.old, "additionalProperties"),
                    json_pointer.join(place.new, "additionalProperties"),
                    place.label + " values",
                ),
                seen,
            )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _has_references(node: Any) -> bool:
    if isinstance(node, dict):
        return "$ref" in node or any(_has_references(v) for v in node.values())
    if isinstance(node, list):
        return any(_has_references(item) for item in node)
    return False


def _enum_values(schema: dict[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    values = schema.get("enum")
    if not isinstance(values, list):
        return None
    return [value for value in values if value is not None]


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _reference_name(member: Any) -> str | None:
    if isinstance(member, dict) and isinstance(member.get("$ref"), str):
        return str(member["$ref"]).rsplit("/", 1)[-1]
    return None


def _member_name(member: Any) -> str:
    """A composition member as a person recognises it: its component, or its schema in short."""
    name = _reference_name(member)
    if name is not None:
        return name
    text = _fingerprint(without_prose(member))
    return text if len(text) <= 60 else text[:57] + "..."


def _target(reference: str) -> str:
    return reference.rsplit("/", 1)[-1]


def _fingerprint(node: Any) -> str:
    return json.dumps(node, sort_keys=True, ensure_ascii=False, default=str)
