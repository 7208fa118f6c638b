"""Models of FOLIO Data Export Spring, generated from its OpenAPI spec; do not edit by hand."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class Address(BaseModel):
    """
    Address
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str | None = None
    """
    A unique id for this address
    """
    country_id: Annotated[str | None, Field(alias="countryId")] = None
    """
    The country code for this address
    """
    address_line1: Annotated[str | None, Field(alias="addressLine1")] = None
    """
    Address, line 1
    """
    address_line2: Annotated[str | None, Field(alias="addressLine2")] = None
    """
    Address, line 2
    """
    city: str | None = None
    """
    City name
    """
    region: str | None = None
    """
    Region
    """
    postal_code: Annotated[str | None, Field(alias="postalCode")] = None
    """
    Postal code
    """
    address_type_id: Annotated[str | None, Field(alias="addressTypeId")] = None
    """
    A UUID that corresponds with an address type object
    """
    primary_address: Annotated[bool | None, Field(alias="primaryAddress")] = None
    """
    Is this the user's primary address?
    """


class AuthorityControlExportConfig(BaseModel):
    """
    Export parameters for the Authority Control functionality
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    from_date: Annotated[date, Field(alias="fromDate")]
    """
    Report date range start
    """
    to_date: Annotated[date, Field(alias="toDate")]
    """
    Report date range end
    """


class BursarExportFilterAgeType(StrEnum):
    """
    Type of filter
    """

    AGE = "Age"


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
    type: Literal["Age"]
    """
    Type of filter
    """
    num_days: Annotated[int, Field(alias="numDays", ge=1)]
    """
    Number of days
    """
    condition: BursarExportFilterAgeCondition
    """
    Condition to get the range of days
    """


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
    type: str
    """
    Type of filter
    """
    property: BursarExportFilterAggregateProperty
    """
    Property to filter on
    """
    amount: int
    """
    Amount to filter on
    """
    condition: BursarExportFilterAggregateCondition
    """
    Condition to filter on
    """


class BursarExportFilterAmountType(StrEnum):
    """
    Type of filter
    """

    AMOUNT = "Amount"


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
    type: Literal["Amount"]
    """
    Type of filter
    """
    amount: int
    """
    Amount to filter by
    """
    condition: BursarExportFilterAmountCondition
    """
    Condition to filter by
    """


class BursarExportFilterConditionType(StrEnum):
    """
    Type of filter
    """

    CONDITION = "Condition"


class BursarExportFilterConditionOperation(StrEnum):
    """
    Logical operation of the filter
    """

    AND = "AND"
    OR = "OR"


class BursarExportFilterFeeFineOwnerType(StrEnum):
    """
    Type of filter
    """

    FEE_FINE_OWNER = "FeeFineOwner"


class BursarExportFilterFeeFineOwner(BaseModel):
    """
    Filter by fee/fine owner
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["FeeFineOwner"]
    """
    Type of filter
    """
    fee_fine_owner: Annotated[UUID, Field(alias="feeFineOwner")]
    """
    Id of the fee/fine owner to filter by
    """


class BursarExportFilterFeeTypeType(StrEnum):
    """
    Type of filter
    """

    FEE_TYPE = "FeeType"


class BursarExportFilterFeeType(BaseModel):
    """
    Filter by fee type
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["FeeType"]
    """
    Type of filter
    """
    fee_fine_type_id: Annotated[UUID, Field(alias="feeFineTypeId")]
    """
    Id of the fee/fine type to filter by
    """


class BursarExportFilterLocationType(StrEnum):
    """
    Type of filter
    """

    LOCATION = "Location"


class BursarExportFilterLocation(BaseModel):
    """
    Filter by location
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["Location"]
    """
    Type of filter
    """
    location_id: Annotated[UUID, Field(alias="locationId")]
    """
    Id of the location to filter by
    """


class BursarExportFilterNegationType(StrEnum):
    """
    Type of filter
    """

    NEGATION = "Negation"


class BursarExportFilterPassType(StrEnum):
    """
    Type of filter
    """

    PASS = "Pass"


class BursarExportFilterPass(BaseModel):
    """
    Filter that is always true
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["Pass"]
    """
    Type of filter
    """


class BursarExportFilterPatronGroupType(StrEnum):
    """
    Type of filter
    """

    PATRON_GROUP = "PatronGroup"


class BursarExportFilterPatronGroup(BaseModel):
    """
    Filter by patron group
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["PatronGroup"]
    """
    Type of filter
    """
    patron_group_id: Annotated[UUID, Field(alias="patronGroupId")]
    """
    Id of the patron group to filter by
    """


