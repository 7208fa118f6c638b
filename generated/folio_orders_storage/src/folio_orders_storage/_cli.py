"""The command line: ``python -m folio_orders_storage <resource> <operation>``, a command per call.

Declared here as data, from the same client model as the resources; ``_runtime._cli`` runs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import models
from ._client import Client
from ._runtime._cli import Argument, Body, Command, Program, run

PROGRAM = Program(
    package="folio_orders_storage",
    description="FOLIO Orders Storage Batch Tracking",
    environment=(
        ("tenant", "FOLIO_ORDERS_STORAGE_TENANT"),
        ("token", "FOLIO_ORDERS_STORAGE_TOKEN"),
        ("username", "FOLIO_ORDERS_STORAGE_USERNAME"),
        ("password", "FOLIO_ORDERS_STORAGE_PASSWORD"),
        ("okapi_url", "FOLIO_ORDERS_STORAGE_OKAPI_URL"),
    ),
    base_url_variable="FOLIO_ORDERS_STORAGE_BASE_URL",
    resources=(("batch_tracking", "Batch tracking records"),),
    commands=(
        Command(
            "batch_tracking",
            "cleanup_batch_tracking",
            summary="Clean up old batch tracking records",
            description="Deletes batch tracking records older than 24 hours. Upstream runs it from a timer.",
            arguments=(),
        ),
        Command(
            "batch_tracking",
            "create_batch_tracking",
            summary="Create a batch tracking record",
            description="Starts tracking a batch of totalRecords records.",
            arguments=(),
            body=Body("batch_tracking", models.BatchTracking, required=True),
        ),
        Command(
            "batch_tracking",
            "delete_batch_tracking",
            summary="Delete a batch tracking record",
            description="",
            arguments=(
                Argument("id", str, "Id of the batch tracking record (a UUID)", required=True),
            ),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (by default the process's); the exit code."""
    return run(PROGRAM, Client, argv)
