"""The jobs of ``bench.runtime`` as msgspec Structs, written by hand after the generated models
(folio_data_export_spring's JobCollection, Job, Metadata, Progress, ExportTypeSpecificParameters):
what an opt-in faster model engine would buy over pydantic. msgspec is no dependency of the
generated packages; ``make bench`` runs this in a venv of its own that has msgspec only.

The same field types and constraints (UUID, datetime, the four StrEnums, max_length, ge/le,
defaults), with one difference that favours msgspec: it has no ``extra="allow"``, so unknown
fields are dropped where the generated models keep them. The nested export configurations,
absent from the measured jobs, are loose dicts here.
"""

from __future__ import annotations

import datetime
import enum
import uuid
from typing import Annotated, Any

import msgspec

Name = Annotated[str, msgspec.Meta(max_length=100)]
Source = Annotated[str, msgspec.Meta(max_length=50)]
Query = Annotated[str, msgspec.Meta(max_length=5000)]
Count = Annotated[int, msgspec.Meta(ge=0)]
Percent = Annotated[int, msgspec.Meta(ge=0, le=100)]


class ExportType(enum.StrEnum):
    CIRCULATION_LOG = "CIRCULATION_LOG"
    BURSAR_FEES_FINES = "BURSAR_FEES_FINES"
    BATCH_VOUCHER_EXPORT = "BATCH_VOUCHER_EXPORT"
    EDIFACT_ORDERS_EXPORT = "EDIFACT_ORDERS_EXPORT"
    CLAIMS = "CLAIMS"
    ORDERS_EXPORT = "ORDERS_EXPORT"
    INVOICE_EXPORT = "INVOICE_EXPORT"
    E_HOLDINGS = "E_HOLDINGS"
    AUTH_HEADINGS_UPDATES = "AUTH_HEADINGS_UPDATES"
    FAILED_LINKED_BIB_UPDATES = "FAILED_LINKED_BIB_UPDATES"


class JobStatus(enum.StrEnum):
    SCHEDULED = "SCHEDULED"
    IN_PROGRESS = "IN_PROGRESS"
    SUCCESSFUL = "SUCCESSFUL"
    FAILED = "FAILED"


class IdentifierType(enum.StrEnum):
    ID = "ID"
    BARCODE = "BARCODE"
    HRID = "HRID"
    FORMER_IDS = "FORMER_IDS"
    ACCESSION_NUMBER = "ACCESSION_NUMBER"
    HOLDINGS_RECORD_ID = "HOLDINGS_RECORD_ID"
    USER_NAME = "USER_NAME"
    EXTERNAL_SYSTEM_ID = "EXTERNAL_SYSTEM_ID"
    INSTANCE_HRID = "INSTANCE_HRID"
    ITEM_BARCODE = "ITEM_BARCODE"
    ISBN = "ISBN"
    ISSN = "ISSN"


class EntityType(enum.StrEnum):
    USER = "USER"
    ITEM = "ITEM"
    HOLDINGS_RECORD = "HOLDINGS_RECORD"
    INSTANCE = "INSTANCE"


class Metadata(msgspec.Struct, rename="camel", kw_only=True):
    created_date: datetime.datetime | None = None
    created_by_user_id: uuid.UUID | None = None
    created_by_username: Source | None = None
    updated_date: datetime.datetime | None = None
    updated_by_user_id: uuid.UUID | None = None
    updated_by_username: Source | None = None


class Progress(msgspec.Struct, kw_only=True):
    total: Count | None = 0
    processed: Count | None = 0
    progress: Percent | None = 0
    success: Count | None = 0
    errors: Count | None = 0
    warnings: Count | None = 0


class ExportTypeSpecificParameters(msgspec.Struct, rename="camel", kw_only=True):
    bursar_fee_fines: dict[str, Any] | None = None
    vendor_edi_orders_export_config: dict[str, Any] | None = None
    query: Query | None = None
    e_holdings_export_config: dict[str, Any] | None = None
    authority_control_export_config: dict[str, Any] | None = None


class Job(msgspec.Struct, rename="camel", kw_only=True):
    id: uuid.UUID | None = None
    name: Name | None = None
    description: str | None = None
    source: Source | None = None
    is_system_source: bool | None = None
    tenant: str | None = None
    type: ExportType
    export_type_specific_parameters: ExportTypeSpecificParameters
    status: JobStatus | None = None
    files: list[str] | None = None
    file_names: list[str] | None = None
    start_time: datetime.datetime | None = None
    end_time: datetime.datetime | None = None
    metadata: Metadata | None = None
    output_format: str | None = None
    error_details: str | None = None
    identifier_type: IdentifierType | None = None
    entity_type: EntityType | None = None
    progress: Progress | None = None


class JobCollection(msgspec.Struct, rename="camel", kw_only=True):
    job_records: list[Job]
    total_records: int


DECODER = msgspec.json.Decoder(JobCollection)
