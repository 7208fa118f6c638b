"""generator.emit.render: the filters the templates print with, the files a package gets, and
the runtime copied into it. (That ``{{ }}`` refuses a raw value is tested with the templates,
in tests/hostile/test_templates.py.)"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from generator.client import code
from generator.client.client_model import Package
from generator.client.client_model_build import build_package
from generator.emit.render import (
    PACKAGE_FILES,
    TEMPLATES,
    environment,
    indent,
    render_package,
    runtime_files,
    status,
    upper_snake,
)

_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Things", "version": "1"},
    "servers": [{"url": "https://api.example.org"}],
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "tags": ["things"],
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
}
_WEBHOOK = {
    "post": {
        "requestBody": {
            "content": {"application/json": {"schema": {"type": "object"}}},
        },
        "responses": {"200": {"description": "received"}},
    }
}


def _package(**document: Any) -> Package:
    return build_package({**_SPEC, **document}, package="things", class_names={})


@pytest.mark.parametrize(
    ("value", "printed"),
    [("200", "200"), ("404", "404"), ("599", "599"), ("2XX", "'2XX'"), ("default", "'default'")],
)
def test_status_prints_a_status_code_as_an_int_and_anything_else_as_a_string(
    value: str, printed: str
) -> None:
    assert status(value) == printed
    assert isinstance(status(value), code.Code)


@pytest.mark.parametrize("value", ["²00", "2²0", "٢٠٠", "007", "600", "1000", "20"])
def test_status_never_prints_what_is_not_a_three_digit_code_as_a_number(value: str) -> None:
    printed = status(value)
    assert printed == repr(value)  # a string literal, not an int (nor a SyntaxError)
    assert eval(printed) == value  # what the runtime compares against: the text itself


@pytest.mark.parametrize(
    ("name", "constant"),
    [("wait_for_job_2", "WAIT_FOR_JOB_2"), ("getJobById", "GET_JOB_BY_ID"), ("jobs", "JOBS")],
)
def test_upper_snake_makes_a_module_constants_name(name: str, constant: str) -> None:
    assert upper_snake(name) == constant
    assert isinstance(upper_snake(name), code.Code)


def test_upper_snake_of_a_name_that_is_no_identifier_is_refused() -> None:
    with pytest.raises(ValueError):
        upper_snake("2 jobs")


def test_indent_adds_only_spaces_and_keeps_code_code() -> None:
    text = "first\nsecond\n\nthird"
    assert indent(text) == "first\n    second\n\n    third"
    assert indent(text, 2) == "first\n  second\n\n  third"
    assert not isinstance(indent(text), code.Code)  # plain text stays plain: still refused
    indented = indent(code.Code(text))
    assert isinstance(indented, code.Code) and indented == indent(text)


def test_the_filters_are_the_environments() -> None:
    filters = environment().filters
    assert filters["status"] is status
    assert filters["upper_snake"] is upper_snake
    assert filters["indent"] is indent
    rendered = (
        environment()
        .from_string("{{ s | status }} {{ n | upper_snake }}")
        .render(s="204", n="get_jobs")
    )
    assert rendered == "204 GET_JOBS"


def test_a_package_gets_every_package_file_and_webhooks_only_when_it_has_them() -> None:
    plain = _package()
    assert not plain.webhooks
    files = render_package(plain)
    expected = {target.format(package="things") for target in PACKAGE_FILES.values()}
    expected.add("src/things/resources.py")  # one module: a few operations
    assert set(files) == expected
    assert all(files.values())  # every template renders to something

    hooks = _package(webhooks={"thing-created": _WEBHOOK})
    assert hooks.webhooks
    assert set(render_package(hooks)) == expected | {"src/things/webhooks.py"}


def test_the_package_name_reaches_every_path() -> None:
    package = _package()
    renamed = replace(package, name=code.identifier("other"))
    assert all("things" not in path for path in render_package(renamed))


def test_the_runtime_is_every_module_of_templates_runtime_verbatim() -> None:
    folder = TEMPLATES / "runtime"
    files = runtime_files(replace(_package(), uses_xml=True))
    assert set(files) == {path.name for path in folder.glob("*.py")}
    assert "__init__.py" in files and "_retry.py" in files
    for name, text in files.items():
        assert text == (folder / name).read_text(encoding="utf-8")
    assert "README.md" not in files  # the folder's notes are not part of a package
    # the XML reader (and with it defusedxml) only where the spec speaks XML
    assert set(runtime_files(_package())) == set(files) - {"_xml.py"}
