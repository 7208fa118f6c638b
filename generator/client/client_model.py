"""The intermediate model of a client package: what the templates print, and nothing else.

Built from a normalized spec by ``client_model_build``; plain frozen dataclasses, no I/O and no
text beyond the names and type expressions the templates need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.client.type_refs import NONE, STR, Model, TypeRef

BodyKind = Literal["json", "xml", "form", "multipart", "binary", "text"]
ResponseKind = Literal["json", "xml", "text", "binary", "empty", "events"]


@dataclass(frozen=True)
class Parameter:
    name: str  # on the wire
    python_name: str
    # querystring (OpenAPI 3.2): one value that is the whole query string, form-urlencoded
    location: Literal["path", "query", "querystring", "header", "body"]
    required: bool
    annotation: TypeRef
    description: str = ""
    is_file: bool = False
    # The one value a required parameter's schema allows (an enum of one, a const), as a
    # literal: the client sends it and the method does not ask for it.
    fixed: str | None = None


@dataclass(frozen=True)
class RequestBody:
    kind: BodyKind
    # json/xml/binary/text: one parameter holding the whole body; form/multipart: one per field
    parameters: tuple[Parameter, ...]
    required: bool
    xml_root: str | None = None
    # JSON and XML offered both (Alma): the call chooses with `wire_format`
    also_xml: bool = False


@dataclass(frozen=True)
class Response:
    status: str
    kind: ResponseKind
    annotation: TypeRef | None  # the parsed Python type (events: of each one's data); None: no body

    @property
    def model(self) -> TypeRef | None:
        """What pydantic parses the body, or each event's data, with; None: taken as it is."""
        if self.kind in ("json", "xml") or (self.kind == "events" and self.annotation != STR):
            return self.annotation
        return None


@dataclass(frozen=True)
class Pagination:
    """How ``iter_*`` pages (the styles of generator/shared/x_pagination.py)."""

    method_name: str  # iter_jobs
    style: str  # offset, page, cursor or link
    items: str  # JSON pointer to the items ("" when the answer is the list)
    item_annotation: TypeRef
    summary: str  # for the docstring: the style, where it was read, the parameters it drives
    # python names of the parameters the iterator drives; limit is the page size of any style
    offset: str | None = None
    limit: str | None = None
    page: str | None = None
    cursor: str | None = None
    first: int = 1  # the number of the first page
    total: str | None = None  # JSON pointer to the collection's size in the body
    total_header: str | None = None  # or the header that gives it (X-Total-Count)
    next: str | None = None  # JSON pointer to the next cursor or link in the body
    last_item: str | None = None  # or to the next cursor in the last item (Stripe's id)
    more: str | None = None  # JSON pointer to the boolean that says another page follows
    cursor_in_body: bool = False  # cursor is then the wire name of a field of the JSON body


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method_name: str
    http_method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]  # path, query, header
    body: RequestBody | None
    responses: tuple[Response, ...]  # successes, in status order
    errors: tuple[tuple[str, TypeRef], ...]  # status -> the type of its error body
    return_annotation: TypeRef  # events: the type of each event's data
    streamed: bool  # answered as a stream: a binary download, or events
    pagination: Pagination | None = None
    spec_name: str = ""  # the module-level OperationSpec constant, unique in the package
    # the operation's own security requirement, where it differs from the document's
    security: tuple[tuple[str, ...], ...] | None = None
    request_id_header: str | None = None  # the header its answers name the request by
    idempotency_header: str | None = None  # the header parameter taking an idempotency key

    @property
    def events(self) -> bool:
        """A ``text/event-stream`` answer: the call returns an event stream."""
        return any(r.kind == "events" for r in self.responses)

    @property
    def returns_nothing(self) -> bool:
        return self.return_annotation == NONE

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def other_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location != "path")


@dataclass(frozen=True)
class JobWaiter:
    method_name: str  # wait_for_job
    model: Model  # the job's
    read_method: str  # get_job_by_id
    id_parameters: tuple[Parameter, ...]  # what the waiter takes to identify the job
    read_arguments: tuple[tuple[str, str], ...]  # read call keyword -> expression (code)
    items: str | None  # read answers a list: take the item with the job's id at this pointer
    id_field: str | None  # where the job's id is in a job object: a read must answer that job
    status: str | None
    success: tuple[str, ...]
    failure: tuple[str, ...]
    finished_when_set: str | None
    complete_when: tuple[str, str] | None
    percent: str | None
    processed: str | None
    total: str | None
    # the method names of the calls whose answer is a new job (``started-by``), and where
    # their answer links to it, when it is not the job itself (its id is the link's last part)
    started_by: tuple[str, ...] = ()
    started_link: str | None = None


@dataclass(frozen=True)
class Resource:
    tag: str
    attribute: str  # client.jobs
    class_name: str  # JobsResource
    description: str
    operations: tuple[Operation, ...]
    waiters: tuple[JobWaiter, ...] = ()


@dataclass(frozen=True)
class Webhook:
    """A request the API sends to the user's endpoint (OpenAPI 3.1 ``webhooks``)."""

    name: str  # the spec's key: "push", "branch-protection-rule-created"
    function_name: str  # parse_push
    summary: str
    description: str
    annotation: TypeRef  # the JSON payload's type: models.WebhookPush


