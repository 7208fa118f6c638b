"""A generated package's version: the spec's ``info.version`` as a PEP 440 version.

Vendors write ``v1``, ``1.0.0-SNAPSHOT``, ``2024-06-20`` or ``latest``; pip and every packaging
tool read PEP 440 only, so each is written the way PEP 440 would spell it (``packaging``, the
reference implementation of PEP 440, decides what is valid and how it is normalized).
"""

from __future__ import annotations

import re

from packaging.version import InvalidVersion, Version

from generator.shared.versions import PACKAGE_VERSION

# A pre- or development-release word after the numbers, as PEP 440 spells it.
_SUFFIXES = (
    (re.compile(r"alpha|a"), "a0"),
    (re.compile(r"beta|b"), "b0"),
    (re.compile(r"rc|c|pre|preview"), "rc0"),
    (re.compile(r"snapshot|dev|nightly|unstable"), ".dev0"),
)
_NUMBERED = re.compile(r"[vV]?(\d+(?:[.\-_]\d+)*)[.\-_+]?([A-Za-z]*)")
FALLBACK = "0.0.0"


def pep440(version: str) -> str:
    """``version`` normalized (``v1.3`` -> ``1.3``, ``1.0.0-beta.2`` -> ``1.0.0b2``), or its
    leading numbers with a known pre-release word (``1.0.0-SNAPSHOT`` -> ``1.0.0.dev0``,
    ``2024-06-20`` -> ``2024.6.20``), else ``0.0.0`` (``latest``)."""
    text = version.strip()
    try:
        return str(Version(text))
    except InvalidVersion:
        pass
    match = _NUMBERED.match(text)
    if match is None:
        return FALLBACK
    release = ".".join(str(int(part)) for part in re.split(r"[.\-_]", match.group(1)))
    word = match.group(2).lower()
    suffix = next((s for pattern, s in _SUFFIXES if word and pattern.fullmatch(word)), "")
    return str(Version(release + suffix))


def package_version(info: dict[str, object]) -> str:
    """The version of the package generated from a document whose ``info`` this is: the one
    its manifest states (``x-package-version``), else ``info.version`` as PEP 440 spells it."""
    stated = info.get(PACKAGE_VERSION)
    return str(stated) if isinstance(stated, str) else pep440(str(info.get("version", "")))
