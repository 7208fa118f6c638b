"""The command line of a package (``python -m <package>``): argparse over the sync client.

A package declares its commands as data (its own ``_cli.py``, generated from the same client
model as its resources); this module turns them into subcommands, reads the credentials from
environment variables, makes the call and prints the answer as JSON on standard output.
argparse is enough: the commands are data known in advance, and a package adds no dependency.

Exit codes: 0 ok, 1 an ``APIError`` (its message, with the request id, on standard error),
2 a usage error (argparse's, or a body or an argument that does not validate), 130 Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from ._access import value_at
from ._errors import APIError, JobFailedError, JobTimeoutError, PathParameterError
from ._jobs import JobProgress

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

# A waiter's own defaults (resources.py), as options of --wait
_WAIT_TIMEOUT = 600.0
_POLL_INTERVAL = 2.0


@dataclass(frozen=True)
class Argument:
    """A keyword of the call: a positional (``option`` None: a path parameter) or an option."""

    keyword: str
    annotation: Any  # what each value is validated as (for a repeated option, each item)
    help: str = ""
    option: str | None = None  # --job-id
    required: bool = False
    repeated: bool = False  # a list: the option is given once per item
    choices: tuple[str, ...] = ()
    file: bool = False  # an upload: the value is a path


@dataclass(frozen=True)
class Body:
    """The request body, given with ``--data``: JSON validated by ``annotation``, or ``raw``
    bytes (``bytes``) or text sent as they are read."""

    keyword: str
    annotation: Any
    required: bool
    raw: bool = False


@dataclass(frozen=True)
class Paged:
    """``--all``: the call's ``iter_*`` method, without the keywords it drives itself."""

    method: str
    driven: tuple[str, ...]


@dataclass(frozen=True)
class Wait:
    """``--wait``: the waiter of the job the call starts, and how its answer names the job."""

    resource: str
    method: str
    forwarded: tuple[str, ...]  # the call's keywords that the waiter takes first, in order
    job_id: str  # JSON pointer (wire names) to the job's id in the call's answer
    link: bool = False  # the pointer names a link to the job: its last path segment is the id


@dataclass(frozen=True)
class Command:
    resource: str  # the client's attribute
    method: str
    summary: str
    description: str = ""
    arguments: tuple[Argument, ...] = ()
    body: Body | None = None
    paged: Paged | None = None
    wait: Wait | None = None
    download: bool = False  # a streamed binary answer: written to --output or standard output
    events: bool = False  # server-sent events: each one's data a line, as it arrives


@dataclass(frozen=True)
class Program:
    package: str
    description: str
    environment: tuple[tuple[str, str], ...]  # Client() keyword -> the variable that gives it
    base_url_variable: str
    resources: tuple[tuple[str, str], ...]  # the client's attribute -> what it groups
    commands: tuple[Command, ...]


def kebab(name: str) -> str:
    """A Python name as a command or option name: ``run_job`` -> ``run-job``."""
    return name.strip("_").replace("_", "-")


class UsageError(Exception):
    """The command line asks for something the call cannot take (exit 2)."""


def run(
    program: Program,
    client_class: Callable[..., Any],
    argv: Sequence[str] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Parse ``argv``, make the call with a client from ``client_class``, print the answer;
    the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser(program)
    try:  # argparse prints to the process's streams
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            arguments = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) or argparse's usage error (2)
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    command: Command = arguments._command
    try:
        keywords = _keywords(command, arguments, stdin)
        client = client_class(**_client_keywords(program, client_class, environ or os.environ))
        with client:
            _call(client, command, arguments, keywords, out, err)
    except UsageError as error:
        print(f"{parser.prog}: error: {error}", file=err)
        return EXIT_USAGE
    except PathParameterError as error:  # the caller's value, refused before sending
        print(f"{parser.prog}: error: {error}", file=err)
        return EXIT_USAGE
    except APIError as error:
        if isinstance(error, JobFailedError | JobTimeoutError):
            _print_json(error.job, out)  # the final (or last read) job
        print(f"error: {error}", file=err)
        return EXIT_API_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return EXIT_INTERRUPTED
    return EXIT_OK


# -- the parser ---------------------------------------------------------------------------


def _parser(program: Program) -> argparse.ArgumentParser:
    variables = [f"  {variable}" for _, variable in program.environment]
    epilog = "\n".join(
        [
            "Credentials and the server come from environment variables:",
            f"  {program.base_url_variable} (the server's base URL)",
            *variables,
        ]
    )
    parser = argparse.ArgumentParser(
        prog=f"python -m {program.package}",
        description=_text(program.description),
        epilog=epilog,
        formatter_class=_FORMATTER,
    )
    resources = parser.add_subparsers(
        title="resources", metavar="RESOURCE", dest="_resource", required=True
    )
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for attribute, description in program.resources:
        group = resources.add_parser(
            kebab(attribute),
            help=_help(description),
            description=_text(description),
            epilog=epilog,
            formatter_class=_FORMATTER,
        )
        groups[attribute] = group.add_subparsers(
            title="operations", metavar="OPERATION", dest="_operation", required=True
        )
    for command in program.commands:
        _add_command(groups[command.resource], command, epilog)
    return parser


