"""Printing the intermediate model through the Jinja templates in ``templates/package``."""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote

import jinja2
import jinja2.compiler
import jinja2.filters
import jinja2.nodes

from generator.client import code
from generator.client.client_model import Package
from generator.client.type_refs import TypeRef
from generator.emit import cli_commands, readme_choices, reference
from generator.emit.lazy_package import lazy_init
from generator.emit.template_cache import CompiledTemplates
from generator.shared.naming import words

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# template -> path of the generated file, relative to the package folder
PACKAGE_FILES = {
    "pyproject.toml.jinja": "pyproject.toml",
    "README.md.jinja": "README.md",
    "__init__.py.jinja": "src/{package}/__init__.py",
    "_client.py.jinja": "src/{package}/_client.py",
    "_version.py.jinja": "src/{package}/_version.py",
    "errors.py.jinja": "src/{package}/errors.py",
    "_cli.py.jinja": "src/{package}/_cli.py",
    "__main__.py.jinja": "src/{package}/__main__.py",
}


def first_line(text: object) -> str:
    lines = str(text).strip().splitlines()
    return lines[0] if lines else ""


def indent(text: str, width: int = 4) -> str:
    """Jinja's ``indent``, keeping code code: indenting adds only spaces."""
    indented = jinja2.filters.do_indent(text, width)
    return code.Code(indented) if isinstance(text, code.Code) else indented


def upper_snake(name: str) -> code.Code:
    """A Python name as a module constant's: ``wait_for_job_2`` -> ``WAIT_FOR_JOB_2``."""
    return code.identifier("_".join(words(name)).upper())


def status(value: str) -> code.Code:
    """A status code as the int the runtime compares, anything else (``2XX``) as a string."""
    # ASCII digits only: "²".isdigit() is True, and "007" is not a Python int literal
    return code.literal(int(value) if re.fullmatch(r"[1-5][0-9][0-9]", value) else value)


def finalize(value: object) -> object:
    """What a ``{{ }}`` may print: code, never a raw value from the spec (``client.code``).

    A type reference of the model prints as its annotation.
    """
    if isinstance(value, (code.Code, jinja2.Undefined)):
        return value
    if isinstance(value, TypeRef):
        return value.code()
    raise TypeError(
        f"a template printed {value!r} ({type(value).__name__}) without an escaping filter"
    )


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles string constants written in a template as ``Code``: the template's own text."""

    def visit_Const(self, node: jinja2.nodes.Const, frame: jinja2.compiler.Frame) -> None:
        value = node.as_const(frame.eval_ctx)
        if isinstance(value, str):
            self.write(f"environment.template_text({value!r})")
        else:
            super().visit_Const(node, frame)


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator

    @staticmethod
    def template_text(text: str) -> code.Code:
        return code.Code(text)


@cache
def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "package"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Python and Markdown, not HTML
        finalize=finalize,
        optimized=False,  # no folding of constants into plain text at compile time
        bytecode_cache=CompiledTemplates(),
    )
    # Rendered output (a macro's, a {% set %} block's) is made of finalized pieces only.
    env.concat = lambda parts: code.Code("".join(parts))  # type: ignore[method-assign]
    env.filters.update(
        docstring=code.docstring,
        first_line=first_line,
        indent=indent,
        upper_snake=upper_snake,
        py=code.literal,
        status=status,
        toml=code.toml_string,
        markdown=code.markdown,
        markdown_inline=code.markdown_inline,
        code_span=code.code_span,
        # what a README's examples show (readme_choices); the macros print it
        placeholder=readme_choices.placeholder,
        simple_call=readme_choices.simple_call,
        paged_call=readme_choices.paged_call,
        paged_arguments=readme_choices.paged_arguments,
        job_waiter=readme_choices.job_waiter,
        example_server_values=readme_choices.example_server_values,
        example_base_url=readme_choices.example_base_url,
        example_schemes=readme_choices.example_schemes,
        # what a package's command line declares (cli_commands); _cli.py.jinja prints it
        cli_environment=cli_commands.environment,
        cli_variable=cli_commands.environment_variable,
        cli_arguments=cli_commands.arguments,
        cli_body=cli_commands.body,
        cli_driven=cli_commands.driven,
        cli_wait=cli_commands.wait,
        cli_example=cli_commands.example,
        cli_example_environment=cli_commands.example_environment,
        # the anchors and cells of a package's api.md (reference)
        model_anchor=reference.model_anchor,
        resource_anchor=reference.resource_anchor,
        method_anchor=reference.method_anchor,
        table_code=reference.table_code,
    )
    return env


