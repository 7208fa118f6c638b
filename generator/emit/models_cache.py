"""Models kept by a hash of what they are made from (``build_cache``), at two stages.

datamodel-code-generator's output is a pure function of the prepared schemas
(``models_prepare``), its version and the options ``models_codegen`` gives it: it is kept as it
wrote it (``models``), so that a change to the generator's own code reruns only what follows
it. The finished models (mended by ``models_patch``, named for the client) depend besides on
the generator's code and the module's title: kept too (``models-finished``), they make a
regeneration after a template change, or after an edit that touches no schema, skip both
(GitHub's: 15 s and 4 s, and the 280 MiB the mending's syntax tree takes).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from generator.build_cache import ContentCache, code_digest, named_versions
from generator.client.code import LINE_LENGTH

# Bump when the entries' shape changes: older ones then miss instead of being misread.
_FORMAT = "1"
# The options are written in models_codegen, which cannot be imported without importing
# datamodel-code-generator (what a hit saves): its text stands for them in the key.
_OPTIONS = Path(__file__).with_name("models_codegen.py")
# The tools whose versions change the models byte for byte.
_TOOLS = ("datamodel-code-generator", "pydantic")


def _key(text: str) -> str:
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    options = _OPTIONS.read_text(encoding="utf-8")
    return ContentCache.key(
        _FORMAT, named_versions(_TOOLS), python, options, str(LINE_LENGTH), text
    )


def cached_models(text: str) -> tuple[str, dict[str, Any]] | None:
    """What datamodel-code-generator made of ``text`` before (its module, its metadata)."""
    value = ContentCache("models").get(_key(text))
    if not isinstance(value, dict):
        return None
    output, found = value.get("output"), value.get("metadata")
    if not isinstance(output, str) or not isinstance(found, dict):
        return None
    return output, found


def keep_models(text: str, output: str, found: dict[str, Any]) -> None:
    ContentCache("models").put(_key(text), {"output": output, "metadata": found})


def _finished_key(text: str, title: str, package: str) -> str:
    return ContentCache.key(_FORMAT, _key(text), code_digest(), title, package)


def cached_finished(text: str, title: str, package: str) -> dict[str, Any] | None:
    """The finished models of ``text`` under ``title`` made before: ``ModelsResult``'s fields."""
    value = ContentCache("models-finished").get(_finished_key(text, title, package))
    if not isinstance(value, dict) or set(value) != {"source", "class_names", "field_names"}:
        return None
    if not isinstance(value["source"], str) or not _names(value["class_names"]):
        return None
    fields = value["field_names"]
    if not isinstance(fields, dict) or not all(_names(names) for names in fields.values()):
        return None
    return value


def keep_finished(text: str, title: str, package: str, finished: dict[str, Any]) -> None:
    ContentCache("models-finished").put(_finished_key(text, title, package), finished)


def _names(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
