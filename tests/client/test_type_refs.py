"""Type references: what a schema became, printed as an annotation by one function."""

from __future__ import annotations

import pytest

from generator.client.type_refs import (
    BYTES,
    INT,
    NONE,
    STR,
    ListOf,
    LiteralOf,
    Model,
    UnionOf,
    optional,
    union,
)


def test_each_kind_prints_as_the_annotation_a_reader_expects() -> None:
    assert Model("job-record", "JobRecord").code() == "models.JobRecord"
    assert ListOf(Model("Job", "Job")).code() == "list[models.Job]"
    assert LiteralOf(("run", "stop")).code() == "Literal['run', 'stop']"
    assert optional(ListOf(INT)).code() == "list[int] | None"
    assert NONE.code() == "None"


def test_a_literal_of_no_values_is_refused_not_printed_as_literal_of_nothing() -> None:
    with pytest.raises(ValueError, match="no values"):
        LiteralOf(())


def test_a_union_is_flat_in_order_and_names_each_type_once() -> None:
    nested = union([STR, union([INT, STR]), ListOf(BYTES), INT])
    assert nested == UnionOf((STR, INT, ListOf(BYTES)))
    assert nested.code() == "str | int | list[bytes]"
    assert union([STR, STR]) == STR  # one type is no union
    assert union([optional(STR), INT, NONE]).code() == "str | int | None"  # None last (RUF036)
    assert optional(NONE) == NONE
    with pytest.raises(ValueError, match="no types"):
        union([])


def test_equal_types_are_equal_data_whatever_built_them() -> None:
    # the builder compares types (an error body that says nothing, a page of models) as data
    assert {Model("Job", "Job"), Model("Job", "Job"), ListOf(STR)} == {
        Model("Job", "Job"),
        ListOf(STR),
    }
    assert Model("Job", "Job") != Model("Job", "JobModel")


@pytest.mark.parametrize("value", ["a'b", 'x"]) ; import os #', "\\", "\n"])
def test_literal_values_from_the_spec_print_only_as_literals(value: str) -> None:
    printed = LiteralOf((value,)).code()
    assert printed == f"Literal[{value!r}]"
    assert eval(printed, {"Literal": _Subscript()}) == value


@pytest.mark.parametrize("class_name", ["Job()", "os.system", "Job; import os", "class"])
def test_a_class_name_that_is_not_an_identifier_is_refused(class_name: str) -> None:
    with pytest.raises(ValueError, match="not a Python identifier"):
        Model("Job", class_name).code()


class _Subscript:
    """``Literal[x]`` evaluated to ``x``: what a printed literal holds."""

    def __getitem__(self, item: object) -> object:
        return item
