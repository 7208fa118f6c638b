"""A received answer, and its parsing into the spec's types."""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Generic, TypeVar

import httpx
from pydantic import TypeAdapter, ValidationError

from . import _xml_optional as optional_xml
from ._errors import ResponseValidationError
from ._gc_pause import gc_paused
from ._operation import OperationSpec, ResponseSpec
from ._request_id import request_id

T = TypeVar("T")


@cache
def adapter(model: Any) -> TypeAdapter[Any]:
    """One TypeAdapter per type: building them is the expensive part of validation."""
    return TypeAdapter(model)


def _media(response: httpx.Response) -> str:
    content_type: str = response.headers.get("content-type", "")
    return content_type.split(";")[0].strip().lower()


def _text(response: httpx.Response) -> str:
    """The body as text in its declared charset (UTF-8 when none, or one Python does not know).

    Strictly: httpx's ``text`` puts U+FFFD where the bytes are not that charset, which would
    hand the caller altered text as if it were the answer."""
    content = response.content
    try:
        return content.decode(response.charset_encoding or "utf-8")
    except LookupError:  # an unknown charset, or a codec that is not a text encoding
        return content.decode("utf-8")


def decode(response: httpx.Response, expected: ResponseSpec | None) -> Any:
    """The body as JSON-shaped data (JSON or XML), text, bytes or None; raise when unreadable."""
    content = response.content
    kind = expected.kind if expected is not None else "json"
    if kind == "empty" or (not content and kind != "binary"):
        return None
    media = _media(response)
    try:
        if kind in ("json", "xml"):
            # In a package whose spec speaks no XML, an XML answer is refused like any other
            # content type the spec does not offer.
            if "xml" in media and optional_xml.SHIPPED:
                return optional_xml.xml().parse_xml(content)
            if "json" in media or not media:
                return json.loads(content)
            expected_types = "JSON or XML" if optional_xml.SHIPPED else "JSON"
            raise ValueError(f"content type {media!r} where {expected_types} was expected")
        if kind == "text":
            return _text(response)
        return content
    except RecursionError:  # json.loads recurses once per level of nesting
        raise _unreadable(response, "nested too deeply") from None
    except ValueError as error:  # XmlError, and UnicodeDecodeError, are ValueErrors
        raise _unreadable(response, str(error)) from None


def _unreadable(response: httpx.Response, reason: str) -> ResponseValidationError:
    return ResponseValidationError(
        f"{response.status_code} answer to {response.request.method} could not be read: {reason}",
        response=response,
        body=response.content,
    )


def _is_json(response: httpx.Response, expected: ResponseSpec) -> bool:
    """Whether ``decode`` would read this answer as JSON: the media type says so or is absent."""
    media = _media(response)
    if expected.kind not in ("json", "xml") or "xml" in media:
        return False
    return "json" in media or not media


def _accepts_none(model: Any) -> bool:
    """Whether ``model`` takes an empty body as None (free-form JSON, an optional type)."""
    try:
        adapter(model).validate_python(None)
    except ValidationError:
        return False
    return True


class APIResponse(Generic[T]):
    """The raw answer of a call: ``status_code``, ``headers``, ``content``, and ``parse()``."""

    def __init__(self, response: httpx.Response, spec: OperationSpec[T]) -> None:
        self.http_response = response
        self._spec = spec

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The id the server gave this request (``X-Request-Id`` or the spec's header)."""
        return request_id(self.http_response)

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def parse(self) -> T:
        """The body as the spec's type; ``ResponseValidationError`` when it does not match."""
        expected = self._spec.response_for(self.status_code)
        content = self.http_response.content
        if (
            expected is not None
            and expected.model is not None
            and content
            and _is_json(self.http_response, expected)
        ):
            return self._from_json(expected.model, content)
        data = decode(self.http_response, expected)
        if expected is None or expected.kind in ("empty", "text", "binary"):
            return data  # type: ignore[no-any-return]
        if expected.model is None:
            return data  # type: ignore[no-any-return]
        if data is None and not _accepts_none(expected.model):
            raise ResponseValidationError(
                f"{self.status_code} answer to {self._spec.method} {self._spec.path} has no "
                "body where the spec promises one",
                response=self.http_response,
                body=content,
            )
        try:
            if "xml" in _media(self.http_response):  # decode read it: the package has _xml
                data = optional_xml.xml().with_lists(data, expected.model)
            return adapter(expected.model).validate_python(data)  # type: ignore[no-any-return]
        except ValidationError as error:
            raise self._mismatch(error) from None
        except RecursionError:  # a model that nests itself, as deep as the document goes
            raise _unreadable(self.http_response, "nested too deeply") from None

    def _from_json(self, model: Any, content: bytes) -> T:
        """Validate the JSON bytes in one pass: no intermediate dicts and lists to build."""
        try:
            with gc_paused(len(content)):
                return adapter(model).validate_json(content)  # type: ignore[no-any-return]
        except ValidationError as error:
            first = error.errors()[0]
            if first["type"] != "json_invalid":
                raise self._mismatch(error) from None
            raise ResponseValidationError(
                f"{self.status_code} answer to {self.http_response.request.method} could not be "
                f"read: {first['msg']}",
                response=self.http_response,
                body=content,
            ) from None

    def _mismatch(self, error: ValidationError) -> ResponseValidationError:
        first = error.errors()[0]
        where = "/".join(str(part) for part in first["loc"]) or "the body"
        return ResponseValidationError(
            f"{self.status_code} answer to {self._spec.method} {self._spec.path} does not "
            f"match the spec at {where}: {first['msg']}",
            response=self.http_response,
            body=self.http_response.content,
        )

    def __repr__(self) -> str:
        return f"<APIResponse {self.status_code} {self._spec.method} {self._spec.path}>"
