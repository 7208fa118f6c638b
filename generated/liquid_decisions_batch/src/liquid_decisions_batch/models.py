"""Models of Liquid Decisions Batch Import and Export, generated from its OpenAPI spec; do not edit by hand."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class BatchJobStatus(StrEnum):
    """
    Where a batch job is. Initialized means the job was received and is being accepted, Accepted that it is ready to run, Processing that it runs, Canceling that a cancel was asked for and happens when the job is next picked up. Completed, Rejected (bad parameters or file), Canceled and Failed (an error while processing) are final.
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
    The state of one batch job; every batch call answers with it. When an export job has completed, the answer also carries one or more links to download the exported data, valid for one week. The wiki does not name the field that holds them, so it is not listed here; like any other field not listed, it is kept.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    submit_time: Annotated[str | None, Field(alias="submitTime")] = None
    """
    When the job was submitted, for example 2015-05-26T13:35:25+0000. Not an RFC 3339 date-time (the offset has no colon), so it is kept as text.
    """
    job_id: Annotated[str, Field(alias="jobId")]
    """
    The job's unique id; send it to get the job's status or to cancel it.
    """
    notification_email: Annotated[str | None, Field(alias="notificationEmail")] = None
    """
    Where mail about the job's progress goes, if anywhere.
    """
    job_name: Annotated[str | None, Field(alias="jobName")] = None
    """
    The name given to the job.
    """
    content_type: Annotated[str | None, Field(alias="contentType")] = None
    """
    The format of the job's data, application/json or text/plain (the wiki also writes plain/text).
    """
    item_type: Annotated[str | None, Field(alias="itemType")] = None
    """
    The item type (from the Liquid Decisions schema) the job imports or exports.
    """
    records_processed: Annotated[
        str | None, Field(alias="recordsProcessed", pattern="^-?[0-9]+$")
    ] = None
    """
    How many records the job has processed so far, a number sent as text.
    """
    run_time: Annotated[str | None, Field(alias="runTime", pattern="^-?[0-9]+$")] = None
    """
    How long the job has run, in milliseconds, a number sent as text.
    """
    status: BatchJobStatus
    reason: str | None = None
    """
    Why the job is in its status, in words.
    """


class Token(BaseModel):
    """
    An OAuth2 access token. Only access_token is documented; the other fields are the usual OAuth2 ones, listed in case the server sends them.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    access_token: str
    """
    The token to send as "Bearer <token>" in the Authorization header.
    """
    token_type: str | None = None
    """
    The kind of token, normally bearer.
    """
    expires_in: Annotated[int | None, Field(ge=0)] = None
    """
    How many seconds the token stays valid.
    """
    refresh_token: str | None = None
    """
    A token for getting a new access token, if the server grants one.
    """
    scope: str | None = None
    """
    The scope granted, for example community=<community>.
    """
