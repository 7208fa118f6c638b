"""PEP 440 versions: what pip and every packaging tool read (``packaging`` is PEP 440's
reference implementation)."""

from __future__ import annotations

from packaging.version import InvalidVersion, Version

# Where the manifest states a package's version, it goes into the normalized spec's info as
# this extension, which the client model reads before info.version.
PACKAGE_VERSION = "x-package-version"


def is_pep440(text: str) -> bool:
    try:
        Version(text)
    except InvalidVersion:
        return False
    return True