class BursarExportFilterServicePointType(StrEnum):
    """
    Type of filter
    """

    SERVICE_POINT = "ServicePoint"


class BursarExportFilterServicePoint(BaseModel):
    """
    Filter by service point
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["ServicePoint"]
    """
    Type of filter
    """
    service_point_id: Annotated[UUID, Field(alias="servicePointId")]
    """
    Id of the service point to filter by
    """


class BursarExportTokenAggregateType(StrEnum):
    """
    Type of data token
    """

    AGGREGATE = "Aggregate"


class BursarExportTokenAggregateValue(StrEnum):
    """
    Data to represent
    """

    NUM_ROWS = "NUM_ROWS"
    TOTAL_AMOUNT = "TOTAL_AMOUNT"


class BursarExportTokenConditionalType(StrEnum):
    """
    Type of the data token
    """

    CONDITIONAL = "Conditional"


class BursarExportTokenConstantType(StrEnum):
    """
    Type of data token
    """

    CONSTANT = "Constant"


class BursarExportTokenConstant(BaseModel):
    """
    Token to represent a constant used as an arbitrary string
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["Constant"]
    """
    Type of data token
    """
    value: str
    """
    Value of the constant
    """


class BursarExportTokenCurrentDateType(StrEnum):
    """
    Type of data token
    """

    CURRENT_DATE = "CurrentDate"


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


class BursarExportTokenFeeAmountType(StrEnum):
    """
    Type of data token
    """

    FEE_AMOUNT = "FeeAmount"


class BursarExportTokenFeeDateType(StrEnum):
    """
    Type of data token
    """

    FEE_DATE = "FeeDate"


class BursarExportTokenFeeDateProperty(StrEnum):
    """
    Property of the fee to be represented by the token
    """

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DUE = "DUE"
    RETURNED = "RETURNED"


class BursarExportTokenFeeMetadataType(StrEnum):
    """
    Type of data token
    """

    FEE_METADATA = "FeeMetadata"


class BursarExportTokenFeeMetadataValue(StrEnum):
    """
    Metadata to represent
    """

    FEE_FINE_TYPE_ID = "FEE_FINE_TYPE_ID"
    FEE_FINE_TYPE_NAME = "FEE_FINE_TYPE_NAME"


class BursarExportTokenItemDataType(StrEnum):
    """
    Type of token
    """

    ITEM_DATA = "ItemData"


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
    character: Annotated[str, Field(max_length=1)]
    """
    Character to fill in with
    """
    length: int
    """
    Desired length of the token
    """
    direction: BursarExportTokenLengthControlDirection
    """
    Direction to fill in or truncate from
    """
    truncate: bool
    """
    Whether to truncate the token if it is longer than the desired length
    """


class BursarExportTokenUserDataType(StrEnum):
    """
    Type of data token
    """

    USER_DATA = "UserData"


class BursarExportTokenUserDataValue(StrEnum):
    """
    User data to represent
    """

    FOLIO_ID = "FOLIO_ID"


class BursarExportTokenUserData(BaseModel):
    """
    Token to represent user data
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["UserData"]
    """
    Type of data token
    """
    value: BursarExportTokenUserDataValue
    """
    User data to represent
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTokenUserDataOptionalType(StrEnum):
    """
    Type of data token
    """

    USER_DATA_OPTIONAL = "UserDataOptional"


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
    type: Literal["UserDataOptional"]
    """
    Type of data token
    """
    value: BursarExportTokenUserDataOptionalValue
    """
    Optional user data to represent
    """
    placeholder: str
    """
    Placeholder text to use when no value is present
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTransferCriteriaElse(BaseModel):
    """
    If none of the specified conditions is met
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    account: UUID | None = None
    """
    Account to transfer fees/fines that do not meet any specified condition to
    """


