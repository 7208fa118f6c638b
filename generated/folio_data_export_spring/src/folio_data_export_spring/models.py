"""Models of FOLIO Data Export Spring.

Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, Union
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType


class Address(BaseModel):
    """
    Address
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[str | None, Field(description="A unique id for this address")] = None
    country_id: Annotated[
        str | None, Field(alias="countryId", description="The country code for this address")
    ] = None
    address_line1: Annotated[
        str | None, Field(alias="addressLine1", description="Address, line 1")
    ] = None
    address_line2: Annotated[
        str | None, Field(alias="addressLine2", description="Address, line 2")
    ] = None
    city: Annotated[str | None, Field(description="City name")] = None
    region: Annotated[str | None, Field(description="Region")] = None
    postal_code: Annotated[str | None, Field(alias="postalCode", description="Postal code")] = None
    address_type_id: Annotated[
        str | None,
        Field(
            alias="addressTypeId", description="A UUID that corresponds with an address type object"
        ),
    ] = None
    primary_address: Annotated[
        bool | None,
        Field(alias="primaryAddress", description="Is this the user's primary address?"),
    ] = None


class AuthorityControlExportConfig(BaseModel):
    """
    Export parameters for the Authority Control functionality
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    from_date: Annotated[date, Field(alias="fromDate", description="Report date range start")]
    to_date: Annotated[date, Field(alias="toDate", description="Report date range end")]


class BursarExportFilterAgeCondition(StrEnum):
    """
    Condition to get the range of days
    """

    LESS_THAN_EQUAL = "LESS_THAN_EQUAL"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN = "GREATER_THAN"
    GREATER_THAN_EQUAL = "GREATER_THAN_EQUAL"


class BursarExportFilterAge(BaseModel):
    """
    Filter by fees within a certain range of days
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Age"], Field(description="Type of filter")]
    num_days: Annotated[int, Field(alias="numDays", description="Number of days", ge=1)]
    condition: Annotated[
        BursarExportFilterAgeCondition, Field(description="Condition to get the range of days")
    ]


class BursarExportFilterAggregateProperty(StrEnum):
    """
    Property to filter on
    """

    NUM_ROWS = "NUM_ROWS"
    TOTAL_AMOUNT = "TOTAL_AMOUNT"


class BursarExportFilterAggregateCondition(StrEnum):
    """
    Condition to filter on
    """

    LESS_THAN_EQUAL = "LESS_THAN_EQUAL"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN = "GREATER_THAN"
    GREATER_THAN_EQUAL = "GREATER_THAN_EQUAL"


class BursarExportFilterAggregate(BaseModel):
    """
    Filter by aggregate data
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[str, Field(description="Type of filter")]
    property: Annotated[
        BursarExportFilterAggregateProperty, Field(description="Property to filter on")
    ]
    amount: Annotated[int, Field(description="Amount to filter on")]
    condition: Annotated[
        BursarExportFilterAggregateCondition, Field(description="Condition to filter on")
    ]


class BursarExportFilterAmountCondition(StrEnum):
    """
    Condition to filter by
    """

    LESS_THAN_EQUAL = "LESS_THAN_EQUAL"
    LESS_THAN = "LESS_THAN"
    GREATER_THAN = "GREATER_THAN"
    GREATER_THAN_EQUAL = "GREATER_THAN_EQUAL"


class BursarExportFilterAmount(BaseModel):
    """
    Filter by fee amount
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Amount"], Field(description="Type of filter")]
    amount: Annotated[int, Field(description="Amount to filter by")]
    condition: Annotated[
        BursarExportFilterAmountCondition, Field(description="Condition to filter by")
    ]


class BursarExportFilterConditionOperation(StrEnum):
    """
    Logical operation of the filter
    """

    AND = "AND"
    OR = "OR"


class BursarExportFilterFeeFineOwner(BaseModel):
    """
    Filter by fee/fine owner
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["FeeFineOwner"], Field(description="Type of filter")]
    fee_fine_owner: Annotated[
        UUID, Field(alias="feeFineOwner", description="Id of the fee/fine owner to filter by")
    ]


class BursarExportFilterFeeType(BaseModel):
    """
    Filter by fee type
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["FeeType"], Field(description="Type of filter")]
    fee_fine_type_id: Annotated[
        UUID, Field(alias="feeFineTypeId", description="Id of the fee/fine type to filter by")
    ]


class BursarExportFilterLocation(BaseModel):
    """
    Filter by location
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Location"], Field(description="Type of filter")]
    location_id: Annotated[
        UUID, Field(alias="locationId", description="Id of the location to filter by")
    ]


class BursarExportFilterPass(BaseModel):
    """
    Filter that is always true
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Pass"], Field(description="Type of filter")]


class BursarExportFilterPatronGroup(BaseModel):
    """
    Filter by patron group
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["PatronGroup"], Field(description="Type of filter")]
    patron_group_id: Annotated[
        UUID, Field(alias="patronGroupId", description="Id of the patron group to filter by")
    ]


class BursarExportFilterServicePoint(BaseModel):
    """
    Filter by service point
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["ServicePoint"], Field(description="Type of filter")]
    service_point_id: Annotated[
        UUID, Field(alias="servicePointId", description="Id of the service point to filter by")
    ]


class BursarExportTokenAggregateValue(StrEnum):
    """
    Data to represent
    """

    NUM_ROWS = "NUM_ROWS"
    TOTAL_AMOUNT = "TOTAL_AMOUNT"


