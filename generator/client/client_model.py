"""The intermediate model of a client package: what the templates print, and nothing else.

Built from a normalized spec by ``client_model_build``; plain frozen dataclasses, no I/O and no
text beyond the names and type expressions the templates need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.client.type_refs import NONE, Model, TypeRef

BodyKind = Literal["json", "xml", "form", "multipart", "binary", "text"]
ResponseKind = Literal["json", "xml", "text", "binary", "empty"]


@dataclass(frozen=True)
class Parameter:
    name: str  # on the wire
    python_name: str
    location: Literal["path", "query", "header", "body"]
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
    annotation: TypeRef | None  # the parsed Python type; None for no body


@dataclass(frozen=True)
class Pagination:
    method_name: str  # iter_jobs
    offset: str  # python names of the offset and limit parameters
    limit: str
    items: str  # JSON pointers
    total: str | None
    item_annotation: TypeRef


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
    return_annotation: TypeRef
    streamed: bool  # a binary download
    pagination: Pagination | None = None
    spec_name: str = ""  # the module-level OperationSpec constant, unique in the package

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


@dataclass(frozen=True)
class Auth:
    kind: Literal["login", "apikey", "oauth2_password", "none"]
    header: str = ""  # apikey: the key's header; login: the token's
    prefix: str = ""
    token_url: str = ""
    scope_template: str = ""
    # oauth2_password: each {placeholder} of the scope template and the Client() argument
    # that fills it
    scope_arguments: tuple[tuple[str, str], ...] = ()
    # login: the endpoints in the order tried, and the header (if any) that names the tenant,
    # with an example value for the README
    endpoints: tuple[LoginEndpoint, ...] = ()
    tenant_header: str = ""
    tenant_example: str = ""


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
    version: str
    server_url: str  # template with {variables}
    server_variables: tuple[ServerVariable, ...]
    auth: Auth
    resources: tuple[Resource, ...]
    uses_xml: bool = False
    webhooks: tuple[Webhook, ...] = ()

    @property
    def error_models(self) -> tuple[TypeRef, ...]:
        """The types of the error bodies the spec declares, each once, in printed order."""
        found = {t for r in self.resources for o in r.operations for _, t in o.errors}
        return tuple(sorted(found, key=str))
