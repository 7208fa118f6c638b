"""RAML resource types and traits applied to a resource and its methods.

``Templates`` holds the declared traits and resource types, which the document's declarations
fill. For a resource it merges in the chain of resource types (``resolve``), then for each
method the traits that apply to it (``apply_traits``), in RAML's order of precedence, each
after its ``<<parameters>>`` are substituted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.shared import pointer as json_pointer
from generator.sources.raml_includes import Json
from generator.sources.raml_merge import TemplateError, merge, substitute
from generator.sources.raml_types import Declared, Fail

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


@dataclass(frozen=True)
class Use:
    """One application of a trait or resource type."""

    name: str
    params: Json
    pointer: str  # in the root file
    via: str = ""  # "resource type 'collection'" when a template applied it


@dataclass
class _Layer:
    """A resource or one of its resource types, with the traits it applies."""

    content: Json
    resource_uses: list[Use]
    method_uses: dict[str, list[Use]]


class Templates:
    """The declared traits and resource types, applied to resources and methods.

    Errors are built with ``fail``, with a JSON pointer in the root file: the place that
    applies the trait or resource type, or where a malformed one is declared.
    """

    def __init__(self, fail: Fail) -> None:
        self.traits: dict[str, Declared] = {}
        self.resource_types: dict[str, Declared] = {}
        self._fail = fail

    def resolve(self, resource: Json, path: str, pointer: str) -> tuple[Json, dict[str, list[Use]]]:
        """The resource with its resource types merged in, and the traits of each method.

        A method's traits come in RAML's order of precedence: the method's own, the
        resource's, then those of each resource type's method and of the resource type.
        """
        reserved = {"resourcePath": path, "resourcePathName": _path_name(path)}
        layers = [self._layer(resource, pointer, "", optional=False)]
        type_pointer = json_pointer.join(pointer, "type")
        seen: list[str] = []
        applied = resource.get("type")
        while applied is not None:
            via = f"resource type {seen[-1]!r}" if seen else ""
            uses = self._uses(applied, type_pointer, via)
            if len(uses) != 1:
                raise self._fail("a resource applies exactly one resource type", type_pointer)
            use = uses[0]
            if use.name in seen:
                raise self._fail(f"resource type {use.name!r} applies itself", type_pointer)
            seen.append(use.name)
            body = self._instantiate(self.resource_types, "resource type", use, reserved)
            layers.append(
                self._layer(body, type_pointer, f"resource type {use.name!r}", optional=True)
            )
            applied = body.get("type")
        merged = layers[0].content
        for layer in layers[1:]:
            # An optional method (`get?`) applies only where the resource has it by now;
            # its traits go with it.
            for key in layer.content:
                if isinstance(key, str) and key.endswith("?") and key[:-1] not in merged:
                    layer.method_uses.pop(key[:-1], None)
            merged = merge(merged, layer.content)
        method_uses = {
            method: [
                use
                for layer in layers
                for use in (*layer.method_uses.get(method, []), *layer.resource_uses)
            ]
            for method in merged
            if method in METHODS
        }
        return merged, method_uses

    def _layer(self, node: Json, pointer: str, via: str, *, optional: bool) -> _Layer:
        """Split the `is` lists off a resource or resource type body."""
        content = {key: value for key, value in node.items() if key not in ("type", "is", "usage")}
        is_pointer = json_pointer.join(pointer, "is") if not via else pointer
        layer = _Layer(content, self._uses(node.get("is"), is_pointer, via), {})
        for key, value in node.items():
            method = key[:-1] if optional and isinstance(key, str) and key.endswith("?") else key
            if method not in METHODS or not isinstance(value, dict) or "is" not in value:
                continue
            method_pointer = json_pointer.join(pointer, key, "is") if not via else pointer
            layer.method_uses[method] = self._uses(value["is"], method_pointer, via)
            content[key] = {k: v for k, v in value.items() if k != "is"}
        return layer

    def _uses(self, value: Any, pointer: str, via: str) -> list[Use]:
        """``is: [a, b: {x: 1}]`` or ``type: {t: {x: 1}}`` as a list of uses."""
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        uses: list[Use] = []
        for index, item in enumerate(items):
            at = (
                json_pointer.join(pointer, index)
                if isinstance(value, list) and not via
                else pointer
            )
            if isinstance(item, str):
                uses.append(Use(item, {}, at, via))
            elif isinstance(item, dict):
                for name, params in item.items():
                    if params is not None and not isinstance(params, dict):
                        raise self._fail(f"the parameters of {name!r} must be a mapping", at)
                    uses.append(Use(str(name), dict(params or {}), at, via))
            else:
                raise self._fail("expected a name or {name: {parameters}}", at)
        return uses

    def _instantiate(
        self, registry: dict[str, Declared], kind: str, use: Use, reserved: Mapping[str, Any]
    ) -> Json:
        """The body of a trait or resource type with its parameters substituted."""
        via = f" (applied by {use.via})" if use.via else ""
        declared = registry.get(use.name)
        if declared is None:
            raise self._fail(f"unknown {kind} {use.name!r}{via}", use.pointer)
        try:
            body = substitute(declared.value, {**use.params, **reserved})
        except TemplateError as error:
            raise self._fail(f"{kind} {use.name!r}{via}: {error}", use.pointer) from None
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise self._fail(f"{kind} {use.name!r} must be a mapping", declared.pointer)
        return body

    def apply_traits(self, method: Json, uses: list[Use], path: str, name: str) -> Json:
        """Method ``name`` of the resource at ``path`` with its traits merged in.

        ``uses`` are the traits ``resolve`` gave for the method; earlier ones win over later.
        """
        reserved = {
            "resourcePath": path,
            "resourcePathName": _path_name(path),
            "methodName": name,
        }
        queue = list(uses)
        applied: list[str] = []
        position = 0
        while position < len(queue):
            use = queue[position]
            position += 1
            if use.name in applied:  # the closest application of a trait wins
                continue
            applied.append(use.name)
            body = self._instantiate(self.traits, "trait", use, reserved)
            queue.extend(self._uses(body.pop("is", None), use.pointer, f"trait {use.name!r}"))
            body.pop("usage", None)
            method = merge(method, body)
        return method


def _path_name(path: str) -> str:
    """``<<resourcePathName>>``: the rightmost path segment without a URI parameter."""
    segments = [s for s in path.split("/") if s and "{" not in s]
    return segments[-1] if segments else ""