class BursarExportTokenConstant(BaseModel):
    """
    Token to represent a constant used as an arbitrary string
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Constant"], Field(description="Type of data token")]
    value: Annotated[str, Field(description="Value of the constant")]


class BursarExportTokenDateType(StrEnum):
    """
    The type of date information to represent
    """

    YEAR_LONG = "YEAR_LONG"
    YEAR_SHORT = "YEAR_SHORT"
    MONTH = "MONTH"
    DATE = "DATE"
    HOUR = "HOUR"
    MINUTE = "MINUTE"
    SECOND = "SECOND"
    QUARTER = "QUARTER"
    WEEK_OF_YEAR_ISO = "WEEK_OF_YEAR_ISO"
    WEEK_YEAR_ISO = "WEEK_YEAR_ISO"
    DAY_OF_YEAR = "DAY_OF_YEAR"
    YYYYMMDD = "YYYYMMDD"
    YYYY_MM_DD = "YYYY-MM-DD"
    MMDDYYYY = "MMDDYYYY"
    DDMMYYYY = "DDMMYYYY"


class BursarExportTokenFeeDateProperty(StrEnum):
    """
    Property of the fee to be represented by the token
    """

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DUE = "DUE"
    RETURNED = "RETURNED"


class BursarExportTokenFeeMetadataValue(StrEnum):
    """
    Metadata to represent
    """

    FEE_FINE_TYPE_ID = "FEE_FINE_TYPE_ID"
    FEE_FINE_TYPE_NAME = "FEE_FINE_TYPE_NAME"


class BursarExportTokenItemDataValue(StrEnum):
    """
    Item data to represent
    """

    BARCODE = "BARCODE"
    NAME = "NAME"
    MATERIAL_TYPE = "MATERIAL_TYPE"
    INSTITUTION_ID = "INSTITUTION_ID"
    CAMPUS_ID = "CAMPUS_ID"
    LIBRARY_ID = "LIBRARY_ID"
    LOCATION_ID = "LOCATION_ID"


class BursarExportTokenLengthControlDirection(StrEnum):
    """
    Direction to fill in or truncate from
    """

    FRONT = "FRONT"
    BACK = "BACK"


class BursarExportTokenLengthControl(BaseModel):
    """
    Fills in or truncates another token to a length
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    character: Annotated[str, Field(description="Character to fill in with", max_length=1)]
    length: Annotated[int, Field(description="Desired length of the token")]
    direction: Annotated[
        BursarExportTokenLengthControlDirection,
        Field(description="Direction to fill in or truncate from"),
    ]
    truncate: Annotated[
        bool,
        Field(description="Whether to truncate the token if it is longer than the desired length"),
    ]


class BursarExportTokenUserData(BaseModel):
    """
    Token to represent user data
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["UserData"], Field(description="Type of data token")]
    value: Annotated[Literal["FOLIO_ID"], Field(description="User data to represent")]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTokenUserDataOptionalValue(StrEnum):
    """
    Optional user data to represent
    """

    BARCODE = "BARCODE"
    USERNAME = "USERNAME"
    FIRST_NAME = "FIRST_NAME"
    MIDDLE_NAME = "MIDDLE_NAME"
    LAST_NAME = "LAST_NAME"
    PATRON_GROUP_ID = "PATRON_GROUP_ID"
    EXTERNAL_SYSTEM_ID = "EXTERNAL_SYSTEM_ID"


class BursarExportTokenUserDataOptional(BaseModel):
    """
    Token to represent optional user data
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["UserDataOptional"], Field(description="Type of data token")]
    value: Annotated[
        BursarExportTokenUserDataOptionalValue, Field(description="Optional user data to represent")
    ]
    placeholder: Annotated[
        str, Field(description="Placeholder text to use when no value is present")
    ]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTransferCriteriaElse(BaseModel):
    """
    If none of the specified conditions is met
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    account: Annotated[
        UUID | None,
        Field(
            description="Account to transfer fees/fines that do not meet any specified condition to"
        ),
    ] = None


class Diagnostic(BaseModel):
    """
    Diagnostic information
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: Annotated[
        str | None, Field(description="Source reporting the diagnostic information")
    ] = None
    code: Annotated[str | None, Field(description="Diagnostic code")] = None
    message: Annotated[str | None, Field(description="Diagnostic message")] = None
    module: Annotated[str | None, Field(description="Module reporting diagnostic information")] = (
        None
    )
    record_count: Annotated[
        int | None, Field(alias="recordCount", description="Record count for diagnostics")
    ] = None
    query: Annotated[str | None, Field(description="CQL query associated with results")] = None


class EHoldingsExportConfigRecordType(StrEnum):
    """
    The record type
    """

    PACKAGE = "PACKAGE"
    RESOURCE = "RESOURCE"


