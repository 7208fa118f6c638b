"""Which components extend which, through allOf references."""

from __future__ import annotations

from generator.shared.inheritance import descendants, parents


def _extends(*names: str) -> dict[str, object]:
    return {"allOf": [{"$ref": f"#/components/schemas/{n}"} for n in names] + [{"type": "object"}]}


def test_descendants_are_children_of_children_too_nearest_first_each_once() -> None:
    schemas = {
        "Pet": {"type": "object"},
        "Dog": _extends("Pet"),
        "Puppy": _extends("Dog", "Pet"),
        "Cat": _extends("Pet"),
        "Rock": {"type": "string"},
    }
    assert descendants(schemas, "Pet") == ["Dog", "Puppy", "Cat"]
    assert descendants(schemas, "Rock") == []
    assert parents(schemas["Puppy"], schemas) == ["Dog", "Pet"]


def test_a_cycle_of_allof_references_ends_and_a_missing_parent_is_none() -> None:
    schemas = {"A": _extends("B"), "B": _extends("A"), "C": _extends("Missing")}
    assert descendants(schemas, "A") == ["B"]
    assert parents(schemas["C"], schemas) == []