class Diagnostic(BaseModel):
    """
    Diagnostic information
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    source: str | None = None
    """
    Source reporting the diagnostic information
    """
    code: str | None = None
    """
    Diagnostic code
    """
    message: str | None = None
    """
    Diagnostic message
    """
    module: str | None = None
    """
    Module reporting diagnostic information
    """
    record_count: Annotated[int | None, Field(alias="recordCount")] = None
    """
    Record count for diagnostics
    """
    query: str | None = None
    """
    CQL query associated with results
    """


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
    record_id: Annotated[str, Field(alias="recordId", examples=["91525-1152699-659590"])]
    """
    Unique identifier of the package - combination of providerId-packageId
    """
    record_type: Annotated[EHoldingsExportConfigRecordType, Field(alias="recordType")]
    """
    The record type
    """
    title_search_filters: Annotated[
        str | None, Field(alias="titleSearchFilters", examples=["filter[name]=title&sort=name"])
    ] = None
    """
    The filters needed to filter package titles
    """
    package_fields: Annotated[list[str] | None, Field(alias="packageFields")] = None
    """
    The list of package fields for export
    """
    title_fields: Annotated[list[str] | None, Field(alias="titleFields")] = None
    """
    The list of title fields for export
    """


class EdiConfigLibEdiType(StrEnum):
    """
    The library type for this EDI
    """

    FIELD_014_EAN = "014/EAN"
    FIELD_31_B_US_SAN = "31B/US-SAN"
    FIELD_091_VENDOR_ASSIGNED = "091/Vendor-assigned"
    FIELD_092_CUSTOMER_ASSIGNED = "092/Customer-assigned"


class EdiConfigVendorEdiType(StrEnum):
    """
    The vendor type for this EDI
    """

    FIELD_014_EAN = "014/EAN"
    FIELD_31_B_US_SAN = "31B/US-SAN"
    FIELD_091_VENDOR_ASSIGNED = "091/Vendor-assigned"
    FIELD_092_CUSTOMER_ASSIGNED = "092/Customer-assigned"


class EdiConfig(BaseModel):
    """
    EDI config
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    account_no_list: Annotated[list[str] | None, Field(alias="accountNoList")] = None
    """
    The list of account numbers of the vendor
    """
    default_acquisition_methods: Annotated[
        list[UUID] | None, Field(alias="defaultAcquisitionMethods")
    ] = None
    """
    Default acquisition methods for the accounts
    """
    edi_naming_convention: Annotated[str | None, Field(alias="ediNamingConvention")] = None
    """
    The naming convention for this EDI
    """
    lib_edi_code: Annotated[str | None, Field(alias="libEdiCode")] = None
    """
    The library code for this EDI
    """
    lib_edi_type: Annotated[EdiConfigLibEdiType | None, Field(alias="libEdiType")] = None
    """
    The library type for this EDI
    """
    vendor_edi_code: Annotated[str | None, Field(alias="vendorEdiCode")] = None
    """
    The vendor code for this EDI
    """
    vendor_edi_type: Annotated[EdiConfigVendorEdiType | None, Field(alias="vendorEdiType")] = None
    """
    The vendor type for this EDI
    """
    notes: str | None = None
    """
    The notes for this EDI
    """
    send_account_number: Annotated[bool | None, Field(alias="sendAccountNumber")] = False
    """
    If true then send the account number
    """
    support_order: Annotated[bool | None, Field(alias="supportOrder")] = False
    """
    If true then orders are supported
    """
    support_invoice: Annotated[bool | None, Field(alias="supportInvoice")] = False
    """
    If true then invoices are supported
    """


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
    ftp_conn_mode: Annotated[EdiFtpFtpConnMode | None, Field(alias="ftpConnMode")] = None
    """
    The FTP connection mode for this EDI
    """
    ftp_format: Annotated[EdiFtpFtpFormat | None, Field(alias="ftpFormat")] = None
    """
    The FTP format for this EDI
    """
    ftp_mode: Annotated[EdiFtpFtpMode | None, Field(alias="ftpMode")] = None
    """
    The FTP mode for this EDI
    """
    ftp_port: Annotated[int | None, Field(alias="ftpPort")] = None
    """
    The port for this EDI
    """
    invoice_directory: Annotated[str | None, Field(alias="invoiceDirectory")] = None
    """
    The invoice directory for this EDI
    """
    is_primary_transmission_method: Annotated[
        bool | None, Field(alias="isPrimaryTransmissionMethod")
    ] = None
    """
    Primary transmission method
    """
    notes: str | None = None
    """
    The notes for this EDI
    """
    order_directory: Annotated[str | None, Field(alias="orderDirectory")] = None
    """
    The order directory for this EDI
    """
    password: str | None = None
    """
    The login password for this EDI
    """
    server_address: Annotated[str | None, Field(alias="serverAddress")] = None
    """
    The server address for this EDI
    """
    username: str | None = None
    """
    The login username for this EDI
    """


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
    count: int | None = None
    """
    Count of facet values
    """
    value: dict[str, Any] | None = None
    """
    Value object
    """


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