class EHoldingsExportConfig(BaseModel):
    """
    Export parameters for the eHoldings application
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    record_id: Annotated[
        str,
        Field(
            alias="recordId",
            description="Unique identifier of the package - combination of providerId-packageId",
        ),
    ]
    record_type: Annotated[
        EHoldingsExportConfigRecordType, Field(alias="recordType", description="The record type")
    ]
    title_search_filters: Annotated[
        str | None,
        Field(
            alias="titleSearchFilters", description="The filters needed to filter package titles"
        ),
    ] = None
    package_fields: Annotated[
        list[str] | None,
        Field(alias="packageFields", description="The list of package fields for export"),
    ] = None
    title_fields: Annotated[
        list[str] | None,
        Field(alias="titleFields", description="The list of title fields for export"),
    ] = None


class EdiConfigLibEdiType(StrEnum):
    """
    The library type for this EDI
    """

    VALUE_014_EAN = "014/EAN"
    VALUE_31B_US_SAN = "31B/US-SAN"
    VALUE_091_VENDOR_ASSIGNED = "091/Vendor-assigned"
    VALUE_092_CUSTOMER_ASSIGNED = "092/Customer-assigned"


class EdiConfigVendorEdiType(StrEnum):
    """
    The vendor type for this EDI
    """

    VALUE_014_EAN = "014/EAN"
    VALUE_31B_US_SAN = "31B/US-SAN"
    VALUE_091_VENDOR_ASSIGNED = "091/Vendor-assigned"
    VALUE_092_CUSTOMER_ASSIGNED = "092/Customer-assigned"


class EdiConfig(BaseModel):
    """
    EDI config
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    account_no_list: Annotated[
        list[str] | None,
        Field(alias="accountNoList", description="The list of account numbers of the vendor"),
    ] = None
    default_acquisition_methods: Annotated[
        list[UUID] | None,
        Field(
            alias="defaultAcquisitionMethods",
            description="Default acquisition methods for the accounts",
        ),
    ] = None
    edi_naming_convention: Annotated[
        str | None,
        Field(alias="ediNamingConvention", description="The naming convention for this EDI"),
    ] = None
    lib_edi_code: Annotated[
        str | None, Field(alias="libEdiCode", description="The library code for this EDI")
    ] = None
    lib_edi_type: Annotated[
        EdiConfigLibEdiType | None,
        Field(alias="libEdiType", description="The library type for this EDI"),
    ] = None
    vendor_edi_code: Annotated[
        str | None, Field(alias="vendorEdiCode", description="The vendor code for this EDI")
    ] = None
    vendor_edi_type: Annotated[
        EdiConfigVendorEdiType | None,
        Field(alias="vendorEdiType", description="The vendor type for this EDI"),
    ] = None
    notes: Annotated[str | None, Field(description="The notes for this EDI")] = None
    send_account_number: Annotated[
        bool | None,
        Field(alias="sendAccountNumber", description="If true then send the account number"),
    ] = False
    support_order: Annotated[
        bool | None, Field(alias="supportOrder", description="If true then orders are supported")
    ] = False
    support_invoice: Annotated[
        bool | None,
        Field(alias="supportInvoice", description="If true then invoices are supported"),
    ] = False


class EdiFtpFtpConnMode(StrEnum):
    """
    The FTP connection mode for this EDI
    """

    ACTIVE = "Active"
    PASSIVE = "Passive"


class EdiFtpFtpFormat(StrEnum):
    """
    The FTP format for this EDI
    """

    SFTP = "SFTP"
    FTP = "FTP"


class EdiFtpFtpMode(StrEnum):
    """
    The FTP mode for this EDI
    """

    ASCII = "ASCII"
    BINARY = "Binary"


class EdiFtp(BaseModel):
    """
    The FTP object for this EDI
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    ftp_conn_mode: Annotated[
        EdiFtpFtpConnMode | None,
        Field(alias="ftpConnMode", description="The FTP connection mode for this EDI"),
    ] = None
    ftp_format: Annotated[
        EdiFtpFtpFormat | None, Field(alias="ftpFormat", description="The FTP format for this EDI")
    ] = None
    ftp_mode: Annotated[
        EdiFtpFtpMode | None, Field(alias="ftpMode", description="The FTP mode for this EDI")
    ] = None
    ftp_port: Annotated[int | None, Field(alias="ftpPort", description="The port for this EDI")] = (
        None
    )
    invoice_directory: Annotated[
        str | None,
        Field(alias="invoiceDirectory", description="The invoice directory for this EDI"),
    ] = None
    is_primary_transmission_method: Annotated[
        bool | None,
        Field(alias="isPrimaryTransmissionMethod", description="Primary transmission method"),
    ] = None
    notes: Annotated[str | None, Field(description="The notes for this EDI")] = None
    order_directory: Annotated[
        str | None, Field(alias="orderDirectory", description="The order directory for this EDI")
    ] = None
    password: Annotated[
        str | None, Field(description="The login password for this EDI", repr=False)
    ] = None
    server_address: Annotated[
        str | None, Field(alias="serverAddress", description="The server address for this EDI")
    ] = None
    username: Annotated[str | None, Field(description="The login username for this EDI")] = None


class EntityType(StrEnum):
    """
    Entity type
    """

    USER = "USER"
    ITEM = "ITEM"
    HOLDINGS_RECORD = "HOLDINGS_RECORD"
    INSTANCE = "INSTANCE"


class ErrorType(StrEnum):
    """
    Type of error
    """

    ERROR = "ERROR"
    WARNING = "WARNING"


class ExportType(StrEnum):
    """
    Type of export
    """

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


class FacetValue(BaseModel):
    """
    A facet value
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    count: Annotated[int | None, Field(description="Count of facet values")] = None
    value: Annotated[dict[str, Any] | None, Field(description="Value object")] = None


class IdentifierType(StrEnum):
    """
    Identifier type
    """

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


class JobStatus(StrEnum):
    """
    Job status
    """

    SCHEDULED = "SCHEDULED"
    IN_PROGRESS = "IN_PROGRESS"
    SUCCESSFUL = "SUCCESSFUL"
    FAILED = "FAILED"


