"""What a media type is to the client: JSON, XML, text, a form, multipart or bytes.

One owner, because the client types a body or an answer by its kind and ``inline_models``
names only the schemas the client will read as JSON or XML.
"""

from __future__ import annotations

import re

from generator.client.client_model import BodyKind

_JSON = re.compile(r"^application/(?:[\w.-]+\+)?json$")
_XML = re.compile(r"^(?:application|text)/(?:[\w.-]+\+)?xml$")


def kind(media_type: str) -> BodyKind:
    if _JSON.match(media_type):
        return "json"
    if _XML.match(media_type):
        return "xml"
    if media_type.startswith("text/"):
        return "text"
    if media_type == "application/x-www-form-urlencoded":
        return "form"
    if media_type.startswith("multipart/"):
        return "multipart"
    return "binary"
