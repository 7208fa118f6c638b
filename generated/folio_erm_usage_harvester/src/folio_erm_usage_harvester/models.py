"""Models of FOLIO eUsage Harvester, generated from its OpenAPI spec; do not edit by hand."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class JobInfoType(StrEnum):
    """
    What the job harvests: periodic run, all providers of the tenant, or one provider
    """

    PERIODIC = "periodic"
    TENANT = "tenant"
    PROVIDER = "provider"


class JobInfoResult(StrEnum):
    """
    How the job ended
    """

    SUCCESS = "success"
    FAILURE = "failure"


class JobInfo(BaseModel):
    """
    One harvesting job: what it harvests, when it ran and how it ended. A job is finished once finishedAt is set.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    Id of the job
    """
    type: JobInfoType | None = None
    """
    What the job harvests: periodic run, all providers of the tenant, or one provider
    """
    provider_id: Annotated[str | None, Field(alias="providerId")] = None
    """
    Id of the usage data provider the job harvests (type provider)
    """
    timestamp: float | None = None
    """
    When the job was created, in milliseconds since the epoch
    """
    started_at: Annotated[AwareDatetime | None, Field(alias="startedAt")] = None
    """
    When the job started
    """
    finished_at: Annotated[AwareDatetime | None, Field(alias="finishedAt")] = None
    """
    When the job finished; absent while it runs
    """
    next_start: Annotated[AwareDatetime | None, Field(alias="nextStart")] = None
    """
    When the next periodic run starts
    """
    result: JobInfoResult | None = None
    """
    How the job ended
    """
    error_message: Annotated[str | None, Field(alias="errorMessage")] = None
    """
    Why the job failed
    """


class JobInfos(BaseModel):
    """
    A page of harvesting jobs
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job_infos: Annotated[list[JobInfo], Field(alias="jobInfos")]
    """
    The jobs of this page
    """
    total_records: Annotated[int, Field(alias="totalRecords")]
    """
    How many jobs match the query in all
    """


class ParametersParameter(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: str | None = None
    value: str | None = None


class Parameters(RootModel[list[ParametersParameter]]):
    """
    Key/value pairs an error is about
    """

    root: list[ParametersParameter]
    """
    Key/value pairs an error is about
    """


class ServiceImplementation(BaseModel):
    """
    A harvester implementation for one kind of usage data service (a COUNTER release, an aggregator)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    name: str
    """
    Display name
    """
    description: str | None = None
    """
    What the implementation harvests
    """
    type: str
    """
    Identifier of the service type, as usage data providers refer to it
    """
    is_aggregator: Annotated[bool, Field(alias="isAggregator")]
    """
    Whether the implementation harvests an aggregator
    """
    is_default: Annotated[bool | None, Field(alias="isDefault")] = None
    """
    Whether this is the default implementation for its release
    """
    report_release: Annotated[str | None, Field(alias="reportRelease")] = None
    """
    COUNTER release the implementation speaks
    """
    supported_reports: Annotated[list[str] | None, Field(alias="supportedReports")] = None
    """
    Report types the implementation can fetch
    """
    configuration_parameters: Annotated[
        list[str] | None, Field(alias="configurationParameters")
    ] = None
    """
    Names of the settings a provider must give for this implementation
    """


class ServiceImplementations(BaseModel):
    """
    The service implementations the harvester offers
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    implementations: list[ServiceImplementation]
    """
    The implementations
    """


class Error(BaseModel):
    """
    One error
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: str
    """
    What went wrong
    """
    type: str | None = None
    """
    Kind of error
    """
    code: str | None = None
    """
    Machine-readable error code
    """
    parameters: Parameters | None = None
    """
    The values the error is about
    """


class Errors(BaseModel):
    """
    Errors FOLIO reports for one request
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: list[Error] | None = None
    """
    The errors
    """
    total_records: int | None = None
    """
    How many errors there are
    """