LegacyBursarFeeFinesPatronGroup = TypeAliasType(
    "LegacyBursarFeeFinesPatronGroup", Annotated[str, Field(min_length=1)]
)


class LegacyBursarFeeFinesTypeMappingItemCode(StrEnum):
    CHARGE = "CHARGE"
    PAYMENT = "PAYMENT"


class LegacyBursarFeeFinesTypeMapping(BaseModel):
    """
    Migration - fees and fines bursar type mapping (legacy format)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    feefine_type_id: Annotated[UUID, Field(alias="feefineTypeId")]
    item_type: Annotated[str | None, Field(alias="itemType", max_length=12, min_length=1)] = None
    item_description: Annotated[
        str | None, Field(alias="itemDescription", max_length=30, min_length=1)
    ] = None
    item_code: Annotated[
        LegacyBursarFeeFinesTypeMappingItemCode | None, Field(alias="itemCode")
    ] = None


class Metadata(BaseModel):
    """
    Metadata about creation and changes to records, provided by the server (client should not
    provide)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    created_date: Annotated[
        datetime | None,
        Field(alias="createdDate", description="Date and time when the record was created"),
    ] = None
    created_by_user_id: Annotated[
        UUID | None,
        Field(
            alias="createdByUserId",
            description="ID of the user who created the record (when available)",
        ),
    ] = None
    created_by_username: Annotated[
        str | None,
        Field(
            alias="createdByUsername",
            description="Username of the user who created the record (when available)",
            max_length=50,
        ),
    ] = None
    updated_date: Annotated[
        datetime | None,
        Field(alias="updatedDate", description="Date and time when the record was last updated"),
    ] = None
    updated_by_user_id: Annotated[
        UUID | None,
        Field(
            alias="updatedByUserId",
            description="ID of the user who last updated the record (when available)",
        ),
    ] = None
    updated_by_username: Annotated[
        str | None,
        Field(
            alias="updatedByUsername",
            description="Username of the user who last updated the record (when available)",
            max_length=50,
        ),
    ] = None


class Parameter(BaseModel):
    """
    A key/value parameter of an error
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    key: Annotated[str, Field(min_length=1)]
    value: str | None = None


Parameters = TypeAliasType(
    "Parameters",
    Annotated[list[Parameter], Field(description="List of key/value parameters of an error")],
)
"""
List of key/value parameters of an error
"""


class Personal(BaseModel):
    """
    Personal information about the user
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    last_name: Annotated[str, Field(alias="lastName", description="The user's surname")]
    first_name: Annotated[
        str | None, Field(alias="firstName", description="The user's given name")
    ] = None
    middle_name: Annotated[
        str | None, Field(alias="middleName", description="The user's middle name (if any)")
    ] = None
    preferred_first_name: Annotated[
        str | None, Field(alias="preferredFirstName", description="The user's preferred name")
    ] = None
    email: Annotated[str | None, Field(description="The user's email address")] = None
    phone: Annotated[str | None, Field(description="The user's primary phone number")] = None
    mobile_phone: Annotated[
        str | None, Field(alias="mobilePhone", description="The user's mobile phone number")
    ] = None
    date_of_birth: Annotated[
        datetime | None, Field(alias="dateOfBirth", description="The user's birth date")
    ] = None
    addresses: Annotated[
        list[Address] | None,
        Field(description="Physical addresses associated with the user", min_length=0),
    ] = None
    preferred_contact_type_id: Annotated[
        str | None,
        Field(
            alias="preferredContactTypeId", description="Id of the user's preferred contact type"
        ),
    ] = None
    profile_picture_link: Annotated[
        str | None, Field(alias="profilePictureLink", description="Link to the profile picture")
    ] = None


class PresignedUrl(BaseModel):
    """
    Presigned URL for download
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    url: Annotated[str, Field(description="Presigned URL for download")]


class Progress(BaseModel):
    """
    Progress for the records being processed
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    total: Annotated[
        int | None, Field(description="Total number of records being processed", ge=0)
    ] = 0
    processed: Annotated[
        int | None, Field(description="Current number of records already processed", ge=0)
    ] = 0
    progress: Annotated[int | None, Field(description="Current progress in %", ge=0, le=100)] = 0
    success: Annotated[
        int | None, Field(description="Current number of successfully processed records", ge=0)
    ] = 0
    errors: Annotated[int | None, Field(description="Current number of errors", ge=0)] = 0
    warnings: Annotated[int | None, Field(description="Current number of warnings", ge=0)] = 0


class ScheduleParametersSchedulePeriod(StrEnum):
    """
    Time period for repeating the job
    """

    MONTH = "MONTH"
    WEEK = "WEEK"
    DAY = "DAY"
    HOUR = "HOUR"
    EXACT_DATE = "EXACT_DATE"
    NONE = "NONE"


class ScheduleParametersWeekDay(StrEnum):
    """
    Day of week
    """

    MONDAY = "MONDAY"
    TUESDAY = "TUESDAY"
    WEDNESDAY = "WEDNESDAY"
    THURSDAY = "THURSDAY"
    FRIDAY = "FRIDAY"
    SATURDAY = "SATURDAY"
    SUNDAY = "SUNDAY"


