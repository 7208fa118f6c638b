"""RAML resource types and traits applied to resources (``raml_resources.Templates``).

Direct tests, without a RAML document around them: the declarations are put in the tables by
hand, and errors are built as the document would build them.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator.shared.errors import SpecError
from generator.sources.raml_resources import Templates
from generator.sources.raml_types import Declared


def fail(message: str, pointer: str) -> SpecError:
    return SpecError(message, pointer=pointer)


def templates(
    traits: dict[str, Any] | None = None, resource_types: dict[str, Any] | None = None
) -> Templates:
    result = Templates(fail)
    for name, value in (traits or {}).items():
        result.traits[name] = Declared(value, f"/traits/{name}", "")
    for name, value in (resource_types or {}).items():
        result.resource_types[name] = Declared(value, f"/resourceTypes/{name}", "")
    return result


def apply(table: Templates, resource: dict[str, Any], path: str = "/items") -> dict[str, Any]:
    """Each method of ``resource`` as the document gets it: resource types, then traits."""
    merged, method_uses = table.resolve(resource, path, "/" + path.replace("/", "~1"))
    return {
        method: table.apply_traits(merged[method] or {}, method_uses.get(method, []), path, method)
        for method in method_uses
    }


def test_a_resource_type_is_merged_with_its_parameters_substituted() -> None:
    table = templates(
        resource_types={
            "collection": {
                "get": {"description": "List <<resourcePathName>> by <<key>>"},
                "post?": {"description": "only where the resource has a post"},
            }
        }
    )
    methods = apply(table, {"type": {"collection": {"key": "name"}}, "get": {}})
    assert methods == {"get": {"description": "List items by name"}}


def test_the_method_s_own_values_and_traits_win_over_the_resource_s() -> None:
    table = templates(
        traits={
            "own": {"description": "own <<methodName>>"},
            "shared": {"description": "shared", "queryParameters": {"limit": "integer"}},
        }
    )
    methods = apply(table, {"is": ["shared"], "get": {"is": ["own"]}})
    assert methods == {"get": {"description": "own get", "queryParameters": {"limit": "integer"}}}


def test_an_unknown_trait_applied_by_a_resource_type_names_both() -> None:
    table = templates(resource_types={"collection": {"get": {"is": ["paged"]}}})
    with pytest.raises(SpecError) as caught:
        apply(table, {"type": "collection", "get": {}})
    assert caught.value.message == "unknown trait 'paged' (applied by resource type 'collection')"
    assert caught.value.pointer == "/~1items/type"


def test_a_parameter_without_a_value_is_an_error_where_the_trait_is_applied() -> None:
    table = templates(traits={"paged": {"description": "at most <<limit>>"}})
    with pytest.raises(SpecError) as caught:
        apply(table, {"get": {"is": ["paged"]}})
    assert caught.value.message == "trait 'paged': no value is given for parameter <<limit>>"
    assert caught.value.pointer == "/~1items/get/is/0"


def test_a_resource_type_that_applies_itself_is_an_error() -> None:
    table = templates(resource_types={"a": {"type": "b"}, "b": {"type": "a"}})
    with pytest.raises(SpecError) as caught:
        apply(table, {"type": "a"})
    assert caught.value.message == "resource type 'a' applies itself"
    assert caught.value.pointer == "/~1items/type"
