"""Printing the intermediate model through the Jinja templates in ``templates/package``."""

from __future__ import annotations

import re
import textwrap
from functools import cache
from pathlib import Path

import jinja2

from generator import __version__
from generator.client_model import Package
from generator.readme_examples import readme_examples

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

# template -> path of the generated file, relative to the package folder
PACKAGE_FILES = {
    "pyproject.toml.jinja": "pyproject.toml",
    "README.md.jinja": "README.md",
    "__init__.py.jinja": "src/{package}/__init__.py",
    "_client.py.jinja": "src/{package}/_client.py",
    "resources.py.jinja": "src/{package}/resources.py",
    "errors.py.jinja": "src/{package}/errors.py",
}


def docstring(text: object) -> str:
    """Spec text made safe inside a triple-quoted docstring: it can never end the string."""
    value = str(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    value = value.replace("\x00", "")
    value = value.rstrip()
    # a quote just before the closing quotes would make four of them
    return value[:-1] + '\\"' if value.endswith('"') else value


def first_line(text: object) -> str:
    lines = str(text).strip().splitlines()
    return lines[0] if lines else ""


def wrap(text: str, indent: int) -> str:
    """Continuation lines indented by ``indent`` spaces, paragraphs kept."""
    lines = textwrap.dedent(text).strip().splitlines()
    return (
        ("\n" + " " * indent)
        .join(line.rstrip() for line in lines)
        .replace("\n" + " " * indent + "\n", "\n\n")
    )


def upper_snake(text: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text).replace("-", "_").upper()


def status(value: str) -> str:
    return value if value.isdigit() else repr(value)


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = "".join(
        "\\" + char
        if char in '"\\'
        else f"\\u{ord(char):04x}"
        if ord(char) < 0x20 or ord(char) == 0x7F
        else char
        for char in value
    )
    return '"' + escaped + '"'


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "package"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Python and Markdown, not HTML
    )
    env.filters.update(
        docstring=docstring,
        first_line=first_line,
        wrap=wrap,
        upper_snake=upper_snake,
        pyrepr=repr,
        status=status,
        toml=toml_string,
    )
    return env


def render_package(package: Package, error_models: list[str]) -> dict[str, str]:
    """Every templated file of ``package``: relative path -> text."""
    env = environment()
    context = {
        "package": package,
        "generator_version": __version__,
        "error_models": error_models,
        "examples": readme_examples(package),
    }
    files = {
        target.format(package=package.name): env.get_template(template).render(context)
        for template, target in PACKAGE_FILES.items()
    }
    if package.webhooks:  # only an API that calls back has them
        template = env.get_template("webhooks.py.jinja")
        files[f"src/{package.name}/webhooks.py"] = template.render(context)
    return files


def runtime_files() -> dict[str, str]:
    """The shared runtime, copied verbatim into every package as ``_runtime``."""
    folder = TEMPLATES / "runtime"
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.py"))}