class ScheduleParameters(BaseModel):
    """
    When and how often the EDI export job runs
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[UUID | None, Field(description="Schedule unique identifier")] = None
    schedule_frequency: Annotated[
        int | None, Field(alias="scheduleFrequency", description="Number of time periods")
    ] = None
    schedule_period: Annotated[
        ScheduleParametersSchedulePeriod | None,
        Field(alias="schedulePeriod", description="Time period for repeating the job"),
    ] = None
    scheduling_date: Annotated[
        datetime | None,
        Field(alias="schedulingDate", description="The date for this job to start running"),
    ] = None
    schedule_time: Annotated[
        str | None, Field(alias="scheduleTime", description="Time to run the job")
    ] = None
    schedule_day: Annotated[
        int | None,
        Field(alias="scheduleDay", description="Day of month to run the job (one-based)"),
    ] = None
    week_days: Annotated[
        list[ScheduleParametersWeekDay] | None,
        Field(alias="weekDays", description="Days of week to run the job"),
    ] = None
    time_zone: Annotated[str | None, Field(alias="timeZone", description="Schedule time zone")] = (
        "UTC"
    )


class Tags(BaseModel):
    """
    List of simple tags that can be added to an object
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    tag_list: Annotated[list[str] | None, Field(alias="tagList", description="List of tags")] = None


UUIDModel = TypeAliasType("UUIDModel", UUID)


class UserPreferredEmailCommunicationEnum(StrEnum):
    SUPPORT = "Support"
    PROGRAMS = "Programs"
    SERVICES = "Services"


class User(BaseModel):
    """
    A user
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    username: Annotated[
        str | None, Field(description="A unique name belonging to a user. Typically used for login")
    ] = None
    id: Annotated[
        str | None, Field(description="A globally unique (UUID) identifier for the user")
    ] = None
    external_system_id: Annotated[
        str | None,
        Field(
            alias="externalSystemId", description="An ID that corresponds to an external authority"
        ),
    ] = None
    barcode: Annotated[str | None, Field(description="The library barcode for this user")] = None
    active: Annotated[
        bool | None,
        Field(description="A flag to determine if a user can log in, take out loans, etc."),
    ] = None
    type: Annotated[str | None, Field(description="The class of user")] = None
    patron_group: Annotated[
        str | None,
        Field(
            alias="patronGroup", description="A UUID corresponding to the group the user belongs to"
        ),
    ] = None
    departments: Annotated[
        list[UUID] | None,
        Field(description="UUIDs corresponding to the departments the user belongs to"),
    ] = None
    meta: Annotated[dict[str, Any] | None, Field(description="Deprecated")] = None
    proxy_for: Annotated[list[str] | None, Field(alias="proxyFor", description="Deprecated")] = None
    personal: Personal | None = None
    enrollment_date: Annotated[
        datetime | None,
        Field(
            alias="enrollmentDate", description="The date in which the user joined the organization"
        ),
    ] = None
    expiration_date: Annotated[
        datetime | None,
        Field(alias="expirationDate", description="The date for when the user becomes inactive"),
    ] = None
    created_date: Annotated[
        datetime | None, Field(alias="createdDate", description="Deprecated")
    ] = None
    updated_date: Annotated[
        datetime | None, Field(alias="updatedDate", description="Deprecated")
    ] = None
    metadata: Metadata | None = None
    tags: Tags | None = None
    custom_fields: Annotated[
        dict[str, Any] | None,
        Field(alias="customFields", description="Object that contains custom fields"),
    ] = None
    preferred_email_communication: Annotated[
        list[UserPreferredEmailCommunicationEnum] | None,
        Field(
            alias="preferredEmailCommunication",
            description="Preferred email communication types",
            max_length=3,
        ),
    ] = None


class VendorEdiOrdersExportConfigIntegrationType(StrEnum):
    """
    Type of the integration
    """

    ORDERING = "Ordering"
    CLAIMING = "Claiming"


class VendorEdiOrdersExportConfigTransmissionMethod(StrEnum):
    """
    Transmission method
    """

    FTP = "FTP"
    FILE_DOWNLOAD = "File download"


class VendorEdiOrdersExportConfigFileFormat(StrEnum):
    """
    File format
    """

    CSV = "CSV"
    EDI = "EDI"


class BursarExportTokenAggregate(BaseModel):
    """
    Token to represent the aggregated result of multiple fees
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Aggregate"], Field(description="Type of data token")]
    value: Annotated[BursarExportTokenAggregateValue, Field(description="Data to represent")]
    decimal: Annotated[
        bool,
        Field(
            description=(
                "Whether to return the value with decimals. Only applicable for total amount"
            )
        ),
    ]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTokenCurrentDate(BaseModel):
    """
    Token to represent part of the current date
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["CurrentDate"], Field(description="Type of data token")]
    value: Annotated[
        BursarExportTokenDateType, Field(description="Type of date value to represent")
    ]
    timezone: Annotated[str, Field(description="Timezone to use for the date")]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTokenFeeAmount(BaseModel):
    """
    Token to represent the fee amount
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["FeeAmount"], Field(description="Type of data token")]
    decimal: Annotated[bool, Field(description="Whether to return the value with decimals")]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTokenFeeDate(BaseModel):
    """
    Token to represent part of a date about a fee
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["FeeDate"], Field(description="Type of data token")]
    property: Annotated[
        BursarExportTokenFeeDateProperty,
        Field(description="Property of the fee to be represented by the token"),
    ]
    value: Annotated[
        BursarExportTokenDateType, Field(description="Type of date value to represent")
    ]
    placeholder: Annotated[
        str, Field(description="Placeholder value to use if the date is not available")
    ]
    timezone: Annotated[str, Field(description="Timezone to use for the date")]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTokenFeeMetadata(BaseModel):
    """
    Token to represent fee metadata
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["FeeMetadata"], Field(description="Type of data token")]
    value: Annotated[BursarExportTokenFeeMetadataValue, Field(description="Metadata to represent")]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class BursarExportTokenItemData(BaseModel):
    """
    Token to represent item data
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["ItemData"], Field(description="Type of token")]
    value: Annotated[BursarExportTokenItemDataValue, Field(description="Item data to represent")]
    placeholder: Annotated[
        str, Field(description="Placeholder text to use when no value is available")
    ]
    length_control: Annotated[
        BursarExportTokenLengthControl | None,
        Field(alias="lengthControl", description="Control length of the token"),
    ] = None


class EdiSchedule(BaseModel):
    """
    The schedule of the export job for this EDI
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    enable_scheduled_export: Annotated[
        bool | None,
        Field(
            alias="enableScheduledExport",
            description="Whether or not scheduled exports are enabled",
        ),
    ] = False
    schedule_parameters: Annotated[ScheduleParameters | None, Field(alias="scheduleParameters")] = (
        None
    )
    scheduling_notes: Annotated[
        str | None,
        Field(alias="schedulingNotes", description="The schedule notes for this EDI job"),
    ] = None


