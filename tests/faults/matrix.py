"""The fault matrix: every way a server or network misbehaves that the clients must survive,
and what each client does about it. docs/reliability.md prints this table."""

from __future__ import annotations

from dataclasses import dataclass

from tests.faults.bodies import (
    DEEP_JSON,
    DEEP_XML,
    INVALID_UTF8,
    MIB,
    NOT_GZIP,
    XML_UNKNOWN_ENCODING,
    encoded,
    endless,
    gzip_of_zeros,
    labelled,
)
from tests.faults.server import (
    Fault,
    answer,
    drip,
    reset_mid_body,
    retry_after_date,
    short_body,
    stall,
    success_with,
)

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE jobs [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<jobs><total_record_count>&secret;</total_record_count></jobs>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<jobs><total_record_count>&lol4;</total_record_count></jobs>"""


@dataclass(frozen=True)
class Outcome:
    """What the call ends in: the model (``ok``) or an error class of the package."""

    result: str  # "ok" or the name of an error class in <package>.errors
    attempts: int | None  # requests the server saw, where it can count them
    min_seconds: float = 0.0  # a wait that must happen (Retry-After)
    max_seconds: float = 5.0  # and the deadline the call never overruns

    def text(self) -> str:
        result = "the model" if self.result == "ok" else f"`{self.result}`"
        tries = f" after {self.attempts} attempts" if self.attempts and self.attempts > 1 else ""
        wait = f", waiting ≥ {self.min_seconds:g} s" if self.min_seconds else ""
        return f"{result}{tries}{wait}"


@dataclass(frozen=True)
class Case:
    id: str
    what: str
    faults: tuple[Fault, ...]
    read: Outcome  # a GET: retried
    write: Outcome  # a POST: not retried (it could create something twice)
    timeout: float = 5.0  # the client's timeout
    refused: bool = False  # the client points at a port nobody listens on


def _once_then_ok(status: int) -> Case:
    return Case(
        f"{status}-once",
        f"{status} once, then the answer",
        (answer(status, b'{"message": "try again"}'),),
        Outcome("ok", 2),
        Outcome("InternalServerError", 1),
    )


_BAD_BODY = Outcome("ResponseValidationError", 1)
_TOO_LARGE = Outcome("ResponseTooLargeError", 1)  # never retried: the next could be as large

CASES = [
    Case(
        "429-retry-after-seconds",
        "429 with `Retry-After: 1`, then the answer",
        (answer(429, b'{"message": "slow down"}', Retry_After="1"),),
        Outcome("ok", 2, min_seconds=0.9),
        Outcome("RateLimitError", 1),
    ),
    Case(
        "429-retry-after-date",
        "429 with `Retry-After` as an HTTP date 2 s ahead, then the answer",
        (retry_after_date(2),),
        Outcome("ok", 2, min_seconds=0.9),
        Outcome("RateLimitError", 1),
    ),
    _once_then_ok(500),
    _once_then_ok(502),
    _once_then_ok(503),
    _once_then_ok(504),
    Case(
        "503-always",
        "503 every time",
        (answer(503, b"{}"),) * 3,
        Outcome("InternalServerError", 3),
        Outcome("InternalServerError", 1),
    ),
    Case(
        "connection-refused",
        "nothing listens on the port",
        (),
        Outcome("APIConnectionError", None),
        Outcome("APIConnectionError", None),
        refused=True,
    ),
    Case(
        "reset-mid-body",
        "the connection is reset halfway through the body, once",
        (reset_mid_body,),
        Outcome("ok", 2),
        Outcome("APIConnectionError", 1),
    ),
    Case(
        "short-body",
        "the server closes before `Content-Length` bytes, once",
        (short_body,),
        Outcome("ok", 2),
        Outcome("APIConnectionError", 1),
    ),
    Case(
        "read-timeout",
        "no answer at all (client timeout 0.5 s)",
        (stall,) * 3,
        Outcome("APITimeoutError", 3, max_seconds=4.0),
        Outcome("APITimeoutError", 1, max_seconds=1.5),
        timeout=0.5,
    ),
    Case(
        "slow-drip",
        "one byte every 50 ms, each read quick, the whole body not (client timeout 0.5 s)",
        (drip,) * 3,
        Outcome("APITimeoutError", 3, max_seconds=4.0),
        Outcome("APITimeoutError", 1, max_seconds=1.5),
        timeout=0.5,
    ),
    Case(
        "truncated-json",
        "200 with JSON cut short (the length matches what is sent)",
        (success_with(b'{"totalRecords": 1, "jobRec'),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "html-200",
        "200 with an HTML error page",
        (success_with(b"<html><body>Service down</body></html>", "text/html"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "wrong-content-type",
        "200 with the right JSON labelled `text/plain`",
        (success_with(b'{"totalRecords": 0}', "text/plain"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case("empty-body", "200 with an empty body", (success_with(b""),), _BAD_BODY, _BAD_BODY),
    Case(
        "schema-mismatch",
        "a 2xx body that does not match the schema (a list for an object)",
        (success_with(b"[1, 2, 3]"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "xml-external-entity",
        "XML naming an external entity (`file:///etc/passwd`)",
        (success_with(XXE, "application/xml"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "xml-entity-expansion",
        "XML entity expansion (a billion laughs)",
        (success_with(BOMB, "application/xml"),),
        Outcome("ResponseValidationError", 1, max_seconds=1.0),
        Outcome("ResponseValidationError", 1, max_seconds=1.0),
    ),
    Case(
        "gzip-bomb",
        "200 with 130 KiB of gzip that inflates to 128 MiB (the bound: 64 MiB decoded)",
        (encoded(gzip_of_zeros(128 * MIB), "gzip"),),
        _TOO_LARGE,
        _TOO_LARGE,
    ),
    Case(
        "huge-body",
        "200 with 128 MiB of JSON, chunked, no length",
        (endless(128 * MIB),),
        _TOO_LARGE,
        _TOO_LARGE,
    ),
    Case(
        "error-gzip-bomb",
        "500 whose body is that gzip bomb",
        (encoded(gzip_of_zeros(128 * MIB), "gzip", status=500),),
        _TOO_LARGE,
        _TOO_LARGE,
    ),
    Case(
        "bad-gzip",
        "200 labelled `Content-Encoding: gzip` that is not gzip",
        (encoded(NOT_GZIP, "gzip"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "deep-json",
        "200 with JSON arrays nested 100,000 deep",
        (success_with(DEEP_JSON),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "deep-xml",
        "200 with XML elements nested 2,000 deep",
        (success_with(DEEP_XML, "application/xml"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "xml-unknown-encoding",
        "200 with XML declaring an encoding Python does not know",
        (success_with(XML_UNKNOWN_ENCODING, "application/xml"),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "invalid-utf8",
        "200 with JSON whose strings are not UTF-8",
        (success_with(INVALID_UTF8),),
        _BAD_BODY,
        _BAD_BODY,
    ),
    Case(
        "unknown-charset",
        "200 with the right JSON labelled `charset=no-such-charset`",
        (labelled("application/json; charset=no-such-charset"),),
        Outcome("ok", 1),
        Outcome("ok", 1),
    ),
    Case(
        "error-deep-xml",
        "500 with XML nested 2,000 deep",
        (answer(500, DEEP_XML, "application/xml"),) * 3,
        Outcome("InternalServerError", 3),
        Outcome("InternalServerError", 1),
    ),
]


def table() -> str:
    """The matrix as the docs print it."""
    lines = [
        "| case | the server does | a read (GET, retried) ends in | a write (POST) ends in |",
        "|---|---|---|---|",
    ]
    for case in CASES:
        lines.append(f"| `{case.id}` | {case.what} | {case.read.text()} | {case.write.text()} |")
    return "\n".join(lines) + "\n"