class LegacyBursarFeeFinesPatronGroup(RootModel[str]):
    root: Annotated[str, Field(min_length=1)]


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
    Metadata about creation and changes to records, provided by the server (client should not provide)
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    created_date: Annotated[AwareDatetime | None, Field(alias="createdDate")] = None
    """
    Date and time when the record was created
    """
    created_by_user_id: Annotated[UUID | None, Field(alias="createdByUserId")] = None
    """
    ID of the user who created the record (when available)
    """
    created_by_username: Annotated[str | None, Field(alias="createdByUsername", max_length=50)] = (
        None
    )
    """
    Username of the user who created the record (when available)
    """
    updated_date: Annotated[AwareDatetime | None, Field(alias="updatedDate")] = None
    """
    Date and time when the record was last updated
    """
    updated_by_user_id: Annotated[UUID | None, Field(alias="updatedByUserId")] = None
    """
    ID of the user who last updated the record (when available)
    """
    updated_by_username: Annotated[str | None, Field(alias="updatedByUsername", max_length=50)] = (
        None
    )
    """
    Username of the user who last updated the record (when available)
    """


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


class Parameters(RootModel[list[Parameter]]):
    """
    List of key/value parameters of an error
    """

    root: list[Parameter]
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
    last_name: Annotated[str, Field(alias="lastName")]
    """
    The user's surname
    """
    first_name: Annotated[str | None, Field(alias="firstName")] = None
    """
    The user's given name
    """
    middle_name: Annotated[str | None, Field(alias="middleName")] = None
    """
    The user's middle name (if any)
    """
    preferred_first_name: Annotated[str | None, Field(alias="preferredFirstName")] = None
    """
    The user's preferred name
    """
    email: str | None = None
    """
    The user's email address
    """
    phone: str | None = None
    """
    The user's primary phone number
    """
    mobile_phone: Annotated[str | None, Field(alias="mobilePhone")] = None
    """
    The user's mobile phone number
    """
    date_of_birth: Annotated[AwareDatetime | None, Field(alias="dateOfBirth")] = None
    """
    The user's birth date
    """
    addresses: Annotated[list[Address] | None, Field(min_length=0)] = None
    """
    Physical addresses associated with the user
    """
    preferred_contact_type_id: Annotated[str | None, Field(alias="preferredContactTypeId")] = None
    """
    Id of the user's preferred contact type
    """
    profile_picture_link: Annotated[str | None, Field(alias="profilePictureLink")] = None
    """
    Link to the profile picture
    """


class PresignedUrl(BaseModel):
    """
    Presigned URL for download
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    url: str
    """
    Presigned URL for download
    """


class Progress(BaseModel):
    """
    Progress for the records being processed
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    total: Annotated[int | None, Field(ge=0)] = 0
    """
    Total number of records being processed
    """
    processed: Annotated[int | None, Field(ge=0)] = 0
    """
    Current number of records already processed
    """
    progress: Annotated[int | None, Field(ge=0, le=100)] = 0
    """
    Current progress in %
    """
    success: Annotated[int | None, Field(ge=0)] = 0
    """
    Current number of successfully processed records
    """
    errors: Annotated[int | None, Field(ge=0)] = 0
    """
    Current number of errors
    """
    warnings: Annotated[int | None, Field(ge=0)] = 0
    """
    Current number of warnings
    """


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
    id: UUID | None = None
    """
    Schedule unique identifier
    """
    schedule_frequency: Annotated[int | None, Field(alias="scheduleFrequency")] = None
    """
    Number of time periods
    """
    schedule_period: Annotated[
        ScheduleParametersSchedulePeriod | None, Field(alias="schedulePeriod")
    ] = None
    """
    Time period for repeating the job
    """
    scheduling_date: Annotated[AwareDatetime | None, Field(alias="schedulingDate")] = None
    """
    The date for this job to start running
    """
    schedule_time: Annotated[str | None, Field(alias="scheduleTime")] = None
    """
    Time to run the job
    """
    schedule_day: Annotated[int | None, Field(alias="scheduleDay")] = None
    """
    Day of month to run the job (one-based)
    """
    week_days: Annotated[list[ScheduleParametersWeekDay] | None, Field(alias="weekDays")] = None
    """
    Days of week to run the job
    """
    time_zone: Annotated[str | None, Field(alias="timeZone")] = "UTC"
    """
    Schedule time zone
    """