class Error(BaseModel):
    """
    An error
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: Annotated[str, Field(description="Error message text", min_length=1)]
    type: Annotated[ErrorType | None, Field(description="Error message type")] = None
    code: Annotated[str | None, Field(description="Error message code")] = None
    parameters: Annotated[Parameters | None, Field(description="Error message parameters")] = None


class Errors(BaseModel):
    """
    A set of errors
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: Annotated[list[Error] | None, Field(description="List of errors")] = None
    total_error_records: Annotated[int | None, Field(description="Total number of errors")] = None
    total_warning_records: Annotated[int | None, Field(description="Total number of warnings")] = (
        None
    )


class Facet(BaseModel):
    """
    A facet
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    facet_values: Annotated[
        list[FacetValue] | None, Field(alias="facetValues", description="Array of facet values")
    ] = None
    type: Annotated[str | None, Field(description="Type of facet")] = None


class LegacyBursarFeeFinesTypeMappings(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    __annotations__ = {
        "__pydantic_extra__": dict[str, list[LegacyBursarFeeFinesTypeMapping]],
    }
    default: str | None = None


class LegacyBursarFeeFines(BaseModel):
    """
    Migration - fees and fines bursar export parameters (legacy format)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    days_outstanding: Annotated[
        int, Field(alias="daysOutstanding", description="Days outstanding", ge=0)
    ]
    patron_groups: Annotated[
        list[LegacyBursarFeeFinesPatronGroup], Field(alias="patronGroups", min_length=1)
    ]
    service_point_id: Annotated[UUID | None, Field(alias="servicePointId")] = None
    feefine_owner_id: Annotated[UUID | None, Field(alias="feefineOwnerId")] = None
    transfer_account_id: Annotated[UUID | None, Field(alias="transferAccountId")] = None
    type_mappings: Annotated[
        LegacyBursarFeeFinesTypeMappings | None, Field(alias="typeMappings")
    ] = None


class ResultInfo(BaseModel):
    """
    Faceting of result sets
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    total_records: Annotated[
        int | None, Field(alias="totalRecords", description="Total number of records")
    ] = None
    response_time: Annotated[
        float | None, Field(alias="responseTime", description="Response time")
    ] = None
    facets: Annotated[list[Facet] | None, Field(description="Array of facets")] = None
    diagnostics: Annotated[
        list[Diagnostic] | None, Field(description="Array of diagnostic information")
    ] = None


class UserCollection(BaseModel):
    """
    Collection of users
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    users: Annotated[list[User], Field(description="List of user data items")]
    total_records: Annotated[int, Field(alias="totalRecords", description="Total number of users")]
    result_info: Annotated[ResultInfo | None, Field(alias="resultInfo")] = None