@dataclass(frozen=True)
class LoginEndpoint:
    """Where a login posts the user's name and password, and where its answer has the token
    (``x-login``; empty: not there)."""

    path: str
    token_cookie: str = ""
    token_header: str = ""
    token_field: str = ""


SchemeKind = Literal[
    "login", "apikey", "basic", "bearer", "oauth2_password", "oauth2_client_credentials"
]
# The Client() keywords of each kind, by role (the keyword itself may differ: see ``Scheme``).
SCHEME_ROLES: dict[str, tuple[str, ...]] = {
    "login": ("tenant", "token", "username", "password"),
    "apikey": ("api_key",),
    "basic": ("username", "password"),
    "bearer": ("token",),
    "oauth2_password": ("client_id", "client_secret", "username", "password", "scope"),
    "oauth2_client_credentials": ("client_id", "client_secret", "scope"),
}


@dataclass(frozen=True)
class Scheme:
    """One security scheme the client can send, and the Client() keywords it takes."""

    name: str  # the spec's: what security requirements name
    kind: SchemeKind
    # role -> Client() keyword: the role's own name, or, when another scheme has it already,
    # one made from the scheme's name (``admin_api_key``)
    arguments: tuple[tuple[str, str], ...]
    header: str = ""  # apikey: the key's header, query parameter or cookie; login: the token's
    location: Literal["header", "query", "cookie"] = "header"
    prefix: str = ""  # apikey: before the key; bearer: the HTTP scheme ("" for a raw value)
    token_url: str = ""
    scope_template: str = ""
    # oauth2: each {placeholder} of the scope template and the Client() argument that fills it
    scope_arguments: tuple[tuple[str, str], ...] = ()
    # login: the endpoints in the order tried, and the header (if any) that names the tenant,
    # with an example value for the README
    endpoints: tuple[LoginEndpoint, ...] = ()
    tenant_header: str = ""
    tenant_example: str = ""
    what: str = ""  # bearer: where the token comes from, for the docstring ("OpenID Connect")
    http_scheme: str = ""  # bearer with no prefix: the HTTP scheme the caller's value names

    def argument(self, role: str) -> str:
        return dict(self.arguments)[role]


Requirement = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Auth:
    """The schemes the client can send, and the document's security requirement: alternatives,
    each the names of schemes sent together (``()``: no credentials)."""

    schemes: tuple[Scheme, ...] = ()
    default: Requirement = ()

    @property
    def kind(self) -> str:
        """``none``, the one scheme's kind, or ``several``."""
        if not self.schemes:
            return "none"
        return self.schemes[0].kind if len(self.schemes) == 1 else "several"

    @property
    def single(self) -> bool:
        """One scheme: its credentials are required keywords (those of a login excepted)."""
        return len(self.schemes) == 1

    @property
    def keywords(self) -> tuple[str, ...]:
        """Every Client() keyword the schemes add."""
        return tuple(
            name
            for scheme in self.schemes
            for name in (*dict(scheme.arguments).values(), *dict(scheme.scope_arguments).values())
        )


@dataclass(frozen=True)
class ServerVariable:
    name: str
    python_name: str
    default: str
    choices: tuple[str, ...]
    description: str

    @property
    def documentation(self) -> str:
        """What ``server_url()``'s docstring says of it: its description and, unless the
        description names them all already, its choices; else the part of the URL it fills."""
        named = all(
            re.search(r"(?<!\w)" + re.escape(choice) + r"(?!\w)", self.description)
            for choice in self.choices
        )
        choices = "" if named else "One of " + ", ".join(self.choices) + "."
        description = self.description.strip()
        if description and choices and not description.endswith((".", "!", "?", ":", ";")):
            description += "."
        text = " ".join(part for part in (description, choices) if part)
        return text or "the ``{" + self.name + "}`` part of the URL."


@dataclass(frozen=True)
class Package:
    name: str  # folio_data_export_spring
    distribution: str  # folio-data-export-spring
    title: str
    description: str
    version: str  # of the package: the spec's info.version as PEP 440 spells it
    server_url: str  # template with {variables}
    server_variables: tuple[ServerVariable, ...]
    auth: Auth
    resources: tuple[Resource, ...]
    uses_xml: bool = False
    webhooks: tuple[Webhook, ...] = ()
    # what the generator could not do for this spec: (message, JSON pointer)
    warnings: tuple[tuple[str, str], ...] = ()

    @property
    def idempotency_operations(self) -> tuple[str, ...]:
        """``client.<resource>.<method>`` of each call that takes an idempotency key."""
        return tuple(
            f"client.{r.attribute}.{o.method_name}"
            for r in self.resources
            for o in r.operations
            if o.idempotency_header
        )

    @property
    def error_models(self) -> tuple[TypeRef, ...]:
        """The types of the error bodies the spec declares, each once, in printed order."""
        found = {t for r in self.resources for o in r.operations for _, t in o.errors}
        return tuple(sorted(found, key=str))
