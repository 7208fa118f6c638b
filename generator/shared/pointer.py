"""JSON pointers (RFC 6901): building, splitting and following them."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


def of_local_reference(reference: str) -> str:
    """The pointer a local ``$ref`` (``#/paths/~1a~1%7Bid%7D``) names: a URI fragment, so
    percent-decoded."""
    return unquote(reference[1:])


def split(pointer: str) -> list[str]:
    if pointer in ("", "/") and pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {pointer!r}")
    return [unescape(token) for token in pointer[1:].split("/")]


def resolve(document: Any, pointer: str) -> Any:
    """The value at ``pointer``; KeyError names the first token that is missing."""
    node = document
    for token in split(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif (
            isinstance(node, list)
            and token.isascii()
            and token.isdigit()
            and int(token) < len(node)
        ):
            node = node[int(token)]
        else:
            raise KeyError(token)
    return node
