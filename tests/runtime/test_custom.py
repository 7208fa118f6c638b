"""``extend``: the custom module's methods on generated resource classes (``_custom``)."""

from __future__ import annotations

import pytest
from runtime._custom import extend


class JobsResource:
    def get_job(self) -> str:
        return "generated"


def test_extend_adds_a_method_by_its_name_or_the_name_given() -> None:
    class Jobs(JobsResource):
        pass

    @extend(Jobs)
    def first_job(self: Jobs) -> str:
        return f"first of {self.get_job()}"

    @extend(Jobs, name="last_job")
    def any_name(self: Jobs) -> str:
        return "last"

    assert Jobs().first_job() == "first of generated"  # type: ignore[attr-defined]
    assert Jobs().last_job() == "last"  # type: ignore[attr-defined]
    assert first_job(Jobs()) == "first of generated"  # the function itself is left as it was


def test_extend_refuses_a_name_the_class_has_so_that_neither_hides_the_other() -> None:
    # A regeneration that adds an operation of the extension's name fails at import, loudly.
    with pytest.raises(TypeError, match="JobsResource already has 'get_job'"):

        @extend(JobsResource)
        def get_job(self: JobsResource) -> str:
            return "mine"

    assert JobsResource().get_job() == "generated"
