"""Models of FOLIO Orders Storage Batch Tracking, generated from its OpenAPI spec; do not edit by hand."""

from __future__ import annotations

from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class Metadata(BaseModel):
    """
    Who created and last changed the record, and when; set by the server, never by the client
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    created_date: Annotated[AwareDatetime, Field(alias="createdDate")]
    """
    When the record was created
    """
    created_by_user_id: Annotated[
        str | None,
        Field(
            alias="createdByUserId",
            pattern="^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$",
        ),
    ] = None
    """
    Id of the user who created the record, when known
    """
    created_by_username: Annotated[str | None, Field(alias="createdByUsername")] = None
    """
    Username of the user who created the record, when known
    """
    updated_date: Annotated[AwareDatetime | None, Field(alias="updatedDate")] = None
    """
    When the record was last changed
    """
    updated_by_user_id: Annotated[
        str | None,
        Field(
            alias="updatedByUserId",
            pattern="^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$",
        ),
    ] = None
    """
    Id of the user who last changed the record, when known
    """
    updated_by_username: Annotated[str | None, Field(alias="updatedByUsername")] = None
    """
    Username of the user who last changed the record, when known
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


class UUID(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern="^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
        ),
    ]


class Uuid(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern="^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
        ),
    ]
    """
    A UUID (versions 1 to 5)
    """


class BatchTracking(BaseModel):
    """
    Progress of one batch of item events that mod-orders-storage aggregates (Kafka). The batch is complete when processedCount reaches totalRecords.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Uuid | None = None
    """
    Id of the batch
    """
    processed_count: Annotated[int | None, Field(alias="processedCount", ge=0)] = 0
    """
    How many records of the batch have been processed
    """
    total_records: Annotated[int, Field(alias="totalRecords", ge=1)]
    """
    How many records the batch holds
    """
    created_date: Annotated[AwareDatetime | None, Field(alias="createdDate")] = None
    """
    When the batch tracking record was created
    """
    field_version: Annotated[int | None, Field(alias="_version")] = None
    """
    Record version, for optimistic locking
    """
    metadata: Metadata | None = None


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
