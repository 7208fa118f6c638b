"""The word rules and the numbering every name is made with (``shared.naming``)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.emit.models_prepare import enum_member_names, is_credential_field
from generator.emit.render import upper_snake
from generator.shared import naming
from generator.shared.naming import numbered, pascal_case, spec_pascal_case, value_words, words

GENERATOR = Path(naming.__file__).resolve().parents[1]


def test_words_split_camel_case_acronyms_and_separators() -> None:
    assert words("getJobById") == ["get", "Job", "By", "Id"]
    assert words("X-Okapi-Tenant") == ["X", "Okapi", "Tenant"]
    assert words("HTTPCode v2Jobs") == ["HTTP", "Code", "v2", "Jobs"]
    assert value_words("31B/US-SAN") == ["31B", "US", "SAN"]
    assert value_words("level2") == ["level", "2"]


@given(st.text())
def test_the_two_pascal_cases_differ_only_in_their_stand_in(text: str) -> None:
    client, spec = pascal_case(text), spec_pascal_case(text)
    if not words(text):
        assert (client, spec) == ("Value", "Schema")
    elif client[0] == "N" and spec.startswith("Schema") and spec[6:7].isdigit():
        assert client[1:] == spec[6:]  # a leading digit
    else:
        assert client == spec


def test_numbered_names() -> None:
    assert numbered("job", set()) == "job"
    assert numbered("job", {"job", "job_2"}) == "job_3"
    assert numbered("Job", {"Job": 1}, separator="") == "Job2"


def test_the_users_of_the_rules() -> None:
    assert enum_member_names(["31B/US-SAN", "a", "A"]) == ["VALUE_31B_US_SAN", "A", "A_2"]
    assert is_credential_field("refreshToken") and not is_credential_field("tokenType")
    assert upper_snake("wait_for_job_2") == "WAIT_FOR_JOB_2"


# A naming rule written again outside shared/naming.py: a word-boundary regex, or a loop that
# numbers a taken name. Four modules had their own, and two of them differed.
_COPIES = (
    re.compile(r"\(\?<=\[[A-Za-z]"),  # look-behind at a letter class: a word boundary
    re.compile(r"number \+ 1|number \+= 1"),  # numbering a taken name
)


def test_no_module_has_its_own_naming_rule() -> None:
    copies = [
        f"{path.relative_to(GENERATOR)}: {pattern.pattern}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if path != GENERATOR / "shared" / "naming.py"
        for pattern in _COPIES
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert copies == []
