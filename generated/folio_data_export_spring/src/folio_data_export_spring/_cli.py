"""The command line: ``python -m folio_data_export_spring <resource> <operation>``, a command per
call.

Declared here as data, from the same client model as the resources; ``_runtime._cli`` runs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import models
from ._client import Client
from ._runtime._cli import Argument, Body, Command, Paged, Program, Wait, run

PROGRAM = Program(
    package="folio_data_export_spring",
    description="FOLIO Data Export Spring",
    environment=(
        ("tenant", "FOLIO_DATA_EXPORT_SPRING_TENANT"),
        ("token", "FOLIO_DATA_EXPORT_SPRING_TOKEN"),
        ("username", "FOLIO_DATA_EXPORT_SPRING_USERNAME"),
        ("password", "FOLIO_DATA_EXPORT_SPRING_PASSWORD"),
        ("okapi_url", "FOLIO_DATA_EXPORT_SPRING_OKAPI_URL"),
    ),
    base_url_variable="FOLIO_DATA_EXPORT_SPRING_BASE_URL",
    resources=(("jobs", "Export jobs and their files"),),
    commands=(
        Command(
            "jobs",
            "download_exported_file_by_job_id",
            summary="Download the exported file",
            description="Downloads the file exported by the job with the given ID, as bytes. `key` selects one file in storage when the job produced several.",
            arguments=(
                Argument("id", str, "UUID of the job", required=True),
                Argument("key", str, "Key of the file in storage to be downloaded", option="--key"),
            ),
            download=True,
        ),
        Command(
            "jobs",
            "get_job_by_id",
            summary="Get a job",
            description="Returns the job with the given ID, including its status and progress.",
            arguments=(Argument("id", str, "UUID of the job", required=True),),
        ),
        Command(
            "jobs",
            "get_jobs",
            summary="List jobs",
            description="Returns a page of jobs, optionally filtered by a CQL query; paged with offset and limit.",
            arguments=(
                Argument(
                    "offset",
                    int,
                    "Skip over a number of elements by specifying an offset value for the query",
                    option="--offset",
                ),
                Argument(
                    "limit",
                    int,
                    "Limit the number of elements returned in the response",
                    option="--limit",
                ),
                Argument(
                    "query",
                    str,
                    "A CQL query string to filter jobs based on matching criteria in fields.",
                    option="--query",
                ),
            ),
            paged=Paged("iter_jobs", driven=("offset", "limit")),
        ),
        Command(
            "jobs",
            "resend_exported_file",
            summary="Resend the exported file",
            description="Resends the file exported by the job with the given ID; answers 201 without a body.",
            arguments=(Argument("id", str, "UUID of the job", required=True),),
        ),
        Command(
            "jobs",
            "send_job",
            summary="Send a job via Kafka",
            description="Sends the given job to the module's Kafka topic instead of storing it; answers 200 without a body.",
            arguments=(),
            body=Body("job", models.Job, required=True),
        ),
        Command(
            "jobs",
            "upsert_job",
            summary="Create or update a job",
            description="Creates a job (201) or, when a job with the given id exists, updates it (200). The job runs asynchronously; poll it with getJobById until its status is SUCCESSFUL or FAILED.",
            arguments=(),
            body=Body("job", models.Job, required=True),
            wait=Wait("jobs", "wait_for_job", forwarded=(), job_id="/id"),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (by default the process's); the exit code."""
    return run(PROGRAM, Client, argv)