# The epilog's lines are kept; descriptions are wrapped here, their own line breaks kept.
_FORMATTER = argparse.RawDescriptionHelpFormatter
_WIDTH = 79


def _text(text: str) -> str:
    """Spec text as a description: each line wrapped; a ``%(prog)`` in it stays as it is
    (argparse fills that in a text that has it, and would fail on its other ``%``)."""
    wrapped = "\n".join(textwrap.fill(line, _WIDTH) for line in text.splitlines())
    return wrapped.replace("%", "%%") if "%(prog)" in wrapped else wrapped


def _help(text: str) -> str:
    """Spec text as an option's help, which argparse always fills: ``%`` escaped."""
    return text.replace("%", "%%")


# The command line's own destinations start with "_", which no API parameter's keyword does
# (a parameter named ``data`` or ``command`` keeps its value).


def _add_command(
    group: argparse._SubParsersAction[argparse.ArgumentParser], command: Command, epilog: str
) -> None:
    parser = group.add_parser(
        kebab(command.method),
        help=_help(command.summary),
        description=_text(command.description or command.summary),
        epilog=epilog,
        formatter_class=_FORMATTER,
    )
    parser.set_defaults(_command=command)
    for argument in command.arguments:
        _add_argument(parser, argument)
    if command.body is not None:
        body = command.body
        if body.raw:
            what = "the body, as it is"
        elif body.required:
            what = "the JSON body (without it: {}, where that is a valid body)"
        else:
            what = "the JSON body"
        parser.add_argument(
            "--data",
            dest="_data",
            # a JSON body of no required field need not be given (Alma's "an empty job")
            required=body.required and body.raw,
            metavar="@FILE|-|TEXT",
            help=f"{what}: @FILE reads a file, - standard input",
        )
    if command.download:
        parser.add_argument(
            "--output", dest="_output", metavar="FILE", help="write the download here"
        )
    if command.paged is not None:
        parser.add_argument(
            "--all",
            dest="_all",
            action="store_true",
            help="every item of every page, one JSON document a line",
        )
    if command.wait is not None:
        parser.add_argument(
            "--wait",
            dest="_wait",
            action="store_true",
            help="wait for the job the call starts to end",
        )
        parser.add_argument(
            "--timeout",
            dest="_timeout",
            type=float,
            default=_WAIT_TIMEOUT,
            metavar="SECONDS",
            help=f"with --wait: give up after this long (default {_WAIT_TIMEOUT:g})",
        )
        parser.add_argument(
            "--poll-interval",
            dest="_poll_interval",
            type=float,
            default=_POLL_INTERVAL,
            metavar="SECONDS",
            help=f"with --wait: the first interval between reads (default {_POLL_INTERVAL:g})",
        )


def _add_argument(parser: argparse.ArgumentParser, argument: Argument) -> None:
    options: dict[str, Any] = {"help": _help(argument.help) if argument.help else None}
    if argument.choices:
        options["choices"] = argument.choices
    if argument.annotation is bool and argument.option is not None and not argument.repeated:
        options["action"] = argparse.BooleanOptionalAction
    else:
        options["type"] = Path if argument.file else _converter(argument.annotation)
        if argument.repeated:
            options["action"] = "append"
    if argument.option is None:
        parser.add_argument(argument.keyword, metavar=argument.keyword.upper(), **options)
    else:
        parser.add_argument(
            argument.option, dest=argument.keyword, required=argument.required, **options
        )


def _converter(annotation: Any) -> Callable[[str], Any]:
    """Text -> a value of ``annotation``, as pydantic reads strings (``10``, ``true``)."""
    if annotation is str:
        return str
    adapters: list[TypeAdapter[Any]] = []  # made when first needed: a parser has hundreds

    def convert(text: str) -> Any:
        if not adapters:
            adapters.append(TypeAdapter(annotation))
        adapter = adapters[0]
        try:
            if text.lstrip().startswith(("{", "[")):  # an object or a list: its JSON
                return adapter.validate_json(text)
            return adapter.validate_strings(text)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(f"{text!r}: {_problems(error)}") from None

    return convert


# -- the call -----------------------------------------------------------------------------


def _keywords(
    command: Command, arguments: argparse.Namespace, stdin: IO[bytes] | None
) -> dict[str, Any]:
    keywords = {
        argument.keyword: getattr(arguments, argument.keyword)
        for argument in command.arguments
        if getattr(arguments, argument.keyword) is not None
    }
    body = command.body
    if body is not None and arguments._data is not None:
        data = _read_data(arguments._data, stdin)
        keywords[body.keyword] = _body_value(body, data)
    elif body is not None and body.required:
        try:
            keywords[body.keyword] = _body_value(body, b"{}")
        except UsageError as error:
            raise UsageError(f"--data is required ({{}} is no body: {error})") from None
    return keywords


