"""Request bodies: JSON, XML, form fields, multipart with files, raw bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

from . import _xml_optional as optional_xml

FileInput = Path | bytes | IO[bytes] | tuple[str, bytes | IO[bytes], str]
"""A file to upload: a path, bytes, an open binary file, or (name, content, content type)."""


def wire_value(value: Any) -> Any:
    """Models as their wire JSON, with only the fields the spec declares.

    Parsed answers keep unknown fields (forward compatibility); sending them back would send
    the server fields it never asked for, so requests drop them.
    """
    if isinstance(value, BaseModel):
        dumped = value.model_dump(by_alias=True, exclude_unset=True, mode="json")
        extra = set(value.model_extra or ())
        return {key: wire_value(item) for key, item in dumped.items() if key not in extra}
    if isinstance(value, Mapping):
        return {key: wire_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [wire_value(item) for item in value]
    return value


def _form_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BaseModel | Mapping | list):
        return json.dumps(wire_value(value))
    return str(getattr(value, "value", value))


@dataclass(frozen=True)
class JsonBody:
    value: Any

    def encode(self, opened: ExitStack) -> tuple[dict[str, Any], str | None]:
        content = json.dumps(wire_value(self.value), ensure_ascii=False).encode()
        return {"content": content}, "application/json"


@dataclass(frozen=True)
class XmlBody:
    value: Any
    root: str

    def encode(self, opened: ExitStack) -> tuple[dict[str, Any], str | None]:
        # Only a package whose spec sends XML builds an XmlBody, and it has _xml.
        content = optional_xml.xml().to_xml(wire_value(self.value), self.root)
        return {"content": content}, "application/xml"


@dataclass(frozen=True)
class FormBody:
    fields: Mapping[str, Any]

    def encode(self, opened: ExitStack) -> tuple[dict[str, Any], str | None]:
        data = {k: _form_text(v) for k, v in self.fields.items() if v is not None}
        return {"data": data}, None  # httpx sets the form content type


@dataclass(frozen=True)
class MultipartBody:
    fields: Mapping[str, Any]
    files: Mapping[str, FileInput | None] = field(default_factory=dict)

    def encode(self, opened: ExitStack) -> tuple[dict[str, Any], str | None]:
        data = {k: _form_text(v) for k, v in self.fields.items() if v is not None}
        files = {name: _file(name, f, opened) for name, f in self.files.items() if f is not None}
        return {"data": data, "files": files}, None  # httpx sets the boundary


def _file(name: str, given: FileInput, opened: ExitStack) -> tuple[str, Any, str]:
    # Paths and open files are handed to httpx as file objects: it streams them in chunks.
    # A file we open is closed once the call is over (``opened``); the caller's stay open.
    if isinstance(given, tuple):
        return given
    if isinstance(given, Path):
        return (given.name, opened.enter_context(given.open("rb")), "application/octet-stream")
    if isinstance(given, bytes):
        return (name, given, "application/octet-stream")
    return (Path(getattr(given, "name", name)).name, given, "application/octet-stream")


@dataclass(frozen=True)
class RawBody:
    content: bytes | str | Iterator[bytes]
    content_type: str

    def encode(self, opened: ExitStack) -> tuple[dict[str, Any], str | None]:
        return {"content": self.content}, self.content_type


Body = JsonBody | XmlBody | FormBody | MultipartBody | RawBody
