"""Models of FOLIO eUsage Harvester.

Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType


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
    One harvesting job: what it harvests, when it ran and how it ended. A job is finished once
    finishedAt is set.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[str | None, Field(description="Id of the job")] = None
    type: Annotated[
        JobInfoType | None,
        Field(
            description=(
                "What the job harvests: periodic run, all providers of the tenant, or one provider"
            )
        ),
    ] = None
    provider_id: Annotated[
        str | None,
        Field(
            alias="providerId",
            description="Id of the usage data provider the job harvests (type provider)",
        ),
    ] = None
    timestamp: Annotated[
        float | None, Field(description="When the job was created, in milliseconds since the epoch")
    ] = None
    started_at: Annotated[
        datetime | None, Field(alias="startedAt", description="When the job started")
    ] = None
    finished_at: Annotated[
        datetime | None,
        Field(alias="finishedAt", description="When the job finished; absent while it runs"),
    ] = None
    next_start: Annotated[
        datetime | None, Field(alias="nextStart", description="When the next periodic run starts")
    ] = None
    result: Annotated[JobInfoResult | None, Field(description="How the job ended")] = None
    error_message: Annotated[
        str | None, Field(alias="errorMessage", description="Why the job failed")
    ] = None


class JobInfos(BaseModel):
    """
    A page of harvesting jobs
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job_infos: Annotated[
        list[JobInfo], Field(alias="jobInfos", description="The jobs of this page")
    ]
    total_records: Annotated[
        int, Field(alias="totalRecords", description="How many jobs match the query in all")
    ]


class ParametersParameter(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: str | None = None
    value: str | None = None


Parameters = TypeAliasType(
    "Parameters",
    Annotated[list[ParametersParameter], Field(description="Key/value pairs an error is about")],
)
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
    name: Annotated[str, Field(description="Display name")]
    description: Annotated[str | None, Field(description="What the implementation harvests")] = None
    type: Annotated[
        str,
        Field(description="Identifier of the service type, as usage data providers refer to it"),
    ]
    is_aggregator: Annotated[
        bool,
        Field(
            alias="isAggregator", description="Whether the implementation harvests an aggregator"
        ),
    ]
    is_default: Annotated[
        bool | None,
        Field(
            alias="isDefault",
            description="Whether this is the default implementation for its release",
        ),
    ] = None
    report_release: Annotated[
        str | None,
        Field(alias="reportRelease", description="COUNTER release the implementation speaks"),
    ] = None
    supported_reports: Annotated[
        list[str] | None,
        Field(alias="supportedReports", description="Report types the implementation can fetch"),
    ] = None
    configuration_parameters: Annotated[
        list[str] | None,
        Field(
            alias="configurationParameters",
            description="Names of the settings a provider must give for this implementation",
        ),
    ] = None


class ServiceImplementations(BaseModel):
    """
    The service implementations the harvester offers
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    implementations: Annotated[
        list[ServiceImplementation], Field(description="The implementations")
    ]


class Error(BaseModel):
    """
    One error
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: Annotated[str, Field(description="What went wrong")]
    type: Annotated[str | None, Field(description="Kind of error")] = None
    code: Annotated[str | None, Field(description="Machine-readable error code")] = None
    parameters: Annotated[Parameters | None, Field(description="The values the error is about")] = (
        None
    )


class Errors(BaseModel):
    """
    Errors FOLIO reports for one request
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: Annotated[list[Error] | None, Field(description="The errors")] = None
    total_records: Annotated[int | None, Field(description="How many errors there are")] = None
