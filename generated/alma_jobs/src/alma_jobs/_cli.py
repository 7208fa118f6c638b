"""The command line: ``python -m alma_jobs <resource> <operation>``, a command per call.

Declared here as data, from the same client model as the resources; ``_runtime._cli`` runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from . import models
from ._client import Client
from ._runtime._cli import Argument, Body, Command, Paged, Program, Wait, run

PROGRAM = Program(
    package="alma_jobs",
    description="Ex Libris Alma Jobs",
    environment=(
        ("api_key", "ALMA_JOBS_API_KEY"),
        ("region", "ALMA_JOBS_REGION"),
    ),
    base_url_variable="ALMA_JOBS_BASE_URL",
    resources=(
        ("instances", "Runs of a job (job instances), with their status, progress and counters"),
        ("jobs", "Jobs defined in Alma, and starting a run of one"),
    ),
    commands=(
        Command(
            "instances",
            "get_job_instance",
            summary="Get a run of a job",
            description="The run's status, progress and counters. Poll this until the run has ended (see JobStatus), waiting between calls to spare the daily quota.",
            arguments=(
                Argument(
                    "job_id",
                    str,
                    "The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.",
                    required=True,
                ),
                Argument(
                    "instance_id",
                    str,
                    "The id of one run of the job, for example 55493478870005501.",
                    required=True,
                ),
            ),
        ),
        Command(
            "instances",
            "get_job_instances",
            summary="List runs of a job",
            description="One page of the job's runs, optionally filtered by submit date and status.",
            arguments=(
                Argument(
                    "job_id",
                    str,
                    "The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.",
                    required=True,
                ),
                Argument(
                    "submit_date_from",
                    str,
                    "Only runs submitted on or after this date.",
                    option="--submit-date-from",
                ),
                Argument(
                    "submit_date_to",
                    str,
                    "Only runs submitted on or before this date.",
                    option="--submit-date-to",
                ),
                Argument(
                    "status",
                    Literal[
                        "QUEUED",
                        "PENDING",
                        "INITIALIZING",
                        "RUNNING",
                        "COMPLETED_SUCCESS",
                        "COMPLETED_NO_BULKS",
                        "COMPLETED_WARNINGS",
                        "COMPLETED_FAILED",
                        "FAILED",
                        "ABORTED",
                    ]
                    | str,
                    "Only runs with this status.",
                    option="--status",
                ),
                Argument("limit", int, "How many runs to return at most.", option="--limit"),
                Argument(
                    "offset",
                    int,
                    "How many runs to skip before the first one returned.",
                    option="--offset",
                ),
            ),
            paged=Paged("iter_job_instances", driven=("offset", "limit")),
        ),
        Command(
            "jobs",
            "get_job",
            summary="Get a job",
            description="The job's definition, including the parameters it takes.",
            arguments=(
                Argument(
                    "job_id",
                    str,
                    "The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.",
                    required=True,
                ),
            ),
        ),
        Command(
            "jobs",
            "get_jobs",
            summary="List jobs",
            description="One page of the institution's jobs, optionally only those of one type or category.",
            arguments=(
                Argument("limit", int, "How many jobs to return at most.", option="--limit"),
                Argument(
                    "offset",
                    int,
                    "How many jobs to skip before the first one returned.",
                    option="--offset",
                ),
                Argument(
                    "category",
                    str,
                    "Only jobs of this category (a job category code).",
                    option="--category",
                ),
                Argument(
                    "type",
                    Literal["MANUAL", "SCHEDULED", "OTHER"],
                    "Only jobs of this type.",
                    option="--type",
                    choices=("MANUAL", "SCHEDULED", "OTHER"),
                ),
                Argument(
                    "profile_id", str, "Only jobs that use this profile.", option="--profile-id"
                ),
            ),
            paged=Paged("iter_jobs", driven=("offset", "limit")),
        ),
        Command(
            "jobs",
            "run_job",
            summary="Run a job",
            description="Starts a run of the job and answers at once; the run goes on in Alma. Follow it with getJobInstance, using the instance id at the end of additional_info.link. Alma refuses the call when 3 jobs started through the API are already running, or when this job has run 5 times in the last hour.",
            arguments=(
                Argument(
                    "job_id",
                    str,
                    "The job id. Alma's tools prefix it with a letter for the job type (M manual, S scheduled, O other), for example M135.",
                    required=True,
                ),
            ),
            body=Body("job", models.Job, required=True),
            wait=Wait(
                "instances",
                "wait_for_job_instance",
                forwarded=("job_id",),
                job_id="/additional_info/link",
                link=True,
            ),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (by default the process's); the exit code."""
    return run(PROGRAM, Client, argv)