class Tags(BaseModel):
    """
    List of simple tags that can be added to an object
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    tag_list: Annotated[list[str] | None, Field(alias="tagList")] = None
    """
    List of tags
    """


class UUIDModel(RootModel[UUID]):
    root: UUID


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
    username: str | None = None
    """
    A unique name belonging to a user. Typically used for login
    """
    id: str | None = None
    """
    A globally unique (UUID) identifier for the user
    """
    external_system_id: Annotated[str | None, Field(alias="externalSystemId")] = None
    """
    An ID that corresponds to an external authority
    """
    barcode: str | None = None
    """
    The library barcode for this user
    """
    active: bool | None = None
    """
    A flag to determine if a user can log in, take out loans, etc.
    """
    type: str | None = None
    """
    The class of user
    """
    patron_group: Annotated[str | None, Field(alias="patronGroup")] = None
    """
    A UUID corresponding to the group the user belongs to
    """
    departments: list[UUID] | None = None
    """
    UUIDs corresponding to the departments the user belongs to
    """
    meta: dict[str, Any] | None = None
    """
    Deprecated
    """
    proxy_for: Annotated[list[str] | None, Field(alias="proxyFor")] = None
    """
    Deprecated
    """
    personal: Personal | None = None
    enrollment_date: Annotated[AwareDatetime | None, Field(alias="enrollmentDate")] = None
    """
    The date in which the user joined the organization
    """
    expiration_date: Annotated[AwareDatetime | None, Field(alias="expirationDate")] = None
    """
    The date for when the user becomes inactive
    """
    created_date: Annotated[AwareDatetime | None, Field(alias="createdDate")] = None
    """
    Deprecated
    """
    updated_date: Annotated[AwareDatetime | None, Field(alias="updatedDate")] = None
    """
    Deprecated
    """
    metadata: Metadata | None = None
    tags: Tags | None = None
    custom_fields: Annotated[dict[str, Any] | None, Field(alias="customFields")] = None
    """
    Object that contains custom fields
    """
    preferred_email_communication: Annotated[
        list[UserPreferredEmailCommunicationEnum] | None,
        Field(alias="preferredEmailCommunication", max_length=3),
    ] = None
    """
    Preferred email communication types
    """


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
    type: Literal["Aggregate"]
    """
    Type of data token
    """
    value: BursarExportTokenAggregateValue
    """
    Data to represent
    """
    decimal: bool
    """
    Whether to return the value with decimals. Only applicable for total amount
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTokenCurrentDate(BaseModel):
    """
    Token to represent part of the current date
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["CurrentDate"]
    """
    Type of data token
    """
    value: BursarExportTokenDateType
    """
    Type of date value to represent
    """
    timezone: str
    """
    Timezone to use for the date
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTokenFeeAmount(BaseModel):
    """
    Token to represent the fee amount
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["FeeAmount"]
    """
    Type of data token
    """
    decimal: bool
    """
    Whether to return the value with decimals
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTokenFeeDate(BaseModel):
    """
    Token to represent part of a date about a fee
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["FeeDate"]
    """
    Type of data token
    """
    property: BursarExportTokenFeeDateProperty
    """
    Property of the fee to be represented by the token
    """
    value: BursarExportTokenDateType
    """
    Type of date value to represent
    """
    placeholder: str
    """
    Placeholder value to use if the date is not available
    """
    timezone: str
    """
    Timezone to use for the date
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTokenFeeMetadata(BaseModel):
    """
    Token to represent fee metadata
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["FeeMetadata"]
    """
    Type of data token
    """
    value: BursarExportTokenFeeMetadataValue
    """
    Metadata to represent
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class BursarExportTokenItemData(BaseModel):
    """
    Token to represent item data
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["ItemData"]
    """
    Type of token
    """
    value: BursarExportTokenItemDataValue
    """
    Item data to represent
    """
    placeholder: str
    """
    Placeholder text to use when no value is available
    """
    length_control: Annotated[
        BursarExportTokenLengthControl | None, Field(alias="lengthControl")
    ] = None
    """
    Control length of the token
    """


class EdiSchedule(BaseModel):
    """
    The schedule of the export job for this EDI
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    enable_scheduled_export: Annotated[bool | None, Field(alias="enableScheduledExport")] = False
    """
    Whether or not scheduled exports are enabled
    """
    schedule_parameters: Annotated[ScheduleParameters | None, Field(alias="scheduleParameters")] = (
        None
    )
    scheduling_notes: Annotated[str | None, Field(alias="schedulingNotes")] = None
    """
    The schedule notes for this EDI job
    """


