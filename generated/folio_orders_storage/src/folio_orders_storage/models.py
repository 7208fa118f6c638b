"""Models of FOLIO Orders Storage Batch Tracking.

Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType


class Metadata(BaseModel):
    """
    Who created and last changed the record, and when; set by the server, never by the client
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    created_date: Annotated[
        datetime, Field(alias="createdDate", description="When the record was created")
    ]
    created_by_user_id: Annotated[
        str | None,
        Field(
            alias="createdByUserId",
            description="Id of the user who created the record, when known",
            pattern="^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$",
        ),
    ] = None
    created_by_username: Annotated[
        str | None,
        Field(
            alias="createdByUsername",
            description="Username of the user who created the record, when known",
        ),
    ] = None
    updated_date: Annotated[
        datetime | None, Field(alias="updatedDate", description="When the record was last changed")
    ] = None
    updated_by_user_id: Annotated[
        str | None,
        Field(
            alias="updatedByUserId",
            description="Id of the user who last changed the record, when known",
            pattern="^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$",
        ),
    ] = None
    updated_by_username: Annotated[
        str | None,
        Field(
            alias="updatedByUsername",
            description="Username of the user who last changed the record, when known",
        ),
    ] = None


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


UUID = TypeAliasType(
    "UUID",
    Annotated[
        str,
        Field(
            pattern="^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
        ),
    ],
)


Uuid = TypeAliasType(
    "Uuid",
    Annotated[
        str,
        Field(
            description="A UUID (versions 1 to 5)",
            pattern="^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$",
        ),
    ],
)


class BatchTracking(BaseModel):
    """
    Progress of one batch of item events that mod-orders-storage aggregates (Kafka). The batch is
    complete when processedCount reaches totalRecords.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[Uuid | None, Field(description="Id of the batch")] = None
    processed_count: Annotated[
        int | None,
        Field(
            alias="processedCount",
            description="How many records of the batch have been processed",
            ge=0,
        ),
    ] = 0
    total_records: Annotated[
        int, Field(alias="totalRecords", description="How many records the batch holds", ge=1)
    ]
    created_date: Annotated[
        datetime | None,
        Field(alias="createdDate", description="When the batch tracking record was created"),
    ] = None
    version: Annotated[
        int | None, Field(alias="_version", description="Record version, for optimistic locking")
    ] = None
    metadata: Metadata | None = None


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