@dataclass(frozen=True)
class ReadmePaths:
    """Where a package's README says the package and its spec are."""

    install: code.Code  # what `pip install` takes, from the folder that holds the output folder
    spec: code.Code  # the spec, from that folder too
    spec_link: code.Code  # the spec, from the README (a Markdown link)

    @classmethod
    def committed(cls, package: Package) -> ReadmePaths:
        """A system's package in the project's ``generated/``, from ``specs/<system>/``."""
        spec = f"specs/{package.distribution}/openapi.yaml"
        return cls(
            code.Code(f"./generated/{package.name}"), code.Code(spec), code.Code(f"../../{spec}")
        )

    @classmethod
    def written(cls, folder: Path, spec_file: Path) -> ReadmePaths:
        """A package written to ``folder`` (``<output>/<package>``) from ``spec_file``."""
        folder, spec_file = folder.resolve(), spec_file.resolve()
        base = folder.parent.parent
        install = "./" + _relative(folder, base)
        return cls(
            code.Code(shlex.quote(install)),
            code.code_span(_relative(spec_file, base)),
            code.Code(quote(_relative(spec_file, folder))),
        )


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def render_reference(package: Package, models_source: str, *, split_models: bool = False) -> str:
    """The package's ``api.md``: its methods from the client model, its models from the
    ``models.py`` datamodel-code-generator wrote (``reference``)."""
    models = reference.models_of(models_source)
    names = reference.model_names(models)
    context = {
        "package": package,
        "models": models,
        "split_models": split_models,
        # each model a type names is linked: which names are models is this package's
        "link": lambda annotation: reference.linked_type(annotation, names),
    }
    return environment().get_template("api.md.jinja").render(context)


# Above this many operations, each resource is a module of its own, imported when first used.
RESOURCE_MODULES_ABOVE = 200


def render_package(
    package: Package, paths: ReadmePaths | None = None, *, split_models: bool = False
) -> dict[str, str]:
    """Every templated file of ``package``: relative path -> text. The README names the paths
    of a committed system's package unless ``paths`` says otherwise.

    A package of many operations, or of models split into modules (``split_models``), has a
    module per resource too: its client imports a resource's module when the resource is first
    used, so that importing it loads none of its models.
    """
    env = environment()
    operations = sum(len(resource.operations) for resource in package.resources)
    resource_modules = split_models or operations > RESOURCE_MODULES_ABOVE
    context = {
        "package": package,
        "paths": paths or ReadmePaths.committed(package),
        "resource_modules": resource_modules,
        "split_models": split_models,
    }
    files = {
        target.format(package=package.name): env.get_template(template).render(context)
        for template, target in PACKAGE_FILES.items()
    }
    files.update(_resources(package, context, resource_modules))
    if package.webhooks:  # only an API that calls back has them
        template = env.get_template("webhooks.py.jinja")
        files[f"src/{package.name}/webhooks.py"] = template.render(context)
    return files


def _resources(package: Package, context: dict[str, object], modules: bool) -> dict[str, str]:
    """``resources.py``, or the ``resources`` package: a module per resource (``_jobs.py``)."""
    template = environment().get_template("resources.py.jinja")
    if not modules:
        text = template.render({**context, "resources": package.resources, "up": code.Code(".")})
        return {f"src/{package.name}/resources.py": text}
    folder = f"src/{package.name}/resources"
    files, homes = {}, {}
    for resource in package.resources:
        module = f"_{resource.attribute}"
        files[f"{folder}/{module}.py"] = template.render(
            {**context, "resources": [resource], "up": code.Code("..")}
        )
        for prefix in ("", "Async"):
            for suffix in ("", "WithRawResponse"):
                homes[f"{prefix}{resource.class_name}{suffix}"] = module
    docstring = (
        f"The calls of {package.title}, grouped by tag: one class each, sync and async.\n\n"
        "Each resource is a module of its own, imported (with the models it uses) when it is "
        "first used: ``client.jobs``, ``from .resources import JobsResource``."
    )
    files[f"{folder}/__init__.py"] = lazy_init(docstring, homes)
    return files


# Runtime modules a package ships only when its model needs them (and their dependencies).
_XML_MODULE = "_xml.py"


def runtime_files(package: Package) -> dict[str, str]:
    """The shared runtime, copied verbatim into ``package`` as ``_runtime``: every module but
    ``_xml`` (and so defusedxml), which only a package whose spec speaks XML needs."""
    folder = TEMPLATES / "runtime"
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(folder.glob("*.py"))
        if path.name != _XML_MODULE or package.uses_xml
    }