class Error(BaseModel):
    """
    An error
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    message: Annotated[str, Field(min_length=1)]
    """
    Error message text
    """
    type: ErrorType | None = None
    """
    Error message type
    """
    code: str | None = None
    """
    Error message code
    """
    parameters: Parameters | None = None
    """
    Error message parameters
    """


class Errors(BaseModel):
    """
    A set of errors
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    errors: list[Error] | None = None
    """
    List of errors
    """
    total_error_records: int | None = None
    """
    Total number of errors
    """
    total_warning_records: int | None = None
    """
    Total number of warnings
    """


class Facet(BaseModel):
    """
    A facet
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    facet_values: Annotated[list[FacetValue] | None, Field(alias="facetValues")] = None
    """
    Array of facet values
    """
    type: str | None = None
    """
    Type of facet
    """


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
    days_outstanding: Annotated[int, Field(alias="daysOutstanding", ge=0)]
    """
    Days outstanding
    """
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
    total_records: Annotated[int | None, Field(alias="totalRecords")] = None
    """
    Total number of records
    """
    response_time: Annotated[float | None, Field(alias="responseTime")] = None
    """
    Response time
    """
    facets: list[Facet] | None = None
    """
    Array of facets
    """
    diagnostics: list[Diagnostic] | None = None
    """
    Array of diagnostic information
    """


class UserCollection(BaseModel):
    """
    Collection of users
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    users: list[User]
    """
    List of user data items
    """
    total_records: Annotated[int, Field(alias="totalRecords")]
    """
    Total number of users
    """
    result_info: Annotated[ResultInfo | None, Field(alias="resultInfo")] = None


class VendorEdiOrdersExportConfig(BaseModel):
    """
    EDI export configuration of a vendor
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    export_config_id: Annotated[UUID | None, Field(alias="exportConfigId")] = None
    """
    UUID of the export configuration. Needed to find jobs by export configuration UUID
    """
    vendor_id: Annotated[UUID | None, Field(alias="vendorId")] = None
    """
    UUID of the vendor (organization)
    """
    config_name: Annotated[str | None, Field(alias="configName")] = None
    """
    Configuration name
    """
    config_description: Annotated[str | None, Field(alias="configDescription")] = None
    """
    Configuration description
    """
    edi_config: Annotated[EdiConfig | None, Field(alias="ediConfig")] = None
    """
    EDI config for this vendor
    """
    edi_ftp: Annotated[EdiFtp | None, Field(alias="ediFtp")] = None
    edi_schedule: Annotated[EdiSchedule | None, Field(alias="ediSchedule")] = None
    is_default_config: Annotated[bool | None, Field(alias="isDefaultConfig")] = False
    """
    If true then the configuration is the default one
    """
    integration_type: Annotated[
        VendorEdiOrdersExportConfigIntegrationType | None, Field(alias="integrationType")
    ] = None
    """
    Type of the integration
    """
    transmission_method: Annotated[
        VendorEdiOrdersExportConfigTransmissionMethod | None, Field(alias="transmissionMethod")
    ] = None
    """
    Transmission method
    """
    file_format: Annotated[
        VendorEdiOrdersExportConfigFileFormat | None, Field(alias="fileFormat")
    ] = None
    """
    File format
    """
    claim_piece_ids: Annotated[list[str] | None, Field(alias="claimPieceIds")] = None
    """
    Claim piece ids. Applicable only for the Claiming integration type
    """


class BursarExportHeaderFooterToken(
    RootModel[BursarExportTokenAggregate | BursarExportTokenConstant | BursarExportTokenCurrentDate]
):
    root: Annotated[
        BursarExportTokenAggregate | BursarExportTokenConstant | BursarExportTokenCurrentDate,
        Field(discriminator="type"),
    ]
    """
    Token permitted in the header or footer
    """


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
    query: Annotated[str | None, Field(max_length=5000)] = None
    """
    CQL query passed to the module whose data is exported. Use it to filter data.
    """
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
    id: UUID | None = None
    """
    Job ID
    """
    name: Annotated[str | None, Field(max_length=100)] = None
    """
    Job name
    """
    description: str | None = None
    """
    Job description
    """
    source: Annotated[str | None, Field(max_length=50)] = None
    """
    Job source
    """
    is_system_source: Annotated[bool | None, Field(alias="isSystemSource")] = None
    """
    Whether the job was created by the system
    """
    tenant: str | None = None
    """
    Tenant id
    """
    type: ExportType
    """
    Export type
    """
    export_type_specific_parameters: Annotated[
        ExportTypeSpecificParametersWithLegacyBursar, Field(alias="exportTypeSpecificParameters")
    ]
    status: JobStatus | None = None
    """
    Job status
    """
    files: list[str] | None = None
    """
    URLs of the exported files
    """
    file_names: Annotated[list[str] | None, Field(alias="fileNames")] = None
    """
    Names of the exported files
    """
    start_time: Annotated[AwareDatetime | None, Field(alias="startTime")] = None
    """
    Job start timestamp
    """
    end_time: Annotated[AwareDatetime | None, Field(alias="endTime")] = None
    """
    Job end timestamp
    """
    metadata: Metadata | None = None
    """
    Standard FOLIO metadata
    """
    output_format: Annotated[str | None, Field(alias="outputFormat")] = None
    """
    Job output format
    """
    error_details: Annotated[str | None, Field(alias="errorDetails")] = None
    """
    Job error details
    """
    identifier_type: Annotated[IdentifierType | None, Field(alias="identifierType")] = None
    """
    Identifier type
    """
    entity_type: Annotated[EntityType | None, Field(alias="entityType")] = None
    """
    Entity type
    """
    progress: Progress | None = None
    """
    Progress for records being processed
    """


class BursarExportFilterCondition(BaseModel):
    """
    Combines filters with a logical operation
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["Condition"]
    """
    Type of filter
    """
    operation: BursarExportFilterConditionOperation
    """
    Logical operation of the filter
    """
    criteria: list[BursarExportFilter]
    """
    Filters the operation combines
    """