class VendorEdiOrdersExportConfig(BaseModel):
    """
    EDI export configuration of a vendor
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    export_config_id: Annotated[
        UUID | None,
        Field(
            alias="exportConfigId",
            description=(
                "UUID of the export configuration. Needed to find jobs by export configuration UUID"
            ),
        ),
    ] = None
    vendor_id: Annotated[
        UUID | None, Field(alias="vendorId", description="UUID of the vendor (organization)")
    ] = None
    config_name: Annotated[
        str | None, Field(alias="configName", description="Configuration name")
    ] = None
    config_description: Annotated[
        str | None, Field(alias="configDescription", description="Configuration description")
    ] = None
    edi_config: Annotated[
        EdiConfig | None, Field(alias="ediConfig", description="EDI config for this vendor")
    ] = None
    edi_ftp: Annotated[EdiFtp | None, Field(alias="ediFtp")] = None
    edi_schedule: Annotated[EdiSchedule | None, Field(alias="ediSchedule")] = None
    is_default_config: Annotated[
        bool | None,
        Field(
            alias="isDefaultConfig", description="If true then the configuration is the default one"
        ),
    ] = False
    integration_type: Annotated[
        VendorEdiOrdersExportConfigIntegrationType | None,
        Field(alias="integrationType", description="Type of the integration"),
    ] = None
    transmission_method: Annotated[
        VendorEdiOrdersExportConfigTransmissionMethod | None,
        Field(alias="transmissionMethod", description="Transmission method"),
    ] = None
    file_format: Annotated[
        VendorEdiOrdersExportConfigFileFormat | None,
        Field(alias="fileFormat", description="File format"),
    ] = None
    claim_piece_ids: Annotated[
        list[str] | None,
        Field(
            alias="claimPieceIds",
            description="Claim piece ids. Applicable only for the Claiming integration type",
        ),
    ] = None


BursarExportHeaderFooterToken = TypeAliasType(
    "BursarExportHeaderFooterToken",
    Annotated[
        BursarExportTokenAggregate | BursarExportTokenConstant | BursarExportTokenCurrentDate,
        Field(description="Token permitted in the header or footer", discriminator="type"),
    ],
)


class ExportTypeSpecificParametersWithLegacyBursar(BaseModel):
    """
    Migration - export parameters which depend on the export type, with legacy bursar parameters
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    bursar_fee_fines: Annotated[LegacyBursarFeeFines | None, Field(alias="bursarFeeFines")] = None
    vendor_edi_orders_export_config: Annotated[
        VendorEdiOrdersExportConfig | None, Field(alias="vendorEdiOrdersExportConfig")
    ] = None
    query: Annotated[
        str | None,
        Field(
            description=(
                "CQL query passed to the module whose data is exported. Use it to filter data."
            ),
            max_length=5000,
        ),
    ] = None
    e_holdings_export_config: Annotated[
        EHoldingsExportConfig | None, Field(alias="eHoldingsExportConfig")
    ] = None
    authority_control_export_config: Annotated[
        AuthorityControlExportConfig | None, Field(alias="authorityControlExportConfig")
    ] = None


class JobWithLegacyBursarParameters(BaseModel):
    """
    Job that holds legacy bursar export parameters (migration).
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[UUID | None, Field(description="Job ID")] = None
    name: Annotated[str | None, Field(description="Job name", max_length=100)] = None
    description: Annotated[str | None, Field(description="Job description")] = None
    source: Annotated[str | None, Field(description="Job source", max_length=50)] = None
    is_system_source: Annotated[
        bool | None,
        Field(alias="isSystemSource", description="Whether the job was created by the system"),
    ] = None
    tenant: Annotated[str | None, Field(description="Tenant id")] = None
    type: Annotated[ExportType, Field(description="Export type")]
    export_type_specific_parameters: Annotated[
        ExportTypeSpecificParametersWithLegacyBursar, Field(alias="exportTypeSpecificParameters")
    ]
    status: Annotated[JobStatus | None, Field(description="Job status")] = None
    files: Annotated[list[str] | None, Field(description="URLs of the exported files")] = None
    file_names: Annotated[
        list[str] | None, Field(alias="fileNames", description="Names of the exported files")
    ] = None
    start_time: Annotated[
        datetime | None, Field(alias="startTime", description="Job start timestamp")
    ] = None
    end_time: Annotated[
        datetime | None, Field(alias="endTime", description="Job end timestamp")
    ] = None
    metadata: Annotated[Metadata | None, Field(description="Standard FOLIO metadata")] = None
    output_format: Annotated[
        str | None, Field(alias="outputFormat", description="Job output format")
    ] = None
    error_details: Annotated[
        str | None, Field(alias="errorDetails", description="Job error details")
    ] = None
    identifier_type: Annotated[
        IdentifierType | None, Field(alias="identifierType", description="Identifier type")
    ] = None
    entity_type: Annotated[
        EntityType | None, Field(alias="entityType", description="Entity type")
    ] = None
    progress: Annotated[
        Progress | None, Field(description="Progress for records being processed")
    ] = None


BursarExportDataToken = TypeAliasType(
    "BursarExportDataToken",
    Annotated[
        Union[
            BursarExportTokenAggregate,
            BursarExportTokenConstant,
            BursarExportTokenCurrentDate,
            BursarExportTokenFeeDate,
            BursarExportTokenFeeAmount,
            BursarExportTokenFeeMetadata,
            BursarExportTokenItemData,
            BursarExportTokenUserData,
            BursarExportTokenUserDataOptional,
            "BursarExportTokenConditional",
        ],
        Field(description="Token usable in the data part of a bursar export", discriminator="type"),
    ],
)


BursarExportFilter = TypeAliasType(
    "BursarExportFilter",
    Annotated[
        Union[
            BursarExportFilterAge,
            BursarExportFilterAmount,
            BursarExportFilterFeeType,
            BursarExportFilterLocation,
            BursarExportFilterPatronGroup,
            BursarExportFilterServicePoint,
            "BursarExportFilterCondition",
            "BursarExportFilterNegation",
            BursarExportFilterPass,
            BursarExportFilterFeeFineOwner,
        ],
        Field(description="Filter for a bursar export job", discriminator="type"),
    ],
)


class BursarExportFilterCondition(BaseModel):
    """
    Combines filters with a logical operation
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Condition"], Field(description="Type of filter")]
    operation: Annotated[
        BursarExportFilterConditionOperation, Field(description="Logical operation of the filter")
    ]
    criteria: Annotated[
        list[BursarExportFilter], Field(description="Filters the operation combines")
    ]


