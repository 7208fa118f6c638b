"""The command line: ``python -m folio_erm_usage_harvester <resource> <operation>``, a command per
call.

Declared here as data, from the same client model as the resources; ``_runtime._cli`` runs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._client import Client
from ._runtime._cli import Argument, Command, Paged, Program, Wait, run

PROGRAM = Program(
    package="folio_erm_usage_harvester",
    description="FOLIO eUsage Harvester",
    environment=(
        ("tenant", "FOLIO_ERM_USAGE_HARVESTER_TENANT"),
        ("token", "FOLIO_ERM_USAGE_HARVESTER_TOKEN"),
        ("username", "FOLIO_ERM_USAGE_HARVESTER_USERNAME"),
        ("password", "FOLIO_ERM_USAGE_HARVESTER_PASSWORD"),
        ("okapi_url", "FOLIO_ERM_USAGE_HARVESTER_OKAPI_URL"),
    ),
    base_url_variable="FOLIO_ERM_USAGE_HARVESTER_BASE_URL",
    resources=(
        ("harvesting", "Starting harvests"),
        ("implementations", "The service implementations the harvester offers"),
        ("jobs", "Harvesting jobs"),
    ),
    commands=(
        Command(
            "harvesting",
            "start_harvesting",
            summary="Start harvesting for the tenant",
            description="Starts harvesting for every usage data provider of the tenant.",
            arguments=(),
            wait=Wait("jobs", "wait_for_job", forwarded=(), job_id="/id"),
        ),
        Command(
            "harvesting",
            "start_harvesting_for_provider",
            summary="Start harvesting for one provider",
            description="Starts harvesting for one usage data provider of the tenant only.",
            arguments=(Argument("id", str, "Id of the usage data provider", required=True),),
            wait=Wait("jobs", "wait_for_job", forwarded=(), job_id="/id"),
        ),
        Command(
            "implementations",
            "get_implementations",
            summary="List service implementations",
            description="Lists the service implementations the harvester offers.",
            arguments=(
                Argument(
                    "aggregator",
                    str,
                    'Only implementations whose isAggregator is this value ("true" or "false")',
                    option="--aggregator",
                ),
            ),
        ),
        Command(
            "jobs",
            "cleanup_jobs",
            summary="Clean up jobs",
            description="Runs the clean-up tasks on harvesting jobs (marks jobs of dead processes as failed).",
            arguments=(),
        ),
        Command(
            "jobs",
            "get_jobs",
            summary="List harvesting jobs",
            description="Lists harvesting jobs, newest first, filtered by CQL, timestamp or provider.",
            arguments=(
                Argument(
                    "timestamp",
                    float,
                    "Only jobs created at or before this time (milliseconds since the epoch)",
                    option="--timestamp",
                ),
                Argument(
                    "provider_id",
                    str,
                    "Only jobs of this usage data provider",
                    option="--provider-id",
                ),
                Argument(
                    "query",
                    str,
                    "A CQL query (see https://dev.folio.org/reference/glossary#cql) over the searchable fields. e.g. type==provider",
                    option="--query",
                ),
                Argument(
                    "total_records",
                    str,
                    'How to count totalRecords: "exact", "estimated", "auto" (exact or estimated, as the server sees fit) or "none" (leave it out).',
                    option="--total-records",
                ),
                Argument("offset", int, "How many records to skip", option="--offset"),
                Argument("limit", int, "How many records to return at most", option="--limit"),
            ),
            paged=Paged("iter_jobs", driven=("offset", "limit")),
        ),
        Command(
            "jobs",
            "purge_finished_jobs",
            summary="Purge finished jobs",
            description="Deletes the finished jobs created at or before the given time.",
            arguments=(
                Argument(
                    "timestamp",
                    float,
                    "Purge jobs whose timestamp is at or before this time (milliseconds since the epoch)",
                    option="--timestamp",
                    required=True,
                ),
            ),
        ),
        Command(
            "jobs",
            "purge_stale_jobs",
            summary="Purge stale jobs",
            description="Deletes jobs that started but never finished.",
            arguments=(),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (by default the process's); the exit code."""
    return run(PROGRAM, Client, argv)
