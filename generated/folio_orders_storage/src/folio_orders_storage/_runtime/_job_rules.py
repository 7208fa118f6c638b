"""What makes a job finished, succeeded or failed, as a system's ``x-job`` extension says."""

from __future__ import annotations

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
        return None if value is None else str(value)

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
            processed = value_at(job, self.complete_when[0])
            total = value_at(job, self.complete_when[1])
            return processed is not None and total is not None and processed >= total
        return False

    def progress(self, job: object) -> JobProgress:
        def number(pointer: str | None) -> Any:
            value = value_at(job, pointer) if pointer else None
            try:
                return None if value is None else float(value)
            except (TypeError, ValueError):
                return None

        processed, total, percent = number(self.processed), number(self.total), number(self.percent)
        if percent is None and processed is not None and total:
            percent = min(100.0, 100.0 * processed / total)
        return JobProgress(
            percent=percent,
            processed=None if processed is None else int(processed),
            total=None if total is None else int(total),
        )


def _is_job(job: object, id_field: str | None, job_id: str) -> bool:
    if id_field is None:  # the system does not say where a job's id is
        return True
    found = value_at(job, id_field)
    return found is not None and str(found) == str(job_id)


def find_job(page: Any, pointer: str, id_field: str | None, job_id: str) -> Any:
    """The job ``job_id`` in a list answer (items at ``pointer``): the item whose id is it.

    A query the server reads loosely (or wrongly) may list other jobs too, or only others;
    those are never taken for the one asked for.
    """
    items = value_at(page, pointer)
    for item in items if isinstance(items, Sequence) else ():
        if _is_job(item, id_field, job_id):
            return item
    raise NotFoundError.without_response(f"no job with id {job_id!r} in the answer")


def same_job(job: T, id_field: str | None, job_id: str) -> T:
    """``job`` when it is the job ``job_id``; a read answering another job is not an answer."""
    if not _is_job(job, id_field, job_id):
        found = value_at(job, id_field) if id_field else None
        raise NotFoundError.without_response(
            f"asked for job {job_id!r}, the server answered job {found!r}"
        )
    return job