class BursarExportFilterNegation(BaseModel):
    """
    Negation of a filter for bursar export
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Negation"], Field(description="Type of filter")]
    criteria: Annotated[BursarExportFilter, Field(description="Filter to negate")]


class BursarExportJob(BaseModel):
    """
    Bursar export job parameters
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    filter: Annotated[BursarExportFilter, Field(description="Filter to use for the regular export")]
    group_by_patron: Annotated[
        bool,
        Field(alias="groupByPatron", description="Choose whether to group fees/fines by patron"),
    ]
    group_by_patron_filter: Annotated[
        BursarExportFilterAggregate | None,
        Field(
            alias="groupByPatronFilter",
            description="Filter to use for the export when grouping by patron",
        ),
    ] = None
    header: Annotated[
        list[BursarExportHeaderFooterToken], Field(description="Header format for the export file")
    ]
    data: Annotated[
        list[BursarExportDataToken], Field(description="Data format for the export file")
    ]
    footer: Annotated[
        list[BursarExportHeaderFooterToken], Field(description="Footer format for the export file")
    ]
    transfer_info: Annotated[
        BursarExportTransferCriteria,
        Field(alias="transferInfo", description="Transfer information for the export"),
    ]
    dry_run: Annotated[
        bool | None,
        Field(
            alias="dryRun",
            description="Whether this export is a dry run (no actual transfer is performed)",
        ),
    ] = None


class BursarExportTokenConditionalCondition(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    condition: Annotated[BursarExportFilter, Field(description="Condition to apply to the item")]
    value: Annotated[
        BursarExportDataToken, Field(description="Data to represent if the condition is true")
    ]


class BursarExportTokenConditional(BaseModel):
    """
    Token to represent other data tokens depending on certain conditions
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[Literal["Conditional"], Field(description="Type of the data token")]
    conditions: Annotated[
        list[BursarExportTokenConditionalCondition],
        Field(description="Conditions to apply to the token"),
    ]
    else_: Annotated[
        BursarExportDataToken,
        Field(alias="else", description="Data to represent if no condition is true"),
    ]


class BursarExportTransferCriteriaCondition(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    condition: Annotated[BursarExportFilter, Field(description="Condition to apply to this item")]
    account: Annotated[
        UUID, Field(description="Account to transfer fees/fines that meet this condition to")
    ]


class BursarExportTransferCriteria(BaseModel):
    """
    Transfer criteria
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    conditions: Annotated[
        list[BursarExportTransferCriteriaCondition],
        Field(description="Conditions to apply to the transfer of fees/fines"),
    ]
    else_: Annotated[
        BursarExportTransferCriteriaElse,
        Field(alias="else", description="If none of the specified conditions is met"),
    ]


class ExportTypeSpecificParameters(BaseModel):
    """
    Export parameters which depend on the export type
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    bursar_fee_fines: Annotated[BursarExportJob | None, Field(alias="bursarFeeFines")] = None
    vendor_edi_orders_export_config: Annotated[
        VendorEdiOrdersExportConfig | None, Field(alias="vendorEdiOrdersExportConfig")
    ] = None
    query: Annotated[
        str | None,
        Field(
            description=(
                "CQL query passed to the module whose data is exported. Use it to filter data."
            ),
            max_length=5000,
        ),
    ] = None
    e_holdings_export_config: Annotated[
        EHoldingsExportConfig | None, Field(alias="eHoldingsExportConfig")
    ] = None
    authority_control_export_config: Annotated[
        AuthorityControlExportConfig | None, Field(alias="authorityControlExportConfig")
    ] = None


class Job(BaseModel):
    """
    A data export job.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: Annotated[UUID | None, Field(description="Job ID")] = None
    name: Annotated[str | None, Field(description="Job name", max_length=100)] = None
    description: Annotated[str | None, Field(description="Job description")] = None
    source: Annotated[str | None, Field(description="Job source", max_length=50)] = None
    is_system_source: Annotated[
        bool | None,
        Field(alias="isSystemSource", description="Whether the job was created by the system"),
    ] = None
    tenant: Annotated[str | None, Field(description="Tenant id")] = None
    type: Annotated[ExportType, Field(description="Export type")]
    export_type_specific_parameters: Annotated[
        ExportTypeSpecificParameters, Field(alias="exportTypeSpecificParameters")
    ]
    status: Annotated[JobStatus | None, Field(description="Job status")] = None
    files: Annotated[list[str] | None, Field(description="URLs of the exported files")] = None
    file_names: Annotated[
        list[str] | None, Field(alias="fileNames", description="Names of the exported files")
    ] = None
    start_time: Annotated[
        datetime | None, Field(alias="startTime", description="Job start timestamp")
    ] = None
    end_time: Annotated[
        datetime | None, Field(alias="endTime", description="Job end timestamp")
    ] = None
    metadata: Annotated[Metadata | None, Field(description="Standard FOLIO metadata")] = None
    output_format: Annotated[
        str | None, Field(alias="outputFormat", description="Job output format")
    ] = None
    error_details: Annotated[
        str | None, Field(alias="errorDetails", description="Job error details")
    ] = None
    identifier_type: Annotated[
        IdentifierType | None, Field(alias="identifierType", description="Identifier type")
    ] = None
    entity_type: Annotated[
        EntityType | None, Field(alias="entityType", description="Entity type")
    ] = None
    progress: Annotated[
        Progress | None, Field(description="Progress for records being processed")
    ] = None


class JobCollection(BaseModel):
    """
    A page of jobs.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job_records: Annotated[list[Job], Field(alias="jobRecords", description="Jobs")]
    total_records: Annotated[
        int, Field(alias="totalRecords", description="Total number of jobs matching the query")
    ]


BursarExportJob.model_rebuild()