class BursarExportFilterNegation(BaseModel):
    """
    Negation of a filter for bursar export
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["Negation"]
    """
    Type of filter
    """
    criteria: BursarExportFilter
    """
    Filter to negate
    """


class BursarExportJob(BaseModel):
    """
    Bursar export job parameters
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    filter: BursarExportFilter
    """
    Filter to use for the regular export
    """
    group_by_patron: Annotated[bool, Field(alias="groupByPatron")]
    """
    Choose whether to group fees/fines by patron
    """
    group_by_patron_filter: Annotated[
        BursarExportFilterAggregate | None, Field(alias="groupByPatronFilter")
    ] = None
    """
    Filter to use for the export when grouping by patron
    """
    header: list[BursarExportHeaderFooterToken]
    """
    Header format for the export file
    """
    data: list[BursarExportDataToken]
    """
    Data format for the export file
    """
    footer: list[BursarExportHeaderFooterToken]
    """
    Footer format for the export file
    """
    transfer_info: Annotated[BursarExportTransferCriteria, Field(alias="transferInfo")]
    """
    Transfer information for the export
    """
    dry_run: Annotated[bool | None, Field(alias="dryRun")] = None
    """
    Whether this export is a dry run (no actual transfer is performed)
    """


class BursarExportTokenConditionalCondition(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    condition: BursarExportFilter
    """
    Condition to apply to the item
    """
    value: BursarExportDataToken
    """
    Data to represent if the condition is true
    """


class BursarExportTokenConditional(BaseModel):
    """
    Token to represent other data tokens depending on certain conditions
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Literal["Conditional"]
    """
    Type of the data token
    """
    conditions: list[BursarExportTokenConditionalCondition]
    """
    Conditions to apply to the token
    """
    else_: Annotated[BursarExportDataToken, Field(alias="else")]
    """
    Data to represent if no condition is true
    """


class BursarExportTransferCriteriaCondition(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    condition: BursarExportFilter
    """
    Condition to apply to this item
    """
    account: UUID
    """
    Account to transfer fees/fines that meet this condition to
    """


class BursarExportTransferCriteria(BaseModel):
    """
    Transfer criteria
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    conditions: list[BursarExportTransferCriteriaCondition]
    """
    Conditions to apply to the transfer of fees/fines
    """
    else_: Annotated[BursarExportTransferCriteriaElse, Field(alias="else")]
    """
    If none of the specified conditions is met
    """


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
    query: Annotated[str | None, Field(max_length=5000)] = None
    """
    CQL query passed to the module whose data is exported. Use it to filter data.
    """
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
    id: UUID | None = None
    """
    Job ID
    """
    name: Annotated[str | None, Field(max_length=100)] = None
    """
    Job name
    """
    description: str | None = None
    """
    Job description
    """
    source: Annotated[str | None, Field(max_length=50)] = None
    """
    Job source
    """
    is_system_source: Annotated[bool | None, Field(alias="isSystemSource")] = None
    """
    Whether the job was created by the system
    """
    tenant: str | None = None
    """
    Tenant id
    """
    type: ExportType
    """
    Export type
    """
    export_type_specific_parameters: Annotated[
        ExportTypeSpecificParameters, Field(alias="exportTypeSpecificParameters")
    ]
    status: JobStatus | None = None
    """
    Job status
    """
    files: list[str] | None = None
    """
    URLs of the exported files
    """
    file_names: Annotated[list[str] | None, Field(alias="fileNames")] = None
    """
    Names of the exported files
    """
    start_time: Annotated[AwareDatetime | None, Field(alias="startTime")] = None
    """
    Job start timestamp
    """
    end_time: Annotated[AwareDatetime | None, Field(alias="endTime")] = None
    """
    Job end timestamp
    """
    metadata: Metadata | None = None
    """
    Standard FOLIO metadata
    """
    output_format: Annotated[str | None, Field(alias="outputFormat")] = None
    """
    Job output format
    """
    error_details: Annotated[str | None, Field(alias="errorDetails")] = None
    """
    Job error details
    """
    identifier_type: Annotated[IdentifierType | None, Field(alias="identifierType")] = None
    """
    Identifier type
    """
    entity_type: Annotated[EntityType | None, Field(alias="entityType")] = None
    """
    Entity type
    """
    progress: Progress | None = None
    """
    Progress for records being processed
    """


class JobCollection(BaseModel):
    """
    A page of jobs.
    """

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    job_records: Annotated[list[Job], Field(alias="jobRecords")]
    """
    Jobs
    """
    total_records: Annotated[int, Field(alias="totalRecords")]
    """
    Total number of jobs matching the query
    """


class BursarExportFilter(
    RootModel[
        BursarExportFilterAge
        | BursarExportFilterAmount
        | BursarExportFilterFeeType
        | BursarExportFilterLocation
        | BursarExportFilterPatronGroup
        | BursarExportFilterServicePoint
        | BursarExportFilterCondition
        | BursarExportFilterNegation
        | BursarExportFilterPass
        | BursarExportFilterFeeFineOwner
    ]
):
    root: Annotated[
        BursarExportFilterAge
        | BursarExportFilterAmount
        | BursarExportFilterFeeType
        | BursarExportFilterLocation
        | BursarExportFilterPatronGroup
        | BursarExportFilterServicePoint
        | BursarExportFilterCondition
        | BursarExportFilterNegation
        | BursarExportFilterPass
        | BursarExportFilterFeeFineOwner,
        Field(discriminator="type"),
    ]
    """
    Filter for a bursar export job
    """


class BursarExportDataToken(
    RootModel[
        BursarExportTokenAggregate
        | BursarExportTokenConstant
        | BursarExportTokenCurrentDate
        | BursarExportTokenFeeDate
        | BursarExportTokenFeeAmount
        | BursarExportTokenFeeMetadata
        | BursarExportTokenItemData
        | BursarExportTokenUserData
        | BursarExportTokenUserDataOptional
        | BursarExportTokenConditional
    ]
):
    root: Annotated[
        BursarExportTokenAggregate
        | BursarExportTokenConstant
        | BursarExportTokenCurrentDate
        | BursarExportTokenFeeDate
        | BursarExportTokenFeeAmount
        | BursarExportTokenFeeMetadata
        | BursarExportTokenItemData
        | BursarExportTokenUserData
        | BursarExportTokenUserDataOptional
        | BursarExportTokenConditional,
        Field(discriminator="type"),
    ]
    """
    Token usable in the data part of a bursar export
    """


BursarExportFilterCondition.model_rebuild()
BursarExportFilterNegation.model_rebuild()
BursarExportJob.model_rebuild()
BursarExportTokenConditionalCondition.model_rebuild()
BursarExportTokenConditional.model_rebuild()
BursarExportTransferCriteriaCondition.model_rebuild()
