"""``meta_schema.readable`` vouches for a schema only when the 2020-12 meta-schema takes it, at
any depth; a schema it does not vouch for is judged, and its error worded, by the meta-schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.normalize.meta_schema import readable
from generator.normalize.validate import check_schemas
from generator.shared.errors import SpecError

META = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"

# (keyword, a value the meta-schema refuses) for every kind of rule it has
WRONG = [
    ("type", "strin"),
    ("type", ["string", "string"]),
    ("type", []),
    ("required", ["a", "a"]),
    ("required", "a"),
    ("minLength", -1),
    ("minLength", 1.5),
    ("multipleOf", 0),
    ("maximum", "3"),
    ("pattern", 3),
    ("enum", {}),
    ("readOnly", "yes"),
    ("title", 1),
    ("format", 1),
    ("$ref", 3),
    ("$anchor", "1a"),
    ("$id", "x#fragment"),
    ("items", "string"),
    ("items", [{"type": "string"}]),
    ("properties", []),
    ("allOf", []),
    ("prefixItems", []),
    ("dependentRequired", {"a": [1]}),
    ("$vocabulary", {"a": 1}),
    ("dependencies", {"a": 3}),
]
# every place a schema holds schemas, wrapping the one at the end
PLACES = [
    lambda s: {"items": s},
    lambda s: {"properties": {"p": s}},
    lambda s: {"patternProperties": {"^a": s}},
    lambda s: {"additionalProperties": s},
    lambda s: {"allOf": [{"type": "object"}, s]},
    lambda s: {"anyOf": [s]},
    lambda s: {"oneOf": [True, s]},
    lambda s: {"not": s},
    lambda s: {"if": s, "then": True},
    lambda s: {"else": s},
    lambda s: {"$defs": {"d": s}},
    lambda s: {"definitions": {"d": s}},
    lambda s: {"dependentSchemas": {"d": s}},
    lambda s: {"prefixItems": [s]},
    lambda s: {"contains": s},
    lambda s: {"propertyNames": s},
    lambda s: {"unevaluatedProperties": s},
    lambda s: {"contentSchema": s},
    lambda s: {"dependencies": {"d": s}},
]


@pytest.mark.parametrize("case", range(max(len(WRONG), len(PLACES))))
def test_a_wrong_keyword_anywhere_is_not_vouched_for(case: int) -> None:
    """Each wrong value, two levels down, under each kind of place in turn."""
    keyword, value = WRONG[case % len(WRONG)]
    outer, inner = PLACES[case % len(PLACES)], PLACES[(case + 3) % len(PLACES)]
    schema = outer(inner({keyword: value}))
    assert not META.is_valid(schema)
    assert not readable(schema)


@pytest.mark.parametrize("place", range(len(PLACES) - 1))  # dependencies: always the full check
def test_a_valid_schema_anywhere_is_vouched_for(place: int) -> None:
    inner = {"type": ["string", "null"], "minLength": 1, "pattern": "^a", "examples": ["a"]}
    schema = PLACES[place]({"$ref": "#/$defs/x", "description": "d", **inner})
    assert META.is_valid(schema)
    assert readable(schema)


_VALUES = st.sampled_from([value for _, value in WRONG] + [True, 0, 1, "string", [], {}, ["a"]])
_KEYWORDS = st.sampled_from(sorted({keyword for keyword, _ in WRONG} | {"default", "x-any"}))


def _schemas() -> st.SearchStrategy[Any]:
    leaves = st.booleans() | st.dictionaries(_KEYWORDS, _VALUES, max_size=3)
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.builds(lambda place, s: PLACES[place](s), st.integers(0, len(PLACES) - 1), inner),
            st.dictionaries(st.sampled_from(["allOf", "anyOf", "prefixItems"]), st.lists(inner)),
            st.dictionaries(
                st.sampled_from(["properties", "$defs"]),
                st.dictionaries(st.text(max_size=2), inner),
            ),
        ),
        max_leaves=8,
    )


@settings(
    max_examples=5000 if LONG else 60,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(_schemas())
def test_what_it_vouches_for_the_meta_schema_takes(schema: Any) -> None:
    if readable(schema):
        assert META.is_valid(schema)


def test_a_schema_wrong_deep_down_is_refused_naming_its_place(tmp_path: Path) -> None:
    wrong = {"type": "object", "properties": {"a": {"items": {"anyOf": [{"type": "strin"}]}}}}
    document = {"components": {"schemas": {"Fine": {"type": "string"}, "Wrong": wrong}}}
    with pytest.raises(SpecError, match="not a valid schema: 'strin' is not valid") as raised:
        check_schemas(document, tmp_path / "api.yaml")
    assert raised.value.pointer == "/components/schemas/Wrong/properties/a/items/anyOf/0/type"
