"""The runtime's command line (``_cli``): argument parsing, bodies, credentials, JSON output,
``--all``, ``--wait`` and exit codes, over a stand-in client (no HTTP: the generated packages'
command lines run against Prism in tests/generated/test_cli_commands.py).

The command line drives the sync client only: a process that runs one call has nothing to
gain from the async one."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import httpx
import pytest
from pydantic import BaseModel, ConfigDict, Field
from runtime import _cli
from runtime._cli import Argument, Body, Command, Paged, Program, Wait
from runtime._errors import JobTimeoutError, NotFoundError, PathParameterError
from runtime._jobs import JobProgress


class Thing(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    thing_id: str = Field(alias="thingId")
    size: int = 0


class Job(BaseModel):
    id: str
    status: str = "RUNNING"
    link: str | None = None


class _Download:
    def __enter__(self) -> _Download:
        return self

    def __exit__(self, *exc: object) -> None:
        CALLS.append(("closed", {}))

    def iter_bytes(self) -> Iterator[bytes]:
        yield b"\x00\x01"
        yield b"two"

    def write_to(self, path: str) -> Path:
        Path(path).write_bytes(b"".join(self.iter_bytes()))
        return Path(path)


CALLS: list[tuple[str, dict[str, Any]]] = []
RAISE: list[BaseException] = []


class _Things:
    def _called(self, name: str, **keywords: Any) -> None:
        CALLS.append((name, keywords))
        if RAISE:
            raise RAISE.pop()

    def get_thing(self, thing_id: str, **keywords: Any) -> Thing:
        self._called("get_thing", thing_id=thing_id, **keywords)
        return Thing(thing_id=thing_id, size=keywords.get("limit", 0))

    def list_things(self, **keywords: Any) -> list[Thing]:
        self._called("list_things", **keywords)
        return [Thing(thing_id="a")]

    def iter_things(self, **keywords: Any) -> Iterator[Thing]:
        self._called("iter_things", **keywords)
        yield from (Thing(thing_id=name) for name in "abc")

    def record(self, **keywords: Any) -> None:
        self._called("record", **keywords)

    def put_thing(self, thing: Thing) -> None:
        self._called("put_thing", thing=thing)

    def upload(self, content: bytes) -> None:
        self._called("upload", content=content)

    def download(self, thing_id: str) -> _Download:
        self._called("download", thing_id=thing_id)
        return _Download()

    def start(self, shelf: str, *, link: bool = False) -> Job:
        self._called("start", shelf=shelf)
        return Job(id="j-1", link="https://api.test/shelves/s/jobs/j-9?x=1" if link else None)

    def wait_for_job(
        self,
        shelf: str,
        job_id: str,
        *,
        timeout: float,
        poll_interval: float,
        on_progress: Callable[[JobProgress], None] | None,
    ) -> Job:
        self._called(
            "wait_for_job", shelf=shelf, job_id=job_id, timeout=timeout, interval=poll_interval
        )
        if on_progress is not None:
            on_progress(JobProgress(processed=5, total=10))
        return Job(id=job_id, status="DONE")


class FakeClient:
    def __init__(self, *, api_key: str, region: str = "eu", base_url: str | None = None) -> None:
        CALLS.append(("client", {"api_key": api_key, "region": region, "base_url": base_url}))
        self.things = _Things()

    def __enter__(self) -> FakeClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        pass


def _wait(**extra: Any) -> Wait:
    return Wait("things", "wait_for_job", forwarded=("shelf",), job_id="/id", **extra)


PROGRAM = Program(
    package="pkg",
    description="A test API",
    environment=(("api_key", "PKG_API_KEY"), ("region", "PKG_REGION")),
    base_url_variable="PKG_BASE_URL",
    resources=(("things", "Things on shelves"),),
    commands=(
        Command(
            "things",
            "get_thing",
            summary="Get a thing",
            description="One thing, by its id.",
            arguments=(
                Argument("thing_id", str, "The thing's id."),
                Argument("limit", int, "At most this many.", option="--limit"),
                Argument(
                    "colour", Literal["red", "blue"], option="--colour", choices=("red", "blue")
                ),
                Argument("tags", int, option="--tag", repeated=True),
                Argument("fresh", bool, option="--fresh"),
                Argument("kind", str, option="--kind", required=True),
            ),
        ),
        Command(
            "things",
            "list_things",
            summary="List things",
            arguments=(
                Argument("offset", int, option="--offset"),
                Argument("limit", int, option="--limit"),
                Argument("colour", str, option="--colour"),
            ),
            paged=Paged("iter_things", driven=("offset", "limit")),
        ),
        Command(
            "things",
            "put_thing",
            summary="Store a thing",
            body=Body("thing", Thing, required=True),
        ),
        Command("things", "upload", summary="Upload", body=Body("content", bytes, True, raw=True)),
        Command(
            "things",
            "download",
            summary="Download",
            arguments=(Argument("thing_id", str),),
            download=True,
        ),
        Command(
            "things", "start", summary="Start", arguments=(Argument("shelf", str),), wait=_wait()
        ),
    ),
)
ENVIRON = {"PKG_API_KEY": "s3cret-key", "PKG_BASE_URL": "http://127.0.0.1:1"}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(
    *argv: str,
    environ: dict[str, str] | None = None,
    stdin: bytes = b"",
    program: Program = PROGRAM,
    stderr: io.StringIO | None = None,
) -> tuple[int, str, str]:
    CALLS.clear()
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    code = _cli.run(
        program,
        FakeClient,
        list(argv),
        environ=ENVIRON if environ is None else environ,
        stdin=io.BytesIO(stdin),
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def _called(name: str) -> dict[str, Any]:
    return next(keywords for called, keywords in CALLS if called == name)


@pytest.fixture(autouse=True)
def _clean() -> Iterator[None]:
    yield
    CALLS.clear()
    RAISE.clear()


def test_path_parameters_are_positional_and_options_are_typed_by_their_annotation() -> None:
    code, out, err = _run(
        "things", "get-thing", "T1", "--limit", "5", "--colour", "red", "--tag", "1", "--tag",
        "2", "--fresh", "--kind", "k",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert _called("get_thing") == {
        "thing_id": "T1",
        "limit": 5,
        "colour": "red",
        "tags": [1, 2],
        "fresh": True,
        "kind": "k",
    }
    # the parsed answer, by the wire's names
    assert json.loads(out) == {"thingId": "T1", "size": 5}


def test_options_left_out_are_not_passed_and_a_bool_can_be_turned_off() -> None:
    code, _, _ = _run("things", "get-thing", "T1", "--no-fresh", "--kind", "k")
    assert code == 0
    assert _called("get_thing") == {"thing_id": "T1", "fresh": False, "kind": "k"}


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["things", "get-thing", "T1", "--kind", "k", "--limit", "many"], "--limit"),
        (["things", "get-thing", "T1", "--kind", "k", "--colour", "green"], "--colour"),
        (["things", "get-thing", "T1"], "--kind"),  # required
        (["things", "get-thing"], "THING_ID"),
        (["things", "no-such-call"], "no-such-call"),
        (["things"], "OPERATION"),
        ([], "RESOURCE"),
    ],
)
def test_a_usage_error_exits_2_naming_what_is_wrong_and_calls_nothing(
    argv: list[str], named: str
) -> None:
    code, out, err = _run(*argv)
    assert code == _cli.EXIT_USAGE == 2
    assert named in err and out == ""
    assert [name for name, _ in CALLS] == []


def test_help_names_the_calls_their_summaries_and_the_environment_variables() -> None:
    code, out, _ = _run("--help")
    assert code == 0
    assert "things" in out and "Things on shelves" in out
    assert "PKG_API_KEY" in out and "PKG_BASE_URL" in out
    code, out, _ = _run("things", "--help")
    assert code == 0 and "get-thing" in out and "Get a thing" in out
    code, out, _ = _run("things", "get-thing", "--help")
    assert code == 0
    assert "One thing, by its id." in out and "--tag" in out and "{red,blue}" in out


def test_credentials_and_the_base_url_come_from_the_environment_and_are_never_printed() -> None:
    code, out, err = _run(
        "things", "get-thing", "T1", "--kind", "k", environ={**ENVIRON, "PKG_REGION": "us"}
    )
    assert code == 0
    assert _called("client") == {
        "api_key": "s3cret-key",
        "region": "us",
        "base_url": "http://127.0.0.1:1",
    }
    assert "s3cret-key" not in out + err


def test_a_required_credential_missing_from_the_environment_is_a_usage_error() -> None:
    code, _, err = _run("things", "get-thing", "T1", "--kind", "k", environ={})
    assert code == 2
    assert "PKG_API_KEY" in err and "PKG_REGION" not in err  # the region has a default


@pytest.mark.parametrize("source", ["text", "file", "stdin"])
def test_a_body_comes_from_data_text_a_file_or_standard_input(source: str, tmp_path: Path) -> None:
    body = '{"thingId": "T7", "size": 3}'
    (tmp_path / "thing.json").write_text(body)
    given = {"text": body, "file": f"@{tmp_path / 'thing.json'}", "stdin": "-"}[source]
    code, out, err = _run("things", "put-thing", "--data", given, stdin=body.encode())
    assert (code, out, err) == (0, "", "")  # an answer of nothing prints nothing
    assert _called("put_thing") == {"thing": Thing(thing_id="T7", size=3)}


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ('{"thingId": "T7", "size": "big"}', "size"),
        ('{"size": 1}', "thingId"),
        ("{not json", "--data"),
        ("@/no/such/file.json", "/no/such/file.json"),
    ],
)
def test_a_body_that_does_not_validate_is_a_usage_error_naming_the_field(
    data: str, named: str
) -> None:
    code, _, err = _run("things", "put-thing", "--data", data)
    assert code == 2
    assert named in err
    assert "put_thing" not in [name for name, _ in CALLS]


def test_a_raw_body_is_sent_as_read() -> None:
    code, _, _ = _run("things", "upload", "--data", "-", stdin=b"\x00raw\xff")
    assert code == 0
    assert _called("upload") == {"content": b"\x00raw\xff"}


def test_all_prints_every_item_of_every_page_a_json_line_without_the_driven_keywords() -> None:
    code, out, _ = _run("things", "list-things", "--all", "--colour", "red", "--limit", "2")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"thingId": name, "size": 0} for name in "abc"
    ]
    assert _called("iter_things") == {"colour": "red"}  # the iterator drives limit itself


def test_without_all_a_paged_call_is_one_call_printed_as_one_document() -> None:
    code, out, _ = _run("things", "list-things", "--limit", "2")
    assert code == 0
    assert _called("list_things") == {"limit": 2}
    assert json.loads(out) == [{"thingId": "a", "size": 0}]


def test_a_download_goes_to_output_or_to_standard_output(tmp_path: Path) -> None:
    target = tmp_path / "got.bin"
    code, out, _ = _run("things", "download", "T1", "--output", str(target))
    assert (code, out) == (0, "")
    assert target.read_bytes() == b"\x00\x01two"
    assert ("closed", {}) in CALLS  # the stream is released
    code, out, _ = _run("things", "download", "T1")
    assert (code, out) == (0, "\x00\x01two")


def test_wait_waits_for_the_job_the_answer_names_and_prints_the_final_job() -> None:
    code, out, err = _run(
        "things", "start", "S", "--wait", "--timeout", "3", "--poll-interval", "1"
    )
    assert code == 0
    assert _called("wait_for_job") == {"shelf": "S", "job_id": "j-1", "timeout": 3, "interval": 1}
    assert json.loads(out) == {"id": "j-1", "status": "DONE", "link": None}
    assert err == ""  # not a terminal: no progress


def test_wait_shows_progress_on_a_terminal() -> None:
    terminal = _Terminal()
    code, _, err = _run("things", "start", "S", "--wait", stderr=terminal)
    assert code == 0
    assert "50%, 5 of 10 processed" in err and err.endswith("\n")


def test_wait_takes_the_job_id_from_the_end_of_a_link_where_the_answer_links_to_the_job() -> None:
    linked = Command(
        "things", "start", summary="Start", arguments=(Argument("shelf", str),),
        wait=Wait("things", "wait_for_job", forwarded=("shelf",), job_id="/link", link=True),
    )  # fmt: skip
    program = Program("pkg", "", PROGRAM.environment, "PKG_BASE_URL", PROGRAM.resources, (linked,))
    original = _Things.start
    try:
        _Things.start = lambda self, shelf: original(self, shelf, link=True)  # type: ignore[method-assign]
        code, _, _ = _run("things", "start", "S", "--wait", program=program)
    finally:
        _Things.start = original  # type: ignore[method-assign]
    assert code == 0
    assert _called("wait_for_job")["job_id"] == "j-9"


def test_without_wait_the_start_answer_is_printed() -> None:
    code, out, _ = _run("things", "start", "S")
    assert code == 0 and json.loads(out)["id"] == "j-1"
    assert "wait_for_job" not in [name for name, _ in CALLS]


def test_an_api_error_exits_1_with_its_message_and_request_id_on_standard_error() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:1/things/T1")
    answer = httpx.Response(404, headers={"X-Request-Id": "req-42"}, request=request)
    RAISE.append(NotFoundError("no such thing", response=answer))
    code, out, err = _run("things", "get-thing", "T1", "--kind", "k")
    assert code == _cli.EXIT_API_ERROR == 1
    assert out == ""
    assert "no such thing" in err and "req-42" in err


def test_a_wait_that_times_out_exits_1_and_prints_the_last_job_read() -> None:
    RAISE.append(JobTimeoutError("the job did not end within 1 s", job=Job(id="j-1")))
    code, out, err = _run("things", "start", "S")
    assert code == 1
    assert json.loads(out)["id"] == "j-1"
    assert "did not end" in err


def test_a_path_parameter_refused_before_sending_is_a_usage_error() -> None:
    RAISE.append(PathParameterError("path parameter thing_id may not be '..'"))
    code, _, err = _run("things", "get-thing", "..", "--kind", "k")
    assert code == 2 and "thing_id" in err


def test_ctrl_c_exits_130() -> None:
    RAISE.append(KeyboardInterrupt())
    code, _, _ = _run("things", "get-thing", "T1", "--kind", "k")
    assert code == _cli.EXIT_INTERRUPTED == 130


def test_parameters_named_like_the_command_lines_own_options_keep_their_values() -> None:
    clash = Command(
        "things",
        "record",
        summary="Record",
        arguments=(
            Argument("command", str),
            Argument("data", str, option="--query-data"),
            Argument("wait", bool, option="--query-wait"),
        ),
        body=Body("thing", Thing, required=False),
    )
    program = Program("pkg", "", PROGRAM.environment, "PKG_BASE_URL", PROGRAM.resources, (clash,))
    argv = [
        "things",
        "record",
        "C",
        "--query-data",
        "q",
        "--query-wait",
        "--data",
        '{"thingId": "T"}',
    ]
    code, _, err = _run(*argv, program=program)
    assert (code, err) == (0, "")
    assert _called("record") == {
        "command": "C",
        "data": "q",
        "wait": True,
        "thing": Thing(thing_id="T"),
    }


def test_events_print_each_ones_data_a_json_line() -> None:
    class _Event:
        def __init__(self, data: object) -> None:
            self.data = data

        def parse(self) -> object:
            return self.data

    class _Stream:
        def __enter__(self) -> _Stream:
            return self

        def __exit__(self, *exc: object) -> None:
            CALLS.append(("closed", {}))

        def __iter__(self) -> Iterator[_Event]:
            return iter([_Event(Thing(thing_id="e1")), _Event({"n": 2})])

    streamed = Command("things", "watch", summary="Watch", events=True)
    program = Program(
        "pkg", "", PROGRAM.environment, "PKG_BASE_URL", PROGRAM.resources, (streamed,)
    )
    _Things.watch = lambda self: _Stream()  # type: ignore[attr-defined]
    try:
        code, out, _ = _run("things", "watch", program=program)
    finally:
        del _Things.watch  # type: ignore[attr-defined]
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"thingId": "e1", "size": 0},
        {"n": 2},
    ]
    assert ("closed", {}) in CALLS


def test_help_shows_spec_text_with_percent_signs_as_it_is() -> None:
    odd = Command(
        "things",
        "record",
        summary="Done 100% of the time",
        description="Runs %(prog)s at 5% load.\nSecond line.",
        arguments=(Argument("rate", int, "At most 50% of the quota.", option="--rate"),),
    )
    program = Program("pkg", "", PROGRAM.environment, "PKG_BASE_URL", PROGRAM.resources, (odd,))
    code, out, _ = _run("things", "--help", program=program)
    assert code == 0 and "Done 100% of the time" in out
    code, out, _ = _run("things", "record", "--help", program=program)
    assert code == 0
    assert "Runs %(prog)s at 5% load.\nSecond line." in out
    assert "At most 50% of the quota." in out
    assert "PKG_API_KEY" in out  # the variables at every level


def test_a_required_json_body_of_no_required_field_may_be_left_out() -> None:
    class Empty(BaseModel):
        name: str | None = None

    commands = (
        Command("things", "record", summary="R", body=Body("thing", Empty, required=True)),
        Command("things", "put_thing", summary="P", body=Body("thing", Thing, required=True)),
    )
    program = Program("pkg", "", PROGRAM.environment, "PKG_BASE_URL", PROGRAM.resources, commands)
    code, _, err = _run("things", "record", program=program)
    assert (code, err) == (0, "")
    assert _called("record") == {"thing": Empty()}
    code, _, err = _run("things", "put-thing", program=program)
    assert code == 2
    assert "--data is required" in err and "thingId" in err
    assert "put_thing" not in [name for name, _ in CALLS]
