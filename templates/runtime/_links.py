"""RFC 8288 ``Link`` headers: the target of a relation, resolved, and only on the same origin.

A next link is followed with the client's credentials, so a link to another origin (a server
that points elsewhere, by mistake or not) must never be followed: ``same_origin`` says whether
a resolved target may be.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _quoted(text: str, at: int) -> tuple[str, int]:
    """The quoted-string starting at ``text[at] == '"'``, unescaped, and where it ends."""
    value: list[str] = []
    at += 1
    while at < len(text) and text[at] != '"':
        if text[at] == "\\" and at + 1 < len(text):
            at += 1
        value.append(text[at])
        at += 1
    return "".join(value), at + 1


def _parameters(text: str, at: int) -> tuple[dict[str, str], int]:
    """The ``; name=value`` parameters of one link, up to the comma that ends it."""
    found: dict[str, str] = {}
    while True:
        at = _skip_spaces(text, at)
        if at >= len(text) or text[at] == ",":
            return found, at + 1
        if text[at] != ";":  # stray text: skip to the next parameter or link
            at += 1
            continue
        at = _skip_spaces(text, at + 1)
        start = at
        while at < len(text) and text[at] not in "=;, \t":
            at += 1
        name = text[start:at].lower()
        at = _skip_spaces(text, at)
        value = ""
        if at < len(text) and text[at] == "=":
            at = _skip_spaces(text, at + 1)
            if at < len(text) and text[at] == '"':
                value, at = _quoted(text, at)
            else:
                start = at
                while at < len(text) and text[at] not in ";,":
                    at += 1
                value = text[start:at].strip()
        # RFC 8288 3.3: a parameter given twice counts the first time only
        if name and name not in found:
            found[name] = value


def parse(values: Iterable[str]) -> list[tuple[str, dict[str, str]]]:
    """Every link of the ``Link`` header values: (target as written, parameters)."""
    links: list[tuple[str, dict[str, str]]] = []
    for text in values:
        at = 0
        while at < len(text):
            at = _skip_spaces(text, at)
            if at >= len(text):
                break
            if text[at] != "<":  # not a link (a comma between links, or garbage): move on
                at += 1
                continue
            end = text.find(">", at)
            if end < 0:
                break
            target = text[at + 1 : end].strip()
            parameters, at = _parameters(text, end + 1)
            links.append((target, parameters))
    return links


def target(values: Iterable[str], relation: str) -> str | None:
    """The first link whose ``rel`` (a space-separated list, any case) has ``relation``."""
    for url, parameters in parse(values):
        if relation in parameters.get("rel", "").lower().split():
            return url
    return None


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


def resolve(base: str, reference: str) -> httpx.URL:
    """``reference`` (absolute or relative) against the URL of the answer that gave it."""
    return httpx.URL(base).join(reference)


def same_origin(first: str | httpx.URL, second: str | httpx.URL) -> bool:
    return _origin(httpx.URL(first)) == _origin(httpx.URL(second))
