"""What makes a job finished, succeeded or failed, as a system's ``x-job`` extension says."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ._access import value_at
from ._errors import NotFoundError
from ._jobs import JobProgress

T = TypeVar("T")


@dataclass(frozen=True)
class JobRules:
    """The lifecycle facts of one kind of job object (all pointers use wire names)."""

    status: str | None = None
    success: frozenset[str] = frozenset()
    failure: frozenset[str] = frozenset()
    finished_when_set: str | None = None
    complete_when: tuple[str, str] | None = None  # (processed, total)
    percent: str | None = None
    processed: str | None = None
    total: str | None = None

    def _status(self, job: object) -> str | None:
        value = value_at(job, self.status) if self.status else None
        if value is None:
            return None
        try:
            return str(value)
        except ValueError:  # an integer past Python's 4300-digit limit is no known status
            return None

    def is_failure(self, job: object) -> bool:
        return self._status(job) in self.failure

    def is_success(self, job: object) -> bool:
        status = self._status(job)
        if status in self.success:
            return True
        if status in self.failure:
            return False
        # A finished job whose status is unknown (Alma's open status table) or absent ends
        # the wait rather than hanging it.
        if self.finished_when_set and value_at(job, self.finished_when_set) is not None:
            return True
        if self.complete_when:
            processed = _number(job, self.complete_when[0])
            total = _number(job, self.complete_when[1])
            return processed is not None and total is not None and processed >= total
        return False

    def progress(self, job: object) -> JobProgress:
        processed = _number(job, self.processed)
        total = _number(job, self.total)
        percent = _number(job, self.percent)
        if percent is None and processed is not None and total:
            percent = 100.0 * processed / total
        return JobProgress(
            percent=None if percent is None else min(100.0, max(0.0, percent)),
            processed=None if processed is None else int(processed),
            total=None if total is None else int(total),
        )


def _number(job: object, pointer: str | None) -> float | None:
    """A count or percent read from the job as a finite float, or None.

    The job is the server's: a number may come as a string, a bool, ``1e400`` (infinite as a
    float, so ``int()`` of it overflows), NaN, or an integer too large for a float. None of
    those is a progress anyone can use, and none may raise.
    """
    value = value_at(job, pointer) if pointer else None
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _is_job(job: object, id_field: str | None, job_id: str) -> bool:
    if id_field is None:  # the system does not say where a job's id is
        return True
    found = value_at(job, id_field)
    if found is None or isinstance(found, bool):
        return False
    try:
        return str(found) == str(job_id)
    except ValueError:  # an integer too long to print: not an id anyone asked for
        return False


def find_job(page: Any, pointer: str, id_field: str | None, job_id: str) -> Any:
    """The job ``job_id`` in a list answer (items at ``pointer``): the item whose id is it.

    A query the server reads loosely (or wrongly) may list other jobs too, or only others;
    those are never taken for the one asked for.
    """
    items = value_at(page, pointer)
    listed = isinstance(items, Sequence) and not isinstance(items, str | bytes)
    for item in items if listed else ():
        if _is_job(item, id_field, job_id):
            return item
    raise NotFoundError.without_response(f"no job with id {job_id!r} in the answer")


def same_job(job: T, id_field: str | None, job_id: str) -> T:
    """``job`` when it is the job ``job_id``; a read answering another job is not an answer."""
    if not _is_job(job, id_field, job_id):
        found = value_at(job, id_field) if id_field else None
        try:
            answered = repr(found)[:80]
        except ValueError:  # an integer too long to print
            answered = f"an unprintable {type(found).__name__}"
        raise NotFoundError.without_response(
            f"asked for job {job_id!r}, the server answered job {answered}"
        )
    return job
