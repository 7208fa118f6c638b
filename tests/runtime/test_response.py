"""Every way an answer's body can fail to decode ends in the package's hierarchy with the raw
body as ``error.body``: the server picks the content type, so every client meets every one."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from pydantic import BaseModel
from runtime._errors import InternalServerError, ResponseValidationError
from runtime._operation import OperationSpec, ResponseSpec
from runtime._retry import RetryPolicy
from runtime._transport import AsyncTransport, SyncTransport


class Node(BaseModel):
    id: str | None = None
    child: Node | None = None


class Problem(BaseModel):
    message: str


MODEL = OperationSpec("GET", "/nodes/{id}", (ResponseSpec(200, "json", Node),), {500: Problem})
FREE = OperationSpec("GET", "/any", (ResponseSpec(200, "json", None),))  # json.loads, no model
TEXT = OperationSpec("GET", "/text", (ResponseSpec(200, "text", str),))

DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"child": ' * 2_000 + b"{}" + b"}" * 2_000
DEEP_XML = b"<child>" * 2_000 + b"</child>" * 2_000
XML_HEAD = b'<?xml version="1.0" encoding="%s"?><node><id>1</id></node>'

BAD_BODIES = {
    "deep-json": (DEEP_JSON, "application/json"),
    "deep-json-object": (DEEP_OBJECT, "application/json"),
    "deep-xml": (DEEP_XML, "application/xml"),
    "xml-unknown-encoding": (XML_HEAD % b"x-no-such", "application/xml"),
    "xml-not-a-text-encoding": (XML_HEAD % b"base64", "application/xml"),
    "xml-multibyte-encoding": (XML_HEAD % b"shift_jis", "application/xml"),
    "xml-not-well-formed": (b"<node><id>1</node>", "application/xml"),
    "xml-entities": (
        b'<!DOCTYPE n [<!ENTITY e "x">]><node><id>&e;</id></node>',
        "application/xml",
    ),
    "invalid-utf8-json": (b'{"id": "\xff\xfe"}', "application/json"),
    "json-labelled-xml": (b'{"id": "1"}', "application/xml"),
    "xml-labelled-json": (b"<node><id>1</id></node>", "application/json"),
    "html": (b"<html>down</html>", "text/html"),
    "huge-integer": (b'{"id": ' + b"9" * 5000 + b"}", "application/json"),
}


def _handler(status: int, content: bytes, content_type: str) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": content_type}, content=content)

    return handle


def _both(handler: Any, spec: OperationSpec) -> list[Any]:
    """The sync and the async outcome of one parsed call: the value or the error raised."""
    policy = RetryPolicy(max_retries=0)
    mock = httpx.MockTransport(handler)
    outcomes: list[Any] = []
    try:
        sync = SyncTransport("http://api.test", retry=policy, transport=mock)
        outcomes.append(sync.request(spec, path_params={"id": "1"}).parse())
    except Exception as error:
        outcomes.append(error)

    async def run() -> Any:
        transport = AsyncTransport("http://api.test", retry=policy, transport=mock)
        try:
            return (await transport.request(spec, path_params={"id": "1"})).parse()
        except Exception as error:
            return error

    outcomes.append(asyncio.run(run()))
    return outcomes


@pytest.mark.parametrize("spec", [MODEL, FREE], ids=["model", "free-form"])
@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_an_unreadable_success_body_is_a_validation_error_with_the_raw_body(
    name: str, spec: OperationSpec
) -> None:
    content, content_type = BAD_BODIES[name]
    for outcome in _both(_handler(200, content, content_type), spec):
        assert isinstance(outcome, ResponseValidationError), f"{type(outcome)}: {outcome!r}"
        assert outcome.body == content
        assert str(outcome)


@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_an_unreadable_error_body_is_still_the_status_error(name: str) -> None:
    content, content_type = BAD_BODIES[name]
    for outcome in _both(_handler(500, content, content_type), MODEL):
        assert isinstance(outcome, InternalServerError), f"{type(outcome)}: {outcome!r}"
        assert outcome.response is not None and outcome.response.content == content
        assert outcome.body is not None  # the text, where it could not be parsed


def test_a_model_that_nests_itself_as_deep_as_the_document_goes() -> None:
    # within jiter's depth, too deep for Python: the XML path validates Python objects
    depth = 3_000
    xml = b"<node>" + b"<child>" * depth + b"</child>" * depth + b"</node>"
    for outcome in _both(_handler(200, xml, "application/xml"), MODEL):
        assert isinstance(outcome, ResponseValidationError), repr(outcome)


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"caf\xe9", "text/plain"),  # Latin-1 where UTF-8 is the default
        (b"caf\xe9", "text/plain; charset=utf-8"),
        (b"caf\xc3\xa9 \xff", "text/plain; charset=no-such-charset"),
        (b"\xff\xfe\xfd", "text/plain; charset=ascii"),
    ],
)
def test_text_that_is_not_its_charset_is_an_error_not_altered_text(
    content: bytes, content_type: str
) -> None:
    for outcome in _both(_handler(200, content, content_type), TEXT):
        assert isinstance(outcome, ResponseValidationError), repr(outcome)
        assert outcome.body == content


@pytest.mark.parametrize(
    ("content", "content_type", "text"),
    [
        (b"caf\xe9", "text/plain; charset=iso-8859-1", "café"),
        (b"caf\xc3\xa9", "text/plain", "café"),
        (b"caf\xc3\xa9", "text/plain; charset=no-such-charset", "café"),  # UTF-8 then
        (b"caf\xc3\xa9", "text/plain; charset=base64", "café"),  # not a text encoding
    ],
)
def test_text_is_read_in_its_charset(content: bytes, content_type: str, text: str) -> None:
    assert _both(_handler(200, content, content_type), TEXT) == [text, text]


def test_json_labelled_with_an_unknown_charset_is_still_read() -> None:
    handler = _handler(200, b'{"id": "1"}', "application/json; charset=no-such-charset")
    assert _both(handler, MODEL) == [Node(id="1"), Node(id="1")]
