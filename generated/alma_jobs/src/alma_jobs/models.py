"""Models of Ex Libris Alma Jobs, generated from its OpenAPI spec; do not edit by hand."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class AlmaErrorErrorListErrorItem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    error_code: Annotated[str | None, Field(alias="errorCode")] = None
    """
    Alma's code for the error, for example 402221.
    """
    error_message: Annotated[str | None, Field(alias="errorMessage")] = None
    """
    What went wrong, in words.
    """
    tracking_id: Annotated[str | None, Field(alias="trackingId")] = None
    """
    An id to quote to Ex Libris support.
    """


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
        json_schema_extra={"xml": {"name": "web_service_result"}},
    )
    errors_exist: Annotated[bool | None, Field(alias="errorsExist")] = None
    """
    True in every error answer.
    """
    error_list: Annotated[AlmaErrorErrorList | None, Field(alias="errorList")] = None
    """
    The errors, one or more.
    """


class CodeValue(BaseModel):
    """
    A code from one of the institution's Alma code tables, with the code's description in the institution's language.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: str | None = None
    """
    The code.
    """
    desc: str | None = None
    """
    What the code means, for people.
    """


class JobParameterItem(BaseModel):
    """
    One parameter of a run.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: CodeValue | None = None
    """
    Which parameter; its value is the parameter's code.
    """
    value: str | None = None
    """
    The value for this run.
    """


class JobAdditionalInfo(BaseModel):
    """
    Present in the answer to a run. The link's last path segment is the id of the new instance.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: str | None = None
    """
    A message about the run, for people.
    """
    link: str | None = None
    """
    The URL of the new job instance.
    """


class Job(BaseModel):
    """
    A job as Alma defines it. Only the fields used here are listed; Alma sends more, and they are kept. To run a job, send it back with only the parameters the run needs (the smallest body is an empty job, <job/> in XML or {} in JSON).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        json_schema_extra={"xml": {"name": "job"}},
    )
    id: str | None = None
    """
    The job id, for example M135.
    """
    name: str | None = None
    """
    The job's name.
    """
    description: str | None = None
    """
    What the job does.
    """
    type: CodeValue | None = None
    """
    The job type; its value is MANUAL, SCHEDULED or OTHER.
    """
    category: CodeValue | None = None
    """
    The job category.
    """
    parameter: list[JobParameterItem] | None = None
    additional_info: JobAdditionalInfo | None = None
    """
    Present in the answer to a run. The link's last path segment is the id of the new instance.
    """
    link: str | None = None
    """
    The URL of this job in the API.
    """


class JobInstanceCounterItem(BaseModel):
    """
    One count the run reports.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: CodeValue | None = None
    """
    What is counted.
    """
    value: str | int | None = None
    """
    The count (Alma usually sends it as text).
    """


class JobInstanceJobInfo(BaseModel):
    """
    The job this run belongs to.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    The job id.
    """
    name: str | None = None
    """
    The job's name.
    """
    description: str | None = None
    """
    What the job does.
    """
    type: CodeValue | None = None
    """
    The job type (MANUAL, SCHEDULED or OTHER).
    """
    category: CodeValue | None = None
    """
    The job category.
    """


class JobStatusJobStatus(StrEnum):
    """
    The state of a job run. The values come from the institution's systemJobStatus code table, so other values can appear. A run has ended once its status is one of the COMPLETED_ values, FAILED or ABORTED, or once it has an end_time, whatever its status says.
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


class JobStatus(RootModel[JobStatusJobStatus | str]):
    root: JobStatusJobStatus | str
    """
    The state of a job run. The values come from the institution's systemJobStatus code table, so other values can appear. A run has ended once its status is one of the COMPLETED_ values, FAILED or ABORTED, or once it has an end_time, whatever its status says.
    """


class Jobs(BaseModel):
    """
    One page of jobs.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        json_schema_extra={"xml": {"name": "jobs"}},
    )
    job: list[Job] | None = None
    """
    The jobs on this page; missing when there are none.
    """
    total_record_count: Annotated[int, Field(ge=0)]
    """
    How many jobs match in all, over every page.
    """


class JobInstanceStatus(BaseModel):
    """
    Where the run is.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    value: JobStatus | None = None
    desc: str | None = None
    """
    The status in words.
    """


class JobInstance(BaseModel):
    """
    One run of a job.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        json_schema_extra={"xml": {"name": "job_instance"}},
    )
    id: str | None = None
    """
    The instance id.
    """
    external_id: str | None = None
    """
    An id given to the run outside Alma, if any.
    """
    name: str | None = None
    """
    The name of the run.
    """
    submitted_by: CodeValue | None = None
    """
    Who started the run (value is the user's id).
    """
    submit_time: AwareDatetime | None = None
    """
    When the run was asked for.
    """
    start_time: AwareDatetime | None = None
    """
    When the run started.
    """
    end_time: AwareDatetime | None = None
    """
    When the run ended; missing while it goes on.
    """
    progress: Annotated[int | None, Field(ge=0, le=100)] = None
    """
    How far the run is, in percent.
    """
    status: JobInstanceStatus | None = None
    """
    Where the run is.
    """
    status_date: str | None = None
    """
    When the status last changed, as Alma writes dates.
    """
    alerts: Any | None = None
    """
    Alerts the run raised; their form is not documented here.
    """
    counter: list[JobInstanceCounterItem] | None = None
    actions: Any | None = None
    """
    What can be done with the run next; their form is not documented here.
    """
    job_info: JobInstanceJobInfo | None = None
    """
    The job this run belongs to.
    """


class JobInstances(BaseModel):
    """
    One page of a job's runs.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        json_schema_extra={"xml": {"name": "job_instances"}},
    )
    job_instance: list[JobInstance] | None = None
    """
    The runs on this page; missing when there are none.
    """
    total_record_count: Annotated[int, Field(ge=0)]
    """
    How many runs match in all, over every page.
    """
