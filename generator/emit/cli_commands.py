"""What a package's command line declares (``templates/package/_cli.py.jinja``): a command per
operation, made from the client model, every piece code made by ``client.code``. The runtime's
``_cli`` module turns the declarations into argparse subcommands."""

from __future__ import annotations

import ast
import shlex
from dataclasses import dataclass

from generator.client import type_refs as types
from generator.client.client_model import JobWaiter, Operation, Package, Parameter, Resource
from generator.client.code import Code, code_span, identifier, literal
from generator.emit import readme_choices
from generator.shared.naming import numbered

# Options of the runtime's own on the commands: an API parameter does not take their names.
_RESERVED = {"help", "data", "output", "all", "wait", "timeout", "poll-interval"}


@dataclass(frozen=True)
class CliArgument:
    keyword: Code
    annotation: Code  # of each value
    help: Code
    option: Code | None  # a literal: the option; None for a positional
    required: bool
    repeated: bool
    choices: Code  # a tuple literal
    file: bool


@dataclass(frozen=True)
class CliWait:
    resource: Code
    method: Code
    forwarded: Code  # a tuple literal of keywords
    job_id: Code  # a literal pointer
    link: bool


def kebab(name: str) -> str:
    """The runtime's ``kebab``: ``run_job`` -> ``run-job``, ``id_`` -> ``id``."""
    return name.strip("_").replace("_", "-")


def environment_variable(package: Package, keyword: str) -> str:
    """``ALMA_JOBS_API_KEY``: the variable giving a Client() keyword (``base_url``: the URL)."""
    return f"{package.name}_{keyword.strip('_')}".upper()


def environment(package: Package) -> list[tuple[str, str]]:
    """Each credential and server variable keyword of ``Client()`` and its variable."""
    keywords = [*package.auth.keywords, *(v.python_name for v in package.server_variables)]
    return [(k, environment_variable(package, k)) for k in dict.fromkeys(keywords)]


def example_environment(package: Package) -> list[Code]:
    """The README's ``export`` lines: the server, and the credentials of the README's Python
    example (a login's ready token, not a user's password)."""
    url = readme_choices.example_base_url(package)
    lines = [f"export {environment_variable(package, 'base_url')}={shlex.quote(url)}"]
    for scheme in readme_choices.example_schemes(package):
        roles = dict(scheme.arguments)
        if scheme.kind == "login":
            wanted = ("tenant", "token") if scheme.tenant_header else ("token",)
            roles = {r: k for r, k in roles.items() if r in wanted}
        roles.pop("scope", None)  # optional
        keywords = [*roles.values(), *dict(scheme.scope_arguments).values()]
        lines += [f"export {environment_variable(package, k)}=..." for k in keywords]
    return [code_span(line) for line in lines]


def arguments(operation: Operation) -> list[CliArgument]:
    """The call's keywords on the command line: path parameters positional, the others options
    (form and multipart fields too); a fixed value is never asked for."""
    fields = (
        operation.body.parameters
        if operation.body and operation.body.kind in ("form", "multipart")
        else ()
    )
    taken = set(_RESERVED)
    found = []
    for p in (*operation.path_parameters, *operation.other_parameters, *fields):
        if p.fixed:
            continue
        option = None
        if p.location != "path":
            name = kebab(p.python_name)
            if name in taken:  # --data of the command line, or ``id`` and ``id_``
                name = f"{'body' if p.location == 'body' else p.location}-{name}"
            name = numbered(name, taken, separator="-")
            taken.add(name)
            option = "--" + name
        found.append(_argument(p, option))
    return found


def _argument(p: Parameter, option: str | None) -> CliArgument:
    annotation = p.annotation
    members = annotation.members if isinstance(annotation, types.UnionOf) else (annotation,)
    members = tuple(m for m in members if m != types.NONE)
    item = members[0] if len(members) == 1 else annotation
    repeated = isinstance(item, types.ListOf)
    if isinstance(item, types.ListOf):
        item = item.item
    choices = item.values if isinstance(item, types.LiteralOf) else ()
    return CliArgument(
        keyword=identifier(p.python_name),
        annotation=item.code(),
        help=literal(" ".join(p.description.split())),
        option=None if option is None else literal(option),
        required=p.required,
        repeated=repeated,
        choices=literal(tuple(choices)),
        file=p.is_file,
    )


def body(operation: Operation) -> Parameter | None:
    """The parameter ``--data`` gives: the whole body (a form's fields are options)."""
    b = operation.body
    return b.parameters[0] if b and b.kind in ("json", "xml", "binary", "text") else None


def driven(operation: Operation) -> Code:
    """The keywords ``iter_*`` drives itself, which ``--all`` does not pass on."""
    pg = operation.pagination
    names = [] if pg is None else [n for n in (pg.offset, pg.limit, pg.page, pg.cursor) if n]
    return literal(tuple(names))


def wait(package: Package, operation: Operation) -> CliWait | None:
    """The waiter of the job ``operation`` starts (``x-job`` ``started-by``), when the waiter's
    other identifiers are the call's own keywords and the answer names the job."""
    for resource in package.resources:
        for waiter in resource.waiters:
            if operation.method_name in waiter.started_by:
                return _wait(resource, waiter, operation)
    return None


def _wait(resource: Resource, waiter: JobWaiter, operation: Operation) -> CliWait | None:
    keywords = {p.python_name for p in operation.parameters}
    forwarded = [p.python_name for p in waiter.id_parameters[:-1]]
    pointer = waiter.started_link or waiter.id_field
    if pointer is None or not set(forwarded) <= keywords:
        return None
    return CliWait(
        resource=identifier(resource.attribute),
        method=identifier(waiter.method_name),
        forwarded=literal(tuple(forwarded)),
        job_id=literal(pointer),
        link=waiter.started_link is not None,
    )


def example(package: Package) -> Code | None:
    """The README's command: the README's simple call on the command line."""
    found = readme_choices.simple_call(package)
    if found is None:
        return None
    resource, operation = found
    words = ["python", "-m", package.name, kebab(resource.attribute), kebab(operation.method_name)]
    for p in operation.path_parameters:
        if not p.fixed:
            words.append(str(ast.literal_eval(readme_choices.placeholder(p))))
    return code_span(shlex.join(words))
