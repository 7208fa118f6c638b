"""The templates cannot print spec text as code: each ``{{ }}`` must print ``Code``.

``generator.client.code`` makes every value a template may print (a repr literal, a checked name or
type, escaped docstring, Markdown or TOML text); the environment refuses anything else, so
rendering every template for the five systems and for hostile specs (tests/hostile) proves no
raw spec string is printed. The scan below finds the other way a value becomes code: output
placed inside a string literal or f-string of the template, where no escaping filter helps.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from generator.client import code
from generator.client.client_model_build import build_package
from generator.emit.models_codegen import generate_models
from generator.emit.render import TEMPLATES, environment, render_package
from generator.project.systems import system_ids
from tests.conftest import SPECS

_OUTPUT = re.compile(r"\{\{-?(.*?)-?\}\}", re.DOTALL)
_TAG = re.compile(r"\{%-?.*?-?%\}|\{#.*?#\}", re.DOTALL)
# Inside a docstring, anything the environment prints (a checked name, template text, text
# escaped by `docstring`) belongs there, except a literal of another language, whose quotes
# could end the docstring.
_NOT_IN_DOCSTRING = re.compile(r"\|\s*(py|status|toml|markdown\w*)\b")
PYTHON_TEMPLATES = sorted(
    p
    for p in (TEMPLATES / "package").glob("*.jinja")
    if not p.name.endswith((".md.jinja", ".toml.jinja"))
)


def _outputs_in_strings(template: str) -> list[str]:
    """The ``{{ }}`` expressions of ``template`` inside a Python string that are not safe there.

    In a string literal or an f-string nothing is: escaped or not, printed text becomes part
    of the string's code (an f-string's braces, a quote). In a docstring, see above.
    """
    expressions: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        expressions.append(match.group(1).strip())
        return f"_jinja_{len(expressions) - 1}_"

    python = _OUTPUT.sub(placeholder, _TAG.sub("", template))
    found = []
    for token in tokenize.generate_tokens(io.StringIO(python).readline):
        if token.type == tokenize.STRING:
            for number in re.findall(r"_jinja_(\d+)_", token.string):
                expression = expressions[int(number)]
                is_docstring = token.string.startswith('"""')
                if not is_docstring or _NOT_IN_DOCSTRING.search(expression):
                    found.append(expression)
    return found


@pytest.mark.parametrize("template", PYTHON_TEMPLATES, ids=lambda p: p.name)
def test_no_template_output_inside_a_python_string(template: Path) -> None:
    assert _outputs_in_strings(template.read_text(encoding="utf-8")) == []


def test_the_scan_finds_output_inside_an_f_string() -> None:
    # the server_url() bug of issue #11: enum values pasted into an f-string
    bad = 'raise ValueError(f"unknown {{ v.python_name }}; one of {{ v.choices | join(", ") }}")\n'
    assert _outputs_in_strings(bad) == ["v.python_name", 'v.choices | join(", ")']
    assert _outputs_in_strings('x = "{{ a | docstring }}"\n') == ["a | docstring"]
    assert _outputs_in_strings('"""One of {{ v.choices | py }}."""\n') == ["v.choices | py"]
    assert _outputs_in_strings('"""{{ a | docstring(4) }}"""\nx = {{ b | py }}\n') == []


@pytest.mark.parametrize("value", ["x", "__import__('os')", 1, True, None, ["a"]], ids=repr)
def test_printing_a_value_without_an_escaping_filter_fails(value: object) -> None:
    with pytest.raises(TypeError, match="without an escaping filter"):
        environment().from_string("{{ value }}").render(value=value)


def test_escaping_filters_and_template_text_print() -> None:
    template = environment().from_string(
        '{{ value | py }} {{ "async " if flag }}{{ value | docstring }} {{ number | py }}'
    )
    assert template.render(value="a'b", flag=True, number=2) == "\"a'b\" async a'b 2"
    # a concatenation is a new plain string: it must go through a filter too
    with pytest.raises(TypeError):
        environment().from_string('{{ "x" ~ value }}').render(value="y")


def _package(system: str):  # type: ignore[no-untyped-def]
    document = yaml.safe_load((SPECS / system / "openapi.yaml").read_text(encoding="utf-8"))
    models = generate_models(document, package=system.replace("-", "_"))
    return build_package(document, package=system.replace("-", "_"), class_names=models.class_names)


@pytest.mark.parametrize("system", system_ids(SPECS))
def test_every_template_renders_for_every_system(system: str) -> None:
    files = render_package(_package(system))
    assert any(path.endswith("resources.py") for path in files)


def test_a_spec_string_that_skipped_the_model_builder_is_refused() -> None:
    package = _package("alma-jobs")
    # a title is printed through docstring/markdown/toml filters; a name is printed as it is
    # and so must be a checked identifier (code.identifier), which a plain str is not
    with pytest.raises(TypeError, match="without an escaping filter"):
        render_package(replace(package, name="alma_jobs"))
    assert render_package(replace(package, name=code.identifier("alma_jobs")))


@pytest.mark.parametrize(
    ("make", "text"),
    [
        (code.identifier, "a b"),
        (code.identifier, "class"),
        (code.identifier, "ünï"),
        (code.annotation, "__import__('os')"),
        (code.annotation, "list[int] + 1"),
        (code.annotation, "(lambda: 1)"),
    ],
)
def test_names_and_types_that_are_not_plain_are_refused(make: object, text: str) -> None:
    with pytest.raises((ValueError, SyntaxError)):
        make(text)  # type: ignore[operator]
