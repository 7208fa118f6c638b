"""What generated code declares once per operation: method, path and the answers it expects.

``OperationSpec`` is generic in what its answer parses to, so that the generated declaration
``_GET_JOB: OperationSpec[models.Job] = OperationSpec(...)`` is the one place a call's result
type is stated: ``transport.request(_GET_JOB, ...)`` is an ``APIResponse[models.Job]`` and its
``parse()`` a ``models.Job``, with no cast in the generated method.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

ResponseKind = Literal["json", "xml", "text", "binary", "empty", "events"]

T = TypeVar("T")


@dataclass(frozen=True)
class ResponseSpec:
    """One success answer: status (200, "2XX" or "default"), body kind and model."""

    status: int | str
    kind: ResponseKind
    model: Any = None  # anything pydantic.TypeAdapter accepts; None: any JSON value


@dataclass(frozen=True)
class OperationSpec(Generic[T]):
    """One operation; ``T`` is what its success answers parse to (``models.Job | None`` when
    one success has a body and another none). The generator states ``T`` from the same
    response models it lists here; pydantic checks every answer against those models."""

    method: str
    path: str  # template: /jobs/{id}
    responses: tuple[ResponseSpec, ...]
    errors: Mapping[int | str, Any] = field(default_factory=dict)  # status -> error body type
    # The operation's own security requirement (``_security``); None: the document's.
    security: tuple[tuple[str, ...], ...] | None = None
    # The header its answers name the request by, as the spec declares it (``_request_id``).
    request_id_header: str | None = None
    # The idempotency-key header the operation takes: sent with a fresh key when the caller
    # gives none, the same on every retry, which makes the call safe to retry.
    idempotency_header: str | None = None

    def response_for(self, status: int) -> ResponseSpec | None:
        for candidates in (str(status), f"{str(status)[0]}XX", "default"):
            for response in self.responses:
                if str(response.status) == candidates:
                    return response
        return None

    def error_model(self, status: int) -> Any:
        for key in (status, str(status), f"{str(status)[0]}XX", "default"):
            if key in self.errors:
                return self.errors[key]
        return None
