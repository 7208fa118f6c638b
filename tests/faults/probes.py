"""One probe call per generated client: how to build it against a server, and what to call.

Reads (GET) are retried by the clients by default; calls that create or start something (POST)
are not, since repeating them could do it twice. The fault matrix expects each accordingly.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

SECRETS = ("api-key-s3cr3t", "okapi-t0ken-s3cr3t", "client-s3cr3t", "passw0rd-s3cr3t")


@dataclass(frozen=True)
class Probe:
    package: str
    path: str  # the probed call's path
    success: tuple[int, Any]  # status and a body that matches the spec
    credentials: dict[str, str]
    call: Callable[[Any], Any]  # the sync call
    acall: Callable[[Any], Awaitable[Any]]  # the same call, async
    model: str  # the models class the call returns
    retried: bool
    routes: dict[str, tuple[int, Any]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.package

    def module(self) -> Any:
        return importlib.import_module(self.package)

    def client(self, base_url: str, **options: Any) -> Any:
        return self.module().Client(base_url=base_url, **self.credentials, **options)

    def async_client(self, base_url: str, **options: Any) -> Any:
        return self.module().AsyncClient(base_url=base_url, **self.credentials, **options)


def _batch_tracking(client: Any) -> Any:
    models = importlib.import_module("folio_orders_storage.models")
    return models.BatchTracking(total_records=3)


FOLIO = {"tenant": "diku", "token": SECRETS[1]}

PROBES = [
    Probe(
        "alma_jobs",
        "/conf/jobs",
        (200, {"total_record_count": 0}),
        {"api_key": SECRETS[0]},
        lambda c: c.jobs.get_jobs(limit=5),
        lambda c: c.jobs.get_jobs(limit=5),
        "Jobs",
        retried=True,
    ),
    Probe(
        "folio_data_export_spring",
        "/data-export-spring/jobs",
        (200, {"jobRecords": [], "totalRecords": 0}),
        FOLIO,
        lambda c: c.jobs.get_jobs(limit=5),
        lambda c: c.jobs.get_jobs(limit=5),
        "JobCollection",
        retried=True,
    ),
    Probe(
        "folio_erm_usage_harvester",
        "/erm-usage-harvester/jobs",
        (200, {"jobInfos": [], "totalRecords": 0}),
        FOLIO,
        lambda c: c.jobs.get_jobs(limit=5),
        lambda c: c.jobs.get_jobs(limit=5),
        "JobInfos",
        retried=True,
    ),
    Probe(
        "folio_orders_storage",
        "/orders-storage/batch-tracking",
        (201, {"id": "7d5b7f3e-8f7a-4c2b-9d1e-0a1b2c3d4e5f", "totalRecords": 3}),
        FOLIO,
        lambda c: c.batch_tracking.create_batch_tracking(_batch_tracking(c)),
        lambda c: c.batch_tracking.create_batch_tracking(_batch_tracking(c)),
        "BatchTracking",
        retried=False,
    ),
    Probe(
        "liquid_decisions_batch",
        "/ls/api/batch/status",
        (200, {"jobId": "job-1", "status": "Processing"}),
        {
            "client_id": "toolkit",
            "client_secret": SECRETS[2],
            "username": "ada",
            "password": SECRETS[3],
            "community": "lib",
        },
        lambda c: c.batch.get_batch_status(job_id="job-1"),
        lambda c: c.batch.get_batch_status(job_id="job-1"),
        "BatchStatus",
        retried=False,
        routes={"/ls/api/oauth2/token": (200, {"access_token": "bearer-t0ken-s3cr3t"})},
    ),
]
