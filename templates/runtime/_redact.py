"""What counts as a credential in a name, and blanking credentials in URLs and log records.

httpx logs every request's URL at INFO, and httpcore every answer's headers at DEBUG (a FOLIO
login's ``Set-Cookie: folioAccessToken=...``, an ``x-okapi-token`` answer header). A filter on
their loggers blanks, in records made during the package's own calls only, the values of
credential headers and of all cookies, secret-looking query parameters, and every value the
package holds in a ``Secret``. Other code's httpx records pass untouched. Filters run only for
records a logger has decided to emit, so with logging off they cost nothing.
"""

from __future__ import annotations

import contextvars
import logging
import re
from urllib.parse import quote, quote_plus, unquote_plus

import httpx

from ._secret import live_values

MASK = "***"
# Headers that carry credentials whatever their name says; any header or query parameter whose
# name holds one of the words is treated as a credential too.
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-okapi-token", "cookie", "set-cookie"}
)
_SECRET_WORDS = ("key", "token", "secret", "password", "auth", "session")

# httpcore writes headers as a list of byte-string pairs: [(b'Set-Cookie', b'a=b; Path=/')]
_HEADER_PAIR = re.compile(
    r"""\(b(?P<q>['"])(?P<name>[^'"]*)(?P=q), b(?P<r>['"])(?P<value>(?:\\.|(?!(?P=r)).)*)(?P=r)\)"""
)
_QUERY_PAIR = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&?#\s'\"]+)=(?P<value>[^&#\s'\"]*)")
_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)

_own_call: contextvars.ContextVar[bool] = contextvars.ContextVar("own_call", default=False)


def is_secret_name(name: str) -> bool:
    """Whether a header or query parameter of this name carries a credential."""
    lowered = name.lower()
    return lowered in _SECRET_HEADERS or any(word in lowered for word in _SECRET_WORDS)


def _is_secret_parameter(name: str, value: str, held: frozenset[str]) -> bool:
    """A query parameter of a secret-looking name, or whose whole value is one the package
    holds (an API key sent in the query under any name, however short)."""
    return is_secret_name(name) or value in held


def redacted_url(url: httpx.URL) -> str:
    """``url`` with the values of secret-looking query parameters as ``***``."""
    if not url.query:
        return str(url)
    held = frozenset(live_values(shortest=1))
    params = [
        (name, MASK if _is_secret_parameter(name, value, held) else value)
        for name, value in url.params.multi_items()
    ]
    return str(url.copy_with(params=params))


def scrubbed(text: str) -> str:
    """``text`` with known secret values, credential headers and secret query values blanked."""
    for value in live_values():
        for form in {value, quote(value, safe=""), quote_plus(value)}:
            text = text.replace(form, MASK)
    text = _HEADER_PAIR.sub(_header_pair, text)
    held = frozenset(live_values(shortest=1))
    return _QUERY_PAIR.sub(lambda match: _query_pair(match, held), text)


def _header_pair(match: re.Match[str]) -> str:
    if not is_secret_name(match["name"]):
        return match[0]
    return f"(b{match['q']}{match['name']}{match['q']}, b'{MASK}')"


def _query_pair(match: re.Match[str], held: frozenset[str]) -> str:
    if not _is_secret_parameter(match["name"], unquote_plus(match["value"]), held):
        return match[0]
    return f"{match['lead']}{match['name']}={MASK}"


class _OwnCall:
    # A class rather than a ``contextlib.contextmanager``: every call enters one, and a
    # generator-based one costs several times as much.
    def __enter__(self) -> None:
        self._token = _own_call.set(True)

    def __exit__(self, *exc_info: object) -> None:
        _own_call.reset(self._token)


def own_call() -> _OwnCall:
    """Marks the records httpx and httpcore make inside the block as the package's."""
    return _OwnCall()


class _Redactor(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _own_call.get():
            message = record.getMessage()
            clean = scrubbed(message)
            if clean != message:
                record.msg, record.args = clean, ()
        return True


_REDACTOR = _Redactor()


def install() -> None:
    """Put the filter on httpx's and httpcore's loggers, once per copy of the runtime."""
    for name in _LOGGERS:
        log = logging.getLogger(name)
        if _REDACTOR not in log.filters:
            log.addFilter(_REDACTOR)
