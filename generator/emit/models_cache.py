"""datamodel-code-generator's output, kept by a hash of its input (``build_cache``).

Its models are a pure function of the prepared schemas (``models_prepare``), its version and
the options ``models_codegen`` gives it: regenerating after a template change, or after an edit
that touches no schema, reads them back instead of running it again (GitHub's: 15 s). What it
wrote is kept as it wrote it; ``models_patch`` mends it afresh every time, so a change there
needs no new entry.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.build_cache import ContentCache
from generator.client.code import LINE_LENGTH

# Bump when the entries' shape changes: older ones then miss instead of being misread.
_FORMAT = "1"
# The options are written in models_codegen, which cannot be imported without importing
# datamodel-code-generator (what a hit saves): its text stands for them in the key.
_OPTIONS = Path(__file__).with_name("models_codegen.py")


def _versions() -> str:
    found = []
    for tool in ("datamodel-code-generator", "pydantic"):
        try:
            found.append(f"{tool}={metadata.version(tool)}")
        except metadata.PackageNotFoundError:
            found.append(f"{tool}=absent")
    return ";".join(found)


def _key(text: str) -> str:
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    options = _OPTIONS.read_text(encoding="utf-8")
    return ContentCache.key(_FORMAT, _versions(), python, options, str(LINE_LENGTH), text)


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
