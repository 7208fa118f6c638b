"""What a change means for code that uses the generated client.

Two views: each spec change names the generated Python symbol it touches (a model class or
field, a resource method or one of its parameters), and the public API of the package
generated from each description is compared as a caller's code sees it: classes, fields with
their types, methods with their signatures.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.changes.change import Change
from generator.changes.documents import endpoint_key
from generator.emit.generate import PackageSource, Rendered, render_package_source
from generator.shared import pointer as json_pointer

# The modules a caller imports from; private ones (_client, _runtime) are reached through them.
_PUBLIC_MODULES = ("__init__", "models", "resources", "errors")


@dataclass(frozen=True)
class ClientSurface:
    package: str
    api: dict[str, str]  # qualified symbol -> its signature or type, as a caller sees it
    classes: dict[str, str]  # component schema -> model class
    fields: dict[str, dict[str, str]]  # component schema -> property -> field
    methods: dict[str, tuple[str, dict[str, str]]]  # endpoint -> (method, wire -> parameter)


@dataclass(frozen=True)
class ApiChange:
    kind: str  # removed | changed | added
    symbol: str
    before: str | None
    after: str | None

    @property
    def breaking(self) -> bool:
        return self.kind != "added"


def client_surface(document: dict[str, Any], package: str) -> ClientSurface:
    rendered = render_package_source(PackageSource(document, package, Path(package)))
    return ClientSurface(
        package=package,
        api=_public_api(rendered),
        classes=dict(rendered.models.class_names),
        fields={k: dict(v) for k, v in rendered.models.field_names.items()},
        methods=_methods(rendered),
    )


def _methods(rendered: Rendered) -> dict[str, tuple[str, dict[str, str]]]:
    found = {}
    package = rendered.package
    for resource in package.resources:
        for operation in resource.operations:
            qualified = f"{package.name}.resources.{resource.class_name}.{operation.method_name}"
            parameters = {f"{p.location}:{p.name}": p.python_name for p in operation.parameters}
            if operation.body is not None:
                for p in operation.body.parameters:
                    parameters[f"body:{p.name}"] = p.python_name
            found[endpoint_key(operation.http_method, operation.path)] = (qualified, parameters)
    return found


def _public_api(rendered: Rendered) -> dict[str, str]:
    api: dict[str, str] = {}
    name = rendered.package.name
    for module in _PUBLIC_MODULES:
        text = rendered.files.get(f"src/{name}/{module}.py")
        if text is None:
            continue
        prefix = name if module == "__init__" else f"{name}.{module}"
        tree = ast.parse(text)
        for node in tree.body:
            _top_level(node, prefix, api)
    return api


class _WithoutProse(ast.NodeTransformer):
    """Drops ``description=``/``title=``/``examples=`` from ``Field(...)``: prose, not API."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if ast.unparse(node.func).endswith("Field"):
            node.keywords = [
                k for k in node.keywords if k.arg not in ("description", "title", "examples")
            ]
        return node


def _text(node: ast.expr) -> str:
    return ast.unparse(_WithoutProse().visit(node))


def _public(name: str) -> bool:
    return not name.startswith("_")


def _top_level(node: ast.stmt, prefix: str, api: dict[str, str]) -> None:
    if isinstance(node, ast.ClassDef) and _public(node.name):
        qualified = f"{prefix}.{node.name}"
        bases = ", ".join(ast.unparse(base) for base in node.bases)
        api[qualified] = f"class({bases})"
        for member in node.body:
            _class_member(member, qualified, api)
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _public(node.name):
        api[f"{prefix}.{node.name}"] = _signature(node)
    elif isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "__all__":
            return
        if isinstance(target, ast.Name) and _public(target.id):
            api[f"{prefix}.{target.id}"] = "= " + ast.unparse(node.value)
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        if _public(node.target.id):  # a `TypeAlias`: what it stands for is what callers use
            value = f" = {ast.unparse(node.value)}" if node.value is not None else ""
            api[f"{prefix}.{node.target.id}"] = ": " + _text(node.annotation) + value
    elif isinstance(node, ast.ImportFrom) and prefix.count(".") == 0:
        # The package's top level re-exports; what it re-exports is public API.
        for alias in node.names:
            exported = alias.asname or alias.name
            if _public(exported):
                api[f"{prefix}.{exported}"] = f"from {'.' * node.level}{node.module or ''}"


def _class_member(member: ast.stmt, owner: str, api: dict[str, str]) -> None:
    if isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name):
        name = member.target.id
        if _public(name) and name != "model_config":
            required = member.value is None or _is_required_field(member.value)
            kind = "required" if required else "optional"
            api[f"{owner}.{name}"] = f"{_text(member.annotation)} ({kind})"
    elif isinstance(member, ast.Assign) and len(member.targets) == 1:
        target = member.targets[0]
        if isinstance(target, ast.Name) and _public(target.id) and target.id != "model_config":
            api[f"{owner}.{target.id}"] = "= " + ast.unparse(member.value)
    elif isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef) and _public(member.name):
        api[f"{owner}.{member.name}"] = _signature(member)


def _is_required_field(value: ast.expr) -> bool:
    """``Field(...)`` without a default, or with ``...`` as the default, is required."""
    if isinstance(value, ast.Call) and ast.unparse(value.func).endswith("Field"):
        if value.args:
            return isinstance(value.args[0], ast.Constant) and value.args[0].value is Ellipsis
        return not any(k.arg in ("default", "default_factory") for k in value.keywords)
    return False


