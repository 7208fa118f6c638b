"""The choices behind a package README's examples: which calls to show, and a value for each
argument. The examples' code is printed by ``templates/package/_readme_macros.jinja``; a test
runs it against a mock server, so every value here must be one a mock accepts."""

from __future__ import annotations

import re

from generator.client import type_refs as types
from generator.client.client_model import (
    JobWaiter,
    Operation,
    Package,
    Parameter,
    Resource,
    Scheme,
)
from generator.client.code import Code, fill, literal

# Identifiers are often UUIDs (FOLIO's are), which a mock server checks; any other text is
# accepted where an id is a plain string.
_UUID = "5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6"


def _value(annotation: types.TypeRef, name: str) -> Code | None:
    """A value of ``annotation`` a mock accepts, or None where there is no simple one."""
    if isinstance(annotation, types.LiteralOf):
        return literal(annotation.values[0])
    if annotation in (types.INT, types.FLOAT):
        return literal(10)
    if annotation == types.BOOL:
        return literal(True)
    if annotation == types.STR:
        return literal(_UUID if "id" in name else "example")
    if isinstance(annotation, types.ListOf):
        item = _value(annotation.item, name)
        return None if item is None else fill("[{}]", item)
    if isinstance(annotation, types.UnionOf):
        values = (_value(member, name) for member in annotation.members)
        return next((value for value in values if value is not None), None)
    return None


def placeholder(parameter: Parameter) -> Code:
    """A value for ``parameter`` in an example call: the one place that reads its type."""
    name = parameter.python_name
    value = _value(parameter.annotation, name)
    return value if value is not None else literal(_UUID if "id" in name else "example")


def paged_arguments(operation: Operation) -> list[tuple[str, Code]]:
    """The keyword arguments an example call of ``iter_*`` must give: the required query and
    header parameters the iterator does not drive itself (path parameters go first, by
    position)."""
    paged = operation.pagination
    driven = {paged.offset, paged.limit, paged.page, paged.cursor} if paged else set()
    return [
        (p.python_name, placeholder(p))
        for p in operation.other_parameters
        if p.required and not p.fixed and p.python_name not in driven
    ]


def simple_call(package: Package) -> tuple[Resource, Operation] | None:
    """The first GET that needs nothing but its path, and answers a body to print; one that
    needs the credentials the example gives (the document's requirement) if there is one."""
    found = [
        (resource, operation)
        for resource in package.resources
        for operation in resource.operations
        if operation.http_method == "GET"
        and not operation.streamed
        and not [p for p in operation.other_parameters if p.required and not p.fixed]
    ]
    return next((f for f in found if f[1].security is None), found[0] if found else None)


def paged_call(package: Package) -> tuple[Resource, Operation] | None:
    """The first operation the client pages through; one whose required arguments all have a
    simple example value if there is one. Not one that pages a request body: the example has
    no body to give."""
    found = [
        (r, o)
        for r in package.resources
        for o in r.operations
        if o.pagination and not o.pagination.cursor_in_body
    ]
    simple = (
        (r, o)
        for r, o in found
        if all(_value(p.annotation, p.python_name) is not None for p in o.parameters if p.required)
    )
    return next(simple, found[0] if found else None)


def job_waiter(package: Package) -> tuple[Resource, JobWaiter] | None:
    """The first job waiter."""
    return next(((r, w) for r in package.resources for w in r.waiters), None)


def example_server_values(package: Package) -> dict[str, str]:
    """A value for each server variable: a choice other than the default where there are
    choices (so the example shows that one can choose), else the default."""
    return {
        v.name: next((c for c in v.choices if c != v.default), v.default)
        for v in package.server_variables
    }


def example_base_url(package: Package) -> str:
    """The server URL with each variable filled by its example value."""
    values = example_server_values(package)
    return re.sub(r"\{([^{}]*)\}", lambda m: values.get(m.group(1), m.group(0)), package.server_url)


def example_schemes(package: Package) -> tuple[Scheme, ...]:
    """The schemes whose credentials the example gives: those of the first alternative of the
    document's requirement that needs any (the calls the example makes need them), else the
    first scheme."""
    by_name = {scheme.name: scheme for scheme in package.auth.schemes}
    for alternative in package.auth.default:
        if alternative:
            return tuple(by_name[name] for name in alternative)
    return package.auth.schemes[:1]
