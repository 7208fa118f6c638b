"""Models of Liquid Decisions Batch Import and Export.

Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class BatchJobStatus(StrEnum):
    """
    Where a batch job is. Initialized means the job was received and is being accepted, Accepted
    that it is ready to run, Processing that it runs, Canceling that a cancel was asked for and
    happens when the job is next picked up. Completed, Rejected (bad parameters or file), Canceled
    and Failed (an error while processing) are final.
    """

    INITIALIZED = "Initialized"
    ACCEPTED = "Accepted"
    PROCESSING = "Processing"
    COMPLETED = "Completed"
    REJECTED = "Rejected"
    CANCELING = "Canceling"
    CANCELED = "Canceled"
    FAILED = "Failed"


class BatchStatus(BaseModel):
    """
    The state of one batch job; every batch call answers with it. When an export job has completed,
    the answer also carries one or more links to download the exported data, valid for one week. The
    wiki does not name the field that holds them, so it is not listed here; like any other field not
    listed, it is kept.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    submit_time: Annotated[
        str | None,
        Field(
            alias="submitTime",
            description=(
                "When the job was submitted, for example 2015-05-26T13:35:25+0000. Not an RFC 3339"
                " date-time (the offset has no colon), so it is kept as text."
            ),
        ),
    ] = None
    job_id: Annotated[
        str,
        Field(
            alias="jobId",
            description="The job's unique id; send it to get the job's status or to cancel it.",
        ),
    ]
    notification_email: Annotated[
        str | None,
        Field(
            alias="notificationEmail",
            description="Where mail about the job's progress goes, if anywhere.",
        ),
    ] = None
    job_name: Annotated[
        str | None, Field(alias="jobName", description="The name given to the job.")
    ] = None
    content_type: Annotated[
        str | None,
        Field(
            alias="contentType",
            description=(
                "The format of the job's data, application/json or text/plain (the wiki also writes"
                " plain/text)."
            ),
        ),
    ] = None
    item_type: Annotated[
        str | None,
        Field(
            alias="itemType",
            description=(
                "The item type (from the Liquid Decisions schema) the job imports or exports."
            ),
        ),
    ] = None
    records_processed: Annotated[
        str | None,
        Field(
            alias="recordsProcessed",
            description="How many records the job has processed so far, a number sent as text.",
            pattern="^-?[0-9]+$",
        ),
    ] = None
    run_time: Annotated[
        str | None,
        Field(
            alias="runTime",
            description="How long the job has run, in milliseconds, a number sent as text.",
            pattern="^-?[0-9]+$",
        ),
    ] = None
    status: BatchJobStatus
    reason: Annotated[str | None, Field(description="Why the job is in its status, in words.")] = (
        None
    )


class Token(BaseModel):
    """
    An OAuth2 access token. Only access_token is documented; the other fields are the usual OAuth2
    ones, listed in case the server sends them.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    access_token: Annotated[
        str,
        Field(
            description='The token to send as "Bearer <token>" in the Authorization header.',
            repr=False,
        ),
    ]
    token_type: Annotated[str | None, Field(description="The kind of token, normally bearer.")] = (
        None
    )
    expires_in: Annotated[
        int | None, Field(description="How many seconds the token stays valid.", ge=0)
    ] = None
    refresh_token: Annotated[
        str | None,
        Field(
            description="A token for getting a new access token, if the server grants one.",
            repr=False,
        ),
    ] = None
    scope: Annotated[
        str | None, Field(description="The scope granted, for example community=<community>.")
    ] = None
