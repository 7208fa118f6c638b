"""A waiter's read answers the job asked for, or nothing: never another job's record."""

from __future__ import annotations

import pytest
from runtime._errors import NotFoundError
from runtime._job_rules import find_job, same_job


def test_find_job_takes_the_item_with_the_requested_id_not_the_first() -> None:
    page = {"jobInfos": [{"id": "other"}, {"id": "wanted", "result": "success"}]}
    assert find_job(page, "/jobInfos", "/id", "wanted") == {"id": "wanted", "result": "success"}


@pytest.mark.parametrize(
    "page",
    [{"jobInfos": [{"id": "other"}]}, {"jobInfos": []}, {"jobInfos": [{"name": "x"}]}, {}],
    ids=["another-job", "empty", "no-id", "no-list"],
)
def test_find_job_without_the_requested_id_is_not_found(page: object) -> None:
    with pytest.raises(NotFoundError, match="'wanted'"):
        find_job(page, "/jobInfos", "/id", "wanted")


def test_find_job_without_an_id_field_takes_the_first_item() -> None:
    assert find_job({"items": [{"a": 1}, {"a": 2}]}, "/items", None, "x") == {"a": 1}


def test_same_job_returns_the_job_read_when_its_id_is_the_one_asked_for() -> None:
    job = {"jobId": 7}
    assert same_job(job, "/jobId", "7") is job  # ids compare as text (a number, a UUID)


def test_same_job_refuses_another_jobs_record() -> None:
    with pytest.raises(NotFoundError, match="answered job 'other'"):
        same_job({"jobId": "other"}, "/jobId", "wanted")


def test_a_unicode_digit_in_a_pointer_is_a_key_not_a_crash() -> None:
    from runtime._access import value_at

    assert value_at({"a": ["x", "y"]}, "/a/1") == "y"
    assert value_at({"a": ["x", "y"]}, "/a/²") is None