def _signature(function: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    arguments = function.args
    parts = []
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    for argument, default in zip(positional, defaults, strict=True):
        if argument.arg in ("self", "cls"):
            continue
        parts.append(_argument(argument, default is not None))
    if arguments.vararg:
        parts.append("*" + arguments.vararg.arg)
    elif arguments.kwonlyargs:
        parts.append("*")
    for argument, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        parts.append(_argument(argument, kw_default is not None))
    if arguments.kwarg:
        parts.append("**" + arguments.kwarg.arg)
    returns = f" -> {ast.unparse(function.returns)}" if function.returns else ""
    keyword = "async def" if isinstance(function, ast.AsyncFunctionDef) else "def"
    return f"{keyword}({', '.join(parts)}){returns}"


def _argument(argument: ast.arg, has_default: bool) -> str:
    annotation = f": {ast.unparse(argument.annotation)}" if argument.annotation else ""
    return f"{argument.arg}{annotation}{' = ...' if has_default else ''}"


def compare_surfaces(old: ClientSurface, new: ClientSurface) -> list[ApiChange]:
    changes = []
    for symbol, before in old.api.items():
        if symbol not in new.api:
            changes.append(ApiChange("removed", symbol, before, None))
        elif new.api[symbol] != before:
            changes.append(ApiChange("changed", symbol, before, new.api[symbol]))
    for symbol, after in new.api.items():
        if symbol not in old.api:
            changes.append(ApiChange("added", symbol, None, after))
    order = {"removed": 0, "changed": 1, "added": 2}
    return sorted(changes, key=lambda c: (order[c.kind], c.symbol))


def with_symbols(changes: list[Change], old: ClientSurface, new: ClientSurface) -> list[Change]:
    """``changes``, each naming the generated symbol it touches where one can be named, and
    the generated signatures it breaks (which makes it an ERR)."""
    return [
        replace(
            c, symbols=_symbols(c, old if c.side == "old" else new), breaks=_breaks(c, old, new)
        )
        for c in changes
    ]


# The changes that rename a method: its name comes from the operationId (or, without one, from
# the method and path), its resource class from the first tag.
_NAMING_RULES = frozenset(
    {"api-operation-id-removed", "api-operation-id-added", "api-tag-removed", "api-tag-added"}
)


def _breaks(change: Change, old: ClientSurface, new: ClientSurface) -> tuple[str, ...]:
    """The generated symbols a caller used that the change takes away, whatever the wire says:
    ``method(keyword)`` for a keyword the method no longer accepts (a TypeError), a method
    that is no longer there under its name, a model field that is gone (an AttributeError, and
    a keyword its class no longer takes)."""
    return (*_method_breaks(change, old, new), *_field_breaks(change, old, new))


def _method_breaks(change: Change, old: ClientSurface, new: ClientSurface) -> tuple[str, ...]:
    if change.operation is None:
        return ()
    method, _, path = change.operation.partition(" ")
    endpoint = endpoint_key(method, path)
    before, after = old.methods.get(endpoint), new.methods.get(endpoint)
    if before is None or after is None:
        return ()  # the operation itself came or went: that change says so
    qualified, parameters = before
    if change.rule in _NAMING_RULES:
        return (qualified,) if qualified != after[0] else ()
    keyword = parameters.get(change.parameter[0] or _body_field(change) or "")
    if keyword is None or keyword in after[1].values():
        return ()
    return (f"{qualified}({keyword})",)


def _body_field(change: Change) -> str | None:
    """``body:<name>`` when the change is to a top-level property of a request body, in the
    operation or in the component it refers to (form and multipart fields are keywords of the
    method; a nested property is not)."""
    if not change.rule.startswith("request-property"):
        return None
    tokens = json_pointer.split(change.pointer)
    in_component = len(tokens) == 5 and tokens[:2] == ["components", "schemas"]
    in_operation = "requestBody" in tokens and tokens[-3] == "schema"
    if (in_component or in_operation) and tokens[-2] == "properties":
        return f"body:{tokens[-1]}"
    return None


def _field_breaks(change: Change, old: ClientSurface, new: ClientSurface) -> tuple[str, ...]:
    """``package.models.Class.field`` of the old surface that the new one lacks (both sides
    are generated under one package name, so a symbol names the same thing in both)."""
    if change.side != "old":
        return ()
    return tuple(
        symbol
        for symbol in _symbols(change, old)
        if symbol.startswith(f"{old.package}.models.") and symbol.count(".") == 3
        if symbol in old.api and symbol not in new.api
    )


def _symbols(change: Change, surface: ClientSurface) -> tuple[str, ...]:
    tokens = json_pointer.split(change.pointer)
    if tokens[:2] == ["components", "schemas"] and len(tokens) >= 3:
        schema = tokens[2]
        model = surface.classes.get(schema)
        if model is None:
            return ()
        qualified = f"{surface.package}.models.{model}"
        if len(tokens) >= 5 and tokens[3] == "properties":
            field = surface.fields.get(schema, {}).get(tokens[4])
            if field is not None:
                return (f"{qualified}.{field}",)
        return (qualified,)
    if change.operation is None:
        return ()
    method, _, path = change.operation.partition(" ")
    found = surface.methods.get(endpoint_key(method, path))
    if found is None:
        return ()
    qualified, parameters = found
    key = change.parameter[0 if change.side == "old" else 1]
    if key is not None and key in parameters:
        return (f"{qualified}({parameters[key]})",)
    if "parameters" in tokens:
        parameter = change.message.split(":", 1)[0].split(" ")
        if len(parameter) == 3 and parameter[1] == "parameter":
            python_name = parameters.get(f"{parameter[0]}:{parameter[2]}")
            if python_name is not None:
                return (f"{qualified}({python_name})",)
    return (qualified,)
