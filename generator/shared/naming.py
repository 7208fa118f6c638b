"""The word rules every name the toolkit makes is built from: one owner, below every stage.

``normalize/`` names components and operation ids, ``client/`` Python classes, methods and
parameters (``client.naming`` checks them as identifiers), ``emit/`` enum members and the
templates' constants. Each splits text into words and numbers a taken name here, so that two
stages cannot split ``jobInfos`` or number ``Job`` in two ways.
"""

from __future__ import annotations

import re
from collections.abc import Container

# A word ends before a capital that follows a lower-case letter or digit (``jobInfos``,
# ``v2Jobs``) and before the last capital of an acronym followed by lower case (``HTTPCode``);
# anything but ASCII letters and digits separates words.
_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9a-zA-Z]+")
# Enum values are data, not names: a digit starts a word after lower case (``level2``) and
# stays with the capitals after it (``31B/US-SAN`` -> 31B, US, SAN), where ``_BOUNDARY`` would
# split ``31B``, as datamodel-code-generator's own snake-casing of member names does.
_VALUE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z])(?=[A-Z][a-z])")


def words(text: str) -> list[str]:
    """``getJobById`` -> get, Job, By, Id; ``X-Okapi-Tenant`` -> X, Okapi, Tenant."""
    return _NOT_WORD.sub(" ", _BOUNDARY.sub(" ", text)).split()


def value_words(text: str) -> list[str]:
    """The words of a value named as a constant (enum members) or read as words (wire names
    of credential fields): ``'31B/US-SAN'`` -> 31B, US, SAN; ``refreshToken`` -> refresh,
    Token."""
    return _NOT_WORD.sub(" ", _VALUE_BOUNDARY.sub(" ", text)).split()


def _joined(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in words(text))


def pascal_case(text: str) -> str:
    """A part of a Python name: ``batch-tracking`` -> ``BatchTracking``, ``jobs`` -> ``Jobs``;
    ``Value`` when nothing is left, ``N`` in front of a digit (``2fa`` -> ``N2fa``).

    The client's class names (``JobsResource``, a model's fallback name) are made with it; the
    result is a part (``None`` is one), checked once the name is whole.
    """
    name = _joined(text) or "Value"
    return "N" + name if name[0].isdigit() else name


def spec_pascal_case(text: str) -> str:
    """A name in the normalized spec: ``jobInfos`` -> ``JobInfos``, ``UUID`` kept; ``Schema``
    when nothing is left and in front of a digit (``2fa`` -> ``Schema2fa``).

    The same words as ``pascal_case``; only the stand-in differs, and must: these names are
    published in every normalized spec (component names from file names, operation ids derived
    from paths), where changing one renames a component or an operation for every user of a
    spec already normalized, as the client's ``N``/``Value`` names are published in its code.
    """
    name = _joined(text)
    if not name:
        return "Schema"
    return "Schema" + name if name[0].isdigit() else name


def numbered(name: str, taken: Container[str], separator: str = "_") -> str:
    """``name``, or ``name_2``, ``name_3``... (with ``separator`` between), whichever is not in
    ``taken``. The spec's names take no separator (``Job2``: a component or operation id), the
    Python ones ``_`` (``job_2``)."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}{separator}{number}", number + 1
    return candidate
