"""generator.client.naming: a spec's names as Python identifiers, never keywords, never
shadowing what the generated code uses, never colliding."""

from __future__ import annotations

import keyword

import pytest

from generator.client.code import Code
from generator.client.naming import RESERVED, snake_case, unique


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("getJobById", "get_job_by_id"),
        ("X-Okapi-Tenant", "x_okapi_tenant"),
        ("HTTPResponse", "http_response"),
        ("job id", "job_id"),
        ("already_snake", "already_snake"),
    ],
)
def test_snake_case_splits_the_words(text: str, name: str) -> None:
    assert snake_case(text) == name
    assert isinstance(snake_case(text), Code)


@pytest.mark.parametrize(("text", "name"), [("2fa", "n_2fa"), ("404", "n_404")])
def test_a_name_starting_with_a_digit_gets_a_prefix(text: str, name: str) -> None:
    assert snake_case(text) == name


@pytest.mark.parametrize("text", ["", "---", "  ", "{}"])
def test_a_name_with_no_words_is_value(text: str) -> None:
    assert snake_case(text) == "value"


@pytest.mark.parametrize("word", [*keyword.kwlist, *keyword.softkwlist])
def test_a_keyword_gets_an_underscore(word: str) -> None:
    name = snake_case(word)
    assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
    assert name.isidentifier()


@pytest.mark.parametrize("word", sorted(RESERVED))
def test_a_name_the_generated_code_uses_itself_gets_an_underscore(word: str) -> None:
    assert snake_case(word) == word + "_"


@pytest.mark.parametrize("text", ["ünïcode", "名前", "a\nb", "__import__('os')"])
def test_anything_else_becomes_an_identifier_or_is_refused(text: str) -> None:
    try:
        name = snake_case(text)
    except ValueError:
        return  # refused: no name a template could print
    assert name.isidentifier() and name.isascii()


def test_unique_numbers_a_taken_name_and_takes_what_it_gives() -> None:
    taken: set[str] = {"job"}
    assert unique("job", taken) == "job_2"
    assert unique("job", taken) == "job_3"
    assert unique("run", taken) == "run"
    assert taken == {"job", "job_2", "job_3", "run"}
    assert isinstance(unique("run", taken), Code)


def test_unique_skips_a_number_that_is_taken_already() -> None:
    taken = {"job", "job_2"}
    assert unique("job", taken) == "job_3"
