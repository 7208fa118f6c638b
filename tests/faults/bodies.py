"""Faults in the body itself: compressed, huge, or not what its headers say. They answer with
the probe's success status unless given another, so the same fault reaches every client."""

from __future__ import annotations

import json
import socket
import zlib
from functools import cache

from tests.faults.server import Fault, FaultServer, Request, _head

MIB = 1 << 20


@cache
def gzip_of_zeros(size: int) -> bytes:
    """``size`` zero bytes, gzipped: about a thousandth of the size (128 MiB: 130 KiB)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [deflate.compress(bytes(MIB)) for _ in range(size // MIB)]
    return b"".join([*parts, deflate.flush()])


def encoded(
    body: bytes,
    encoding: str,
    status: int | None = None,
    content_type: str = "application/json",
) -> Fault:
    """``body`` sent as it is, labelled ``Content-Encoding: encoding``, with its length."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        headers = {
            "Content-Type": content_type,
            "Content-Encoding": encoding,
            "Content-Length": str(len(body)),
        }
        connection.sendall(_head(status or server.success[0], headers) + body)

    return send


def endless(size: int, status: int | None = None) -> Fault:
    """``size`` bytes of JSON whitespace, chunked, with no length to warn the client."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        headers = {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}
        connection.sendall(_head(status or server.success[0], headers))
        piece = b" " * (1 << 16)
        try:
            for _ in range(size // len(piece)):
                connection.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            connection.sendall(b"0\r\n\r\n")
        except OSError:
            return  # the client stopped reading: that is the point

    return send


def labelled(content_type: str) -> Fault:
    """The answer the probe expects, under another ``Content-Type``."""

    def send(connection: socket.socket, request: Request, server: FaultServer) -> None:
        status, body = server.success
        content = json.dumps(body).encode()
        headers = {"Content-Type": content_type, "Content-Length": str(len(content))}
        connection.sendall(_head(status, headers) + content)

    return send


DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
DEEP_XML = b"<a>" * 2_000 + b"</a>" * 2_000
XML_UNKNOWN_ENCODING = b'<?xml version="1.0" encoding="x-no-such"?><jobs/>'
INVALID_UTF8 = b'{"totalRecords": "\xff\xfe"}'
NOT_GZIP = b'{"totalRecords": 0} is not gzip'
