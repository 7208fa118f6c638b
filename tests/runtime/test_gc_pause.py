"""A large answer is validated with the garbage collector paused, and only then."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator

import httpx
import pytest
from pydantic import BaseModel, field_validator
from runtime._errors import ResponseValidationError
from runtime._gc_pause import LARGE_BODY, gc_paused
from runtime._operation import OperationSpec, ResponseSpec
from runtime._response import APIResponse

SEEN: list[bool] = []


class Record(BaseModel):
    id: int
    name: str

    @field_validator("id")
    @classmethod
    def _note_collector(cls, value: int) -> int:
        SEEN.append(gc.isenabled())
        return value


class Page(BaseModel):
    records: list[Record]


LIST = OperationSpec("GET", "/records", (ResponseSpec(200, "json", Page),))


def _page(count: int) -> bytes:
    return json.dumps({"records": [{"id": i, "name": "x" * 40} for i in range(count)]}).encode()


def _parse(content: bytes) -> Page:
    request = httpx.Request("GET", "http://api.test/records")
    response = httpx.Response(
        200, content=content, headers={"content-type": "application/json"}, request=request
    )
    page: Page = APIResponse[Page](response, LIST).parse()
    return page


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    SEEN.clear()
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_large_page_is_parsed_with_the_collector_paused_and_it_runs_again_after() -> None:
    content = _page(2000)
    assert len(content) >= LARGE_BODY
    assert len(_parse(content).records) == 2000
    assert SEEN and not any(SEEN)
    assert gc.isenabled()


def test_a_small_answer_leaves_the_collector_alone() -> None:
    content = _page(3)
    assert len(content) < LARGE_BODY
    _parse(content)
    assert SEEN == [True, True, True]


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    _parse(_page(2000))
    assert not gc.isenabled()


def test_a_failed_parse_still_resumes_the_collector() -> None:
    broken = _page(2000)[:-10]
    with pytest.raises(ResponseValidationError, match="could not be read"):
        _parse(broken)
    mismatched = _page(2000).replace(b'"id": 7,', b'"id": "seven",')
    with pytest.raises(ResponseValidationError, match="at records/7/id"):
        _parse(mismatched)
    assert gc.isenabled()


def test_overlapping_parses_resume_the_collector_only_when_the_last_ends() -> None:
    # two threads parsing at once hold the pause the same way: the first to finish must not
    # turn the collector back on under the other
    with gc_paused(LARGE_BODY):
        with gc_paused(LARGE_BODY):
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