def _read_data(given: str, stdin: IO[bytes] | None) -> bytes:
    if given == "-":
        return (stdin or sys.stdin.buffer).read()
    if given.startswith("@"):
        try:
            return Path(given[1:]).read_bytes()
        except OSError as error:
            raise UsageError(f"--data: cannot read {given[1:]}: {error.strerror}") from None
    return given.encode()


def _body_value(body: Body, data: bytes) -> Any:
    if body.raw:
        return data if body.annotation is bytes else data.decode()
    try:
        return TypeAdapter(body.annotation).validate_json(data)
    except ValidationError as error:
        raise UsageError(f"--data: {_problems(error)}") from None


def _problems(error: ValidationError) -> str:
    """What pydantic refused, each with the field it is in."""
    return "; ".join(
        (".".join(str(step) for step in problem["loc"]) + ": " if problem["loc"] else "")
        + problem["msg"]
        for problem in error.errors(include_url=False)
    )


def _client_keywords(
    program: Program, client_class: Callable[..., Any], environ: Mapping[str, str]
) -> dict[str, Any]:
    keywords: dict[str, Any] = {
        keyword: environ[variable]
        for keyword, variable in program.environment
        if environ.get(variable)
    }
    if environ.get(program.base_url_variable):
        keywords["base_url"] = environ[program.base_url_variable]
    missing = [
        variable
        for keyword, variable in program.environment
        if keyword not in keywords and _required_keyword(client_class, keyword)
    ]
    if missing:
        raise UsageError("set " + ", ".join(missing))
    return keywords


def _required_keyword(client_class: Callable[..., Any], keyword: str) -> bool:
    parameter = inspect.signature(client_class).parameters.get(keyword)
    return parameter is not None and parameter.default is inspect.Parameter.empty


def _call(
    client: Any,
    command: Command,
    arguments: argparse.Namespace,
    keywords: dict[str, Any],
    out: IO[str],
    err: IO[str],
) -> None:
    resource = getattr(client, command.resource)
    if command.paged is not None and arguments._all:
        given = {k: v for k, v in keywords.items() if k not in command.paged.driven}
        _print_lines(getattr(resource, command.paged.method)(**given), out)
        return
    answer = getattr(resource, command.method)(**keywords)
    if command.events:
        with answer:
            _print_lines((event.parse() for event in answer), out)
        return
    if command.download:
        with answer:
            _download(answer, arguments._output, out)
        return
    if command.wait is not None and arguments._wait:
        answer = _wait(client, command.wait, keywords, answer, arguments, err)
    if answer is not None:
        _print_json(answer, out)


def _download(answer: Any, output: str | None, out: IO[str]) -> None:
    if output is not None:
        answer.write_to(output)
        return
    out.flush()
    target = getattr(out, "buffer", None)
    for chunk in answer.iter_bytes():
        if target is None:  # a text stream of a test: the bytes as Latin-1
            out.write(chunk.decode("latin-1"))
        else:
            target.write(chunk)


def _wait(
    client: Any,
    wait: Wait,
    keywords: dict[str, Any],
    answer: Any,
    arguments: argparse.Namespace,
    err: IO[str],
) -> Any:
    job_id = value_at(answer, wait.job_id)
    if job_id is None:
        raise APIError(f"the answer names no job at {wait.job_id}; cannot wait")
    job_id = str(job_id)
    if wait.link:
        job_id = urlsplit(job_id).path.rstrip("/").rpartition("/")[2]
        if not job_id:
            raise APIError(f"the link at {wait.job_id} names no job; cannot wait")
    waiter = getattr(getattr(client, wait.resource), wait.method)
    shown = err.isatty()
    try:
        return waiter(
            *(keywords[keyword] for keyword in wait.forwarded),
            job_id,
            timeout=arguments._timeout,
            poll_interval=arguments._poll_interval,
            on_progress=_progress_printer(err) if shown else None,
        )
    finally:
        if shown:
            print(file=err)


def _progress_printer(err: IO[str]) -> Callable[[JobProgress], None]:
    def show(progress: JobProgress) -> None:
        parts = [] if progress.percent is None else [f"{progress.percent:.0f}%"]
        if progress.processed is not None:
            of = "" if progress.total is None else f" of {progress.total}"
            parts.append(f"{progress.processed}{of} processed")
        err.write("\r\x1b[Kjob: " + (", ".join(parts) or "running"))
        err.flush()

    return show


def _print_json(value: Any, out: IO[str]) -> None:
    print(json.dumps(_jsonable(value), indent=2, ensure_ascii=False), file=out)


def _print_lines(items: Iterable[Any], out: IO[str]) -> None:
    for item in items:
        print(json.dumps(_jsonable(item), ensure_ascii=False), file=out)
        out.flush()  # a scheduler's pipe sees each item as it comes


def _jsonable(value: Any) -> Any:
    """A parsed answer as the wire's JSON: models by alias, dates as text."""
    return to_jsonable_python(value, by_alias=True)
