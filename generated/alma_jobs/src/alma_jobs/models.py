"""Models of Ex Libris Alma Jobs.

Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field


class AlmaErrorErrorListErrorItem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error_code: Annotated[
        str | None,
        Field(alias="errorCode", description="Alma's code for the error, for example 402221."),
    ] = None
    error_message: Annotated[
        str | None, Field(alias="errorMessage", description="What went wrong, in words.")
    ] = None
    tracking_id: Annotated[
        str | None, Field(alias="trackingId", description="An id to quote to Ex Libris support.")
    ] = None


class AlmaErrorErrorList(BaseModel):
    """
    The errors, one or more.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error: list[AlmaErrorErrorListErrorItem] | None = None


class AlmaError(BaseModel):
    """
    Alma's error answer. In XML its root element is web_service_result; JSON has the same fields.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors_exist: Annotated[
        bool | None, Field(alias="errorsExist", description="True in every error answer.")
    ] = None
    error_list: Annotated[
        AlmaErrorErrorList | None, Field(alias="errorList", description="The errors, one or more.")
    ] = None


class CodeValue(BaseModel):
    """
    A code from one of the institution's Alma code tables, with the code's description in the
    institution's language.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: Annotated[str | None, Field(description="The code.")] = None
    desc: Annotated[str | None, Field(description="What the code means, for people.")] = None


class JobParameterItem(BaseModel):
    """
    One parameter of a run.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: Annotated[
        CodeValue | None, Field(description="Which parameter; its value is the parameter's code.")
    ] = None
    value: Annotated[str | None, Field(description="The value for this run.")] = None


class JobAdditionalInfo(BaseModel):
    """
    Present in the answer to a run. The link's last path segment is the id of the new instance.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: Annotated[str | None, Field(description="A message about the run, for people.")] = None
    link: Annotated[str | None, Field(description="The URL of the new job instance.")] = None


class Job(BaseModel):
    """
    A job as Alma defines it. Only the fields used here are listed; Alma sends more, and they are
    kept. To run a job, send it back with only the parameters the run needs (the smallest body is an
    empty job, <job/> in XML or {} in JSON).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[str | None, Field(description="The job id, for example M135.")] = None
    name: Annotated[str | None, Field(description="The job's name.")] = None
    description: Annotated[str | None, Field(description="What the job does.")] = None
    type: Annotated[
        CodeValue | None,
        Field(description="The job type; its value is MANUAL, SCHEDULED or OTHER."),
    ] = None
    category: Annotated[CodeValue | None, Field(description="The job category.")] = None
    parameter: list[JobParameterItem] | None = None
    additional_info: Annotated[
        JobAdditionalInfo | None,
        Field(
            description=(
                "Present in the answer to a run. The link's last path segment is the id of the new"
                " instance."
            )
        ),
    ] = None
    link: Annotated[str | None, Field(description="The URL of this job in the API.")] = None


class JobInstanceCounterItem(BaseModel):
    """
    One count the run reports.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[CodeValue | None, Field(description="What is counted.")] = None
    value: Annotated[
        str | int | None,
        Field(description="The count (Alma usually sends it as text).", union_mode="left_to_right"),
    ] = None


class JobInstanceJobInfo(BaseModel):
    """
    The job this run belongs to.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[str | None, Field(description="The job id.")] = None
    name: Annotated[str | None, Field(description="The job's name.")] = None
    description: Annotated[str | None, Field(description="What the job does.")] = None
    type: Annotated[
        CodeValue | None, Field(description="The job type (MANUAL, SCHEDULED or OTHER).")
    ] = None
    category: Annotated[CodeValue | None, Field(description="The job category.")] = None


class JobStatus(StrEnum):
    """
    The state of a job run. The values come from the institution's systemJobStatus code table, so
    other values can appear. A run has ended once its status is one of the COMPLETED_ values, FAILED
    or ABORTED, or once it has an end_time, whatever its status says.
    """

    QUEUED = "QUEUED"
    PENDING = "PENDING"
    INITIALIZING = "INITIALIZING"
    RUNNING = "RUNNING"
    COMPLETED_SUCCESS = "COMPLETED_SUCCESS"
    COMPLETED_NO_BULKS = "COMPLETED_NO_BULKS"
    COMPLETED_WARNINGS = "COMPLETED_WARNINGS"
    COMPLETED_FAILED = "COMPLETED_FAILED"
    FAILED = "FAILED"
    ABORTED = "ABORTED"


class Jobs(BaseModel):
    """
    One page of jobs.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job: Annotated[
        list[Job] | None, Field(description="The jobs on this page; missing when there are none.")
    ] = None
    total_record_count: Annotated[
        int, Field(description="How many jobs match in all, over every page.", ge=0)
    ]


class JobInstanceStatus(BaseModel):
    """
    Where the run is.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: Annotated[JobStatus | str | None, Field(union_mode="left_to_right")] = None
    desc: Annotated[str | None, Field(description="The status in words.")] = None


class JobInstance(BaseModel):
    """
    One run of a job.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[str | None, Field(description="The instance id.")] = None
    external_id: Annotated[
        str | None, Field(description="An id given to the run outside Alma, if any.")
    ] = None
    name: Annotated[str | None, Field(description="The name of the run.")] = None
    submitted_by: Annotated[
        CodeValue | None, Field(description="Who started the run (value is the user's id).")
    ] = None
    submit_time: Annotated[datetime | None, Field(description="When the run was asked for.")] = None
    start_time: Annotated[datetime | None, Field(description="When the run started.")] = None
    end_time: Annotated[
        datetime | None, Field(description="When the run ended; missing while it goes on.")
    ] = None
    progress: Annotated[
        int | None, Field(description="How far the run is, in percent.", ge=0, le=100)
    ] = None
    status: Annotated[JobInstanceStatus | None, Field(description="Where the run is.")] = None
    status_date: Annotated[
        str | None, Field(description="When the status last changed, as Alma writes dates.")
    ] = None
    alerts: Annotated[
        Any | None, Field(description="Alerts the run raised; their form is not documented here.")
    ] = None
    counter: list[JobInstanceCounterItem] | None = None
    actions: Annotated[
        Any | None,
        Field(description="What can be done with the run next; their form is not documented here."),
    ] = None
    job_info: Annotated[
        JobInstanceJobInfo | None, Field(description="The job this run belongs to.")
    ] = None


class JobInstances(BaseModel):
    """
    One page of a job's runs.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job_instance: Annotated[
        list[JobInstance] | None,
        Field(description="The runs on this page; missing when there are none."),
    ] = None
    total_record_count: Annotated[
        int, Field(description="How many runs match in all, over every page.", ge=0)
    ]
