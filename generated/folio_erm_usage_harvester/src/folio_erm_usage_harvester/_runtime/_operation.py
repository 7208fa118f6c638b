"""What generated code declares once per operation: method, path and the answers it expects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ResponseKind = Literal["json", "xml", "text", "binary", "empty"]


@dataclass(frozen=True)
class ResponseSpec:
    """One success answer: status (200, "2XX" or "default"), body kind and model."""

    status: int | str
    kind: ResponseKind
    model: Any = None  # anything pydantic.TypeAdapter accepts; None: any JSON value


@dataclass(frozen=True)
class OperationSpec:
    method: str
    path: str  # template: /jobs/{id}
    responses: tuple[ResponseSpec, ...]
    errors: Mapping[int | str, Any] = field(default_factory=dict)  # status -> error body type

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
