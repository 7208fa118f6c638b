"""The command line: ``python -m liquid_decisions_batch <resource> <operation>``, a command per
call.

Declared here as data, from the same client model as the resources; ``_runtime._cli`` runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ._client import Client
from ._runtime._bodies import FileInput
from ._runtime._cli import Argument, Command, Program, Wait, run

PROGRAM = Program(
    package="liquid_decisions_batch",
    description="Liquid Decisions Batch Import and Export",
    environment=(
        ("client_id", "LIQUID_DECISIONS_BATCH_CLIENT_ID"),
        ("client_secret", "LIQUID_DECISIONS_BATCH_CLIENT_SECRET"),
        ("username", "LIQUID_DECISIONS_BATCH_USERNAME"),
        ("password", "LIQUID_DECISIONS_BATCH_PASSWORD"),
        ("community", "LIQUID_DECISIONS_BATCH_COMMUNITY"),
        ("server", "LIQUID_DECISIONS_BATCH_SERVER"),
    ),
    base_url_variable="LIQUID_DECISIONS_BATCH_BASE_URL",
    resources=(
        ("auth", "OAuth2 access tokens for the batch calls"),
        ("batch", "Batch import and export jobs, and their status"),
    ),
    commands=(
        Command(
            "auth",
            "get_token",
            summary="Get an access token",
            description="Trades a user's name and password, and the client's id and secret, for an access token (the OAuth2 password grant), limited to one community.",
            arguments=(
                Argument(
                    "client_id",
                    str,
                    "The OAuth2 client id Liquid Decisions issued to this application.",
                    option="--client-id",
                    required=True,
                ),
                Argument(
                    "client_secret",
                    str,
                    "The client secret that goes with client_id.",
                    option="--client-secret",
                    required=True,
                ),
                Argument(
                    "username", str, "The user to act as.", option="--username", required=True
                ),
                Argument(
                    "password", str, "That user's password.", option="--password", required=True
                ),
                Argument(
                    "scope",
                    str,
                    "The community to work in, written community=<community>.",
                    option="--scope",
                    required=True,
                ),
            ),
        ),
        Command(
            "auth",
            "validate_token",
            summary="Check an access token",
            description="Tells whether the bearer token sent with the call is still valid.",
            arguments=(),
        ),
        Command(
            "batch",
            "cancel_batch_job",
            summary="Cancel a batch job",
            description="Asks for a batch job to be canceled. A job that has not finished goes to Canceling and becomes Canceled when it is next picked up. (Used by the examples; the wiki table does not list this call.)",
            arguments=(
                Argument(
                    "job_id", str, "The id of the job to cancel.", option="--job-id", required=True
                ),
            ),
        ),
        Command(
            "batch",
            "export_batch",
            summary="Export items to a file",
            description="Starts a job that exports items of one type as JSON or CSV. Without sqlQuery and filters every item of the type is exported. When the job has completed, its status carries links to download the result, valid for one week.",
            arguments=(
                Argument(
                    "job_name", str, "A name for the job.", option="--job-name", required=True
                ),
                Argument(
                    "item_type",
                    str,
                    "The item type (from the Liquid Decisions schema) to export.",
                    option="--item-type",
                    required=True,
                ),
                Argument(
                    "content_type",
                    Literal["application/json", "text/plain"],
                    "The format to export to, JSON or CSV text.",
                    option="--content-type",
                    required=True,
                    choices=("application/json", "text/plain"),
                ),
                Argument(
                    "row_header",
                    bool,
                    "Whether a CSV export starts with a row of field names.",
                    option="--row-header",
                ),
                Argument(
                    "template",
                    str,
                    "A Velocity template that turns each item's JSON into a CSV row.",
                    option="--template",
                ),
                Argument(
                    "sql_query",
                    str,
                    "A SQL query whose result is what gets exported.",
                    option="--sql-query",
                ),
                Argument(
                    "filters",
                    str,
                    'A JSON object, as text, of field values an item must have to be exported, for example {"userId": "someone@example.com"}. Ignored when sqlQuery is given.',
                    option="--filters",
                ),
                Argument(
                    "notification_email",
                    str,
                    "Where to send mail about the job's progress.",
                    option="--notification-email",
                ),
            ),
            wait=Wait("batch", "wait_for_batch_job", forwarded=(), job_id="/jobId"),
        ),
        Command(
            "batch",
            "get_batch_status",
            summary="Get a batch job's status",
            description="The current status of a batch job submitted earlier.",
            arguments=(
                Argument(
                    "job_id",
                    str,
                    "The id of the job, from the answer that submitted it.",
                    option="--job-id",
                    required=True,
                ),
            ),
        ),
        Command(
            "batch",
            "import_batch",
            summary="Import items from a file",
            description="Uploads a JSON or CSV file of items and starts a job that imports them. The answer comes once the file is stored; the job runs afterwards, and mail goes to notificationEmail when it ends or fails.",
            arguments=(
                Argument(
                    "file",
                    FileInput,
                    "The file of items to import.",
                    option="--file",
                    required=True,
                    file=True,
                ),
                Argument(
                    "template",
                    FileInput,
                    "The template that maps a CSV file to items, sent as a file part.",
                    option="--template",
                    file=True,
                ),
                Argument(
                    "job_name", str, "A name for the job.", option="--job-name", required=True
                ),
                Argument(
                    "item_type",
                    str,
                    "The item type (from the Liquid Decisions schema) to import.",
                    option="--item-type",
                    required=True,
                ),
                Argument(
                    "content_type",
                    Literal["application/json", "text/plain"],
                    "The format of the file, JSON or CSV text.",
                    option="--content-type",
                    required=True,
                    choices=("application/json", "text/plain"),
                ),
                Argument(
                    "merge",
                    bool,
                    "Whether to merge the items into existing ones; false overwrites them.",
                    option="--merge",
                ),
                Argument(
                    "notification_email",
                    str,
                    "Where to send mail about the job's progress.",
                    option="--notification-email",
                ),
                Argument(
                    "header_row",
                    bool,
                    "Whether a CSV file starts with a row of field names.",
                    option="--header-row",
                ),
            ),
            wait=Wait("batch", "wait_for_batch_job", forwarded=(), job_id="/jobId"),
        ),
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (by default the process's); the exit code."""
    return run(PROGRAM, Client, argv)
