"""runtime._querystring: one value (an OpenAPI 3.2 ``in: querystring`` parameter) as the
fields of the whole query string. How a generated call sends it, sync and async, is tested in
tests/emit/test_openapi_32_package.py."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pydantic import BaseModel, ConfigDict, Field
from runtime._querystring import fields
from runtime._transport import build_query


class Query(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    text: str | None = None
    page_size: int | None = Field(default=None, alias="pageSize")
    tags: list[str] | None = None
    near: dict[str, float] | None = None


def _sent(value: Any) -> str:
    """The query string an httpx request carries for ``value``."""
    request = httpx.Request("GET", "https://api.test/items", params=build_query(fields(value)))
    return request.url.query.decode()


def test_a_model_is_its_wire_fields_form_urlencoded() -> None:
    query = Query(text="a b&c", page_size=5, tags=["x", "y"])
    assert _sent(query) == "text=a+b%26c&pageSize=5&tags=x&tags=y"


def test_unset_and_none_fields_and_unknown_ones_are_not_sent() -> None:
    assert _sent(Query.model_validate({"text": None, "other": "kept out"})) == ""


def test_an_object_field_is_its_json_and_a_mapping_works_as_a_model() -> None:
    assert _sent({"near": {"lat": 1.5}, "ok": True}) == "near=%7B%22lat%22%3A1.5%7D&ok=true"


def test_no_value_is_no_query_string() -> None:
    assert fields(None) == {}


@pytest.mark.parametrize("value", ["text=a", 3, ["a"]])
def test_a_value_that_is_not_an_object_is_refused(value: Any) -> None:
    with pytest.raises(TypeError, match="a query string is an object of fields"):
        fields(value)
