"""The command line as a user meets it: bad input is one line, exit 2, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.conftest import PROJECT, write_tree

_API = """openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "%s"}
"""


def _python(*arguments: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    """This interpreter with ``arguments``, in ``cwd``: what a user's shell would run."""
    return subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, cwd=cwd, timeout=300
    )


def _run(*arguments: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return _python("-m", "generator", *arguments, cwd=cwd)


def _main(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    """The exit code and the error output of ``arguments``, run in this process: what
    ``python -m generator`` does (``__main__`` exits with ``main``'s code), without starting an
    interpreter; an exception ``main`` let out would fail the test with its traceback."""
    capsys.readouterr()
    code = main(list(arguments))
    return code, capsys.readouterr().err


def test_help_lists_the_subcommands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "normalize" in result.stdout


def test_normalize_a_source_file_to_a_file(tmp_path: Path) -> None:
    write_tree(tmp_path, {"api.yaml": _API % "thing.json", "thing.json": {"type": "object"}})
    result = _run("normalize", str(tmp_path / "api.yaml"), "-o", str(tmp_path / "out.yaml"))
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out.yaml").read_text()
    assert text.startswith("openapi: 3.1.0\n")
    assert "$ref: '#/components/schemas/Thing'" in text


BAD_INPUTS: dict[str, tuple[dict[str, Any], str, list[str]]] = {
    "broken ref": (
        {"api.yaml": _API % "missing.json"},
        "api.yaml",
        [
            "api.yaml",
            "#/paths/~1things/get/responses/200/content/application~1json/schema",
            "missing.json",
        ],
    ),
    "yaml syntax error": (
        {"api.yaml": "openapi: 3.0.3\ninfo: {title: t\npaths: {}\n"},
        "api.yaml",
        ["api.yaml:", "invalid YAML"],
    ),
    "unknown format": (
        {"api.yaml": "hello: world\n"},
        "api.yaml",
        ["api.yaml", "unknown format"],
    ),
    "ref escaping the source folder": (
        {"src/api.yaml": _API % "../secret.json", "secret.json": {"type": "object"}},
        "src/api.yaml",
        ["api.yaml", "escapes the source folder"],
    ),
    "missing include": (
        {"api.raml": "#%RAML 1.0\ntitle: t\ntypes:\n  thing: !include schemas/missing.json\n"},
        "api.raml",
        ["api.raml:4", "missing.json"],
    ),
    "cyclic include": (
        {
            "api.raml": "#%RAML 1.0\ntitle: t\ntraits:\n  a: !include a.raml\n",
            "a.raml": "#%RAML 1.0 Trait\ndescription: !include b.raml\n",
            "b.raml": "#%RAML 1.0 Trait\ndescription: !include a.raml\n",
        },
        "api.raml",
        ["b.raml:2", "cycl"],
    ),
    "invalid OpenAPI": (
        # (Not a defect repairs.py repairs: a response's description is not a schema keyword.)
        {
            "api.yaml": "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
            "components: {responses: {R: {description: 5}}}\n"
        },
        "api.yaml",
        ["api.yaml", "#/components/responses/R/description", "not valid OpenAPI 3.1"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_leaves_the_output_alone(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files, entry, expected = BAD_INPUTS[case]
    root = write_tree(tmp_path / "in", files)
    output = tmp_path / "out.yaml"
    output.write_text("previous content\n")
    code, stderr = _main(capsys, "normalize", str(root / entry), "-o", str(output))
    assert code == 2, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, stderr
    for fragment in expected:
        assert fragment in lines[0], lines[0]
    assert output.read_text() == "previous content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.yaml"], "no stray temp files"


def test_unknown_system_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, stderr = _main(capsys, "normalize", "no-such-system")
    assert code == 2
    assert "unknown system 'no-such-system'" in stderr
    assert "alma-jobs" in stderr


def test_one_bad_system_writes_no_spec_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    manifest = (
        "system: {name}\npackage: {package}\ntitle: T\nsource: api.yaml\n"
        "servers: [{{url: 'https://x.test'}}]\n"
        "auth: {{schemes: {{k: {{type: apiKey, in: header, name: K}}}}, security: [{{k: []}}]}}\n"
    )
    write_tree(
        specs,
        {
            "a-good/manifest.yaml": manifest.format(name="a-good", package="a_good"),
            "a-good/api.yaml": _API % "thing.json",
            "a-good/thing.json": {"type": "object"},
            "b-bad/manifest.yaml": manifest.format(name="b-bad", package="b_bad"),
            "b-bad/api.yaml": _API % "missing.json",
        },
    )
    code, _ = _main(capsys, "normalize", "--specs", str(specs))
    assert code == 2
    assert not (specs / "a-good" / "openapi.yaml").exists()
    code, stderr = _main(capsys, "normalize", "--specs", str(specs), "a-good")
    assert code == 0, stderr
    assert (specs / "a-good" / "openapi.yaml").is_file()


def test_bad_manifest_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(tmp_path / "specs", {"x/manifest.yaml": "system: x\npackage: 1x\n"})
    code, stderr = _main(capsys, "normalize", "--specs", str(tmp_path / "specs"))
    assert code == 2
    assert "manifest.yaml" in stderr and "invalid manifest" in stderr


def test_generate_a_package_straight_from_a_swagger_file(tmp_path: Path) -> None:
    source = PROJECT / "tests" / "sources" / "swagger2_cases" / "kennel.yaml"
    result = _run("generate", str(source), "-o", str(tmp_path), "--package", "kennel")
    assert result.returncode == 0, result.stderr
    package = tmp_path / "kennel" / "src" / "kennel"
    assert {"__init__.py", "models.py", "resources.py", "_client.py", "py.typed"} <= {
        p.name for p in package.iterdir()
    }
    check = _python(
        "-c", "import kennel; print(kennel.Client, kennel.AsyncClient)", cwd=package.parent
    )
    assert check.returncode == 0, check.stderr


def test_generate_without_a_package_name_is_a_usage_error(tmp_path: Path) -> None:
    source = PROJECT / "tests" / "sources" / "swagger2_cases" / "kennel.yaml"
    result = _run("generate", str(source), "-o", str(tmp_path))
    assert result.returncode == 2
    assert "--package" in result.stderr


def test_a_spec_without_credentials_gets_a_client_that_needs_none(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pets.yaml": """openapi: 3.0.3
info: {title: Pets, version: "1"}
servers: [{url: "https://pets.example.com/v1"}]
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
      responses:
        "200":
          description: A pet
          content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties: {id: {type: integer}, name: {type: string}}
"""
        },
    )
    result = _run("generate", str(tmp_path / "pets.yaml"), "-o", str(tmp_path), "--package", "pets")
    assert result.returncode == 0, result.stderr
    script = (
        "import httpx, pets\n"
        "answer = lambda request: httpx.Response(200, json={'id': 1, 'name': 'Rex'})\n"
        "client = pets.Client(transport=httpx.MockTransport(answer))\n"
        "print(client, client.pets.get_pet(1).name)\n"
    )
    check = _python("-c", script, cwd=tmp_path / "pets" / "src")
    assert check.stdout.strip() == "Client(base_url='https://pets.example.com/v1') Rex", (
        check.stderr
    )


def test_a_spec_of_webhooks_only_gets_a_typed_parser_for_each_payload(
    tmp_path: Path, mypy_cache: Path
) -> None:
    # GitHub's webhooks description (OpenAPI 3.1): 282 webhooks, no paths. The client's import
    # of its resources used to be an empty `from .resources import ()`, and the webhooks had
    # nothing in the package.
    write_tree(
        tmp_path,
        {
            "hooks.yaml": """openapi: 3.1.0
info: {title: Hooks, version: "1"}
webhooks:
  push:
    post:
      summary: A push to a branch.
      description: Sent once per push, after the refs moved.
      requestBody:
        content: {application/json: {schema: {$ref: "#/components/schemas/Push"}}}
      responses: {"200": {description: Received}}
  ping-sent:
    post:
      requestBody:
        content: {application/json: {schema: {type: array, items: {type: integer}}}}
      responses: {"200": {description: Received}}
  form-only:
    post:
      requestBody:
        content: {application/x-www-form-urlencoded: {schema: {type: object}}}
      responses: {"200": {description: Received}}
components:
  schemas:
    Push:
      type: object
      required: [ref]
      properties: {ref: {type: string}}
"""
        },
    )
    result = _run("generate", str(tmp_path / "hooks.yaml"), "-o", str(tmp_path), "--package", "h")
    assert result.returncode == 0, result.stderr
    script = (
        "import h, h.webhooks as w\n"
        "print(h.Client(), w.parse_push(b'{\"ref\": \"main\"}').ref, w.parse_ping_sent('[1, 2]'),"
        " sorted(w.WEBHOOKS))\n"
        "try:\n    w.parse_push(b'{}')\n"
        "except Exception as error:\n    print(type(error).__name__)\n"
    )
    check = _python("-c", script, cwd=tmp_path / "h" / "src")
    lines = check.stdout.splitlines()
    assert len(lines) == 2, check.stderr
    assert lines[0].startswith("Client(")
    assert lines[0].endswith(" main [1, 2] ['ping-sent', 'push']")  # form-only: no JSON to parse
    assert lines[1] == "ValidationError"
    readme = (tmp_path / "h" / "README.md").read_text()
    assert "(`parse_push(body)` and 1 more)" in readme
    typed = _python(
        "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), "h", cwd=tmp_path / "h" / "src"
    )
    assert typed.returncode == 0, typed.stdout


def test_optional_raw_and_xml_bodies_type_check(tmp_path: Path, mypy_cache: Path) -> None:
    # GitHub's markdown API takes an optional text/plain body; `RawBody(None)` failed mypy.
    # `draft` answers a body or none: its OperationSpec[... | None] must agree with its return.
    write_tree(
        tmp_path,
        {
            "docs.yaml": """openapi: 3.0.3
info: {title: Docs, version: "1"}
servers: [{url: "https://docs.example.com"}]
paths:
  /render:
    post:
      operationId: render
      requestBody: {content: {text/plain: {schema: {type: string}}}}
      responses:
        "200": {description: HTML, content: {text/html: {schema: {type: string}}}}
  /upload:
    post:
      operationId: upload
      requestBody: {content: {application/octet-stream: {schema: {type: string, format: binary}}}}
      responses: {"204": {description: stored}}
  /draft:
    get:
      operationId: draft
      responses:
        "200":
          description: the draft
          content:
            application/json: {schema: {$ref: "#/components/schemas/Draft"}}
        "204": {description: no draft}
components:
  schemas:
    Draft: {type: object, properties: {text: {type: string}}}
"""
        },
    )
    result = _run("generate", str(tmp_path / "docs.yaml"), "-o", str(tmp_path), "--package", "docs")
    assert result.returncode == 0, result.stderr
    resources = (tmp_path / "docs" / "src" / "docs" / "resources.py").read_text()
    assert "_DRAFT: OperationSpec[models.Draft | None] = OperationSpec(" in resources
    checked = _python(
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(mypy_cache),
        "docs",
        cwd=tmp_path / "docs" / "src",
    )
    assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize(
    "name",
    [
        "../../x",  # would write outside -o
        ".",
        "..",
        "a/b",
        "a\\b",
        "",
        "my-client",
        "Kennel",
        "1x",
        "class",  # a keyword
        "match",  # a soft keyword
        "json",  # the standard library's
        "httpx",  # what the client imports
        "pydantic",
        "typing_extensions",
        "_runtime",
    ],
)
def test_generate_refuses_a_package_name_that_cannot_be_imported(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = PROJECT / "tests" / "sources" / "swagger2_cases" / "kennel.yaml"
    output = tmp_path / "deep" / "out"
    assert main(["generate", str(source), "-o", str(output), "--package", name]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("error: --package ")
    assert repr(name) in error  # names the value, and the rule:
    assert "package name" in error
    assert list(tmp_path.iterdir()) == []  # nothing written, inside -o or out


def test_manifest_and_command_line_share_the_package_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    manifest = (
        "system: x\npackage: httpx\ntitle: T\nsource: api.yaml\n"
        "servers: [{url: 'https://x.test'}]\n"
        "auth: {schemes: {k: {type: apiKey, in: header, name: K}}, security: [{k: []}]}\n"
    )
    write_tree(specs, {"x/manifest.yaml": manifest, "x/api.yaml": _API % "thing.json"})
    code, stderr = _main(capsys, "normalize", "--specs", str(specs))
    assert code == 2
    assert "manifest.yaml:2 #/package" in stderr
    assert "package the client imports" in stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["generate", "{missing}", "--package", "things", "-o", "{out}"],
        ["generate", "{missing}"],
        ["normalize", "{missing}"],
        ["normalize", "{missing}", "-o", "{out}"],
    ],
)
def test_a_missing_source_file_is_named_as_one(
    arguments: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "specs" / "api.yaml")
    filled = [a.format(missing=missing, out=tmp_path / "out") for a in arguments]
    code, stderr = _main(capsys, *filled)
    assert code == 2
    assert stderr == f"error: no such file: {missing}\n"


def test_a_folder_is_not_taken_for_a_system(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stderr = _main(capsys, "normalize", str(tmp_path))
    assert (code, stderr) == (2, f"error: not a file: {tmp_path}\n")


@pytest.mark.parametrize(
    "arguments",
    [
        ["normalize", "alma-jobs", "--bogus"],
        ["generate", "alma-jobs", "--bogus"],
        ["diff", "a", "b", "--bogus"],
        ["drift", "--bogus"],
        ["check", "--bogus"],
    ],
)
def test_an_unknown_flag_answers_with_the_subcommands_usage(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        main(arguments)
    assert exit.value.code == 2
    stderr = capsys.readouterr().err
    command = arguments[0]
    assert stderr.startswith(f"usage: python -m generator {command} ")
    assert stderr.endswith(
        f"python -m generator {command}: error: unrecognized arguments: --bogus\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["generate", "alma-jobs", "--package", "x"], "--package goes with a source file"),
        (["generate", "alma-jobs", "--root", "."], "--root and --follow-refs go with a source"),
        (["normalize", "alma-jobs", "-o", "x.yaml"], "-o, --root and --follow-refs go with"),
        (["generate", "{source}"], "a source file needs -o DIR and --package NAME"),
        (
            ["normalize", "http://127.0.0.1:9/api.yaml", "--root", "."],
            "--root goes with a source file, not with a URL",
        ),
    ],
)
def test_arguments_that_do_not_go_together_answer_with_the_subcommands_usage(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(PROJECT / "specs" / "alma-jobs" / "openapi.yaml")
    with pytest.raises(SystemExit) as exit:
        main([a.format(source=source) for a in arguments])
    assert exit.value.code == 2
    stderr = capsys.readouterr().err
    command = arguments[0]
    assert stderr.startswith(f"usage: python -m generator {command} ")
    assert f"python -m generator {command}: error: {message}" in stderr


def test_generate_root_lets_references_reach_a_parent_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_tree(
        tmp_path,
        {
            "api/v1/api.yaml": _API % "../../common/thing.json",
            "common/thing.json": {"type": "object"},
        },
    )
    arguments = ["generate", str(tmp_path / "api" / "v1" / "api.yaml"), "--package", "things"]
    arguments += ["-o", str(tmp_path / "out"), "-q"]
    code, stderr = _main(capsys, *arguments)
    assert code == 2 and "thing.json" in stderr  # outside the source's folder: refused
    code, stderr = _main(capsys, *arguments, "--root", str(tmp_path))
    assert code == 0, stderr
    assert (tmp_path / "out" / "things" / "src" / "things" / "models.py").is_file()


_EVENTS_API = """openapi: 3.1.0
info: {title: Ticks, version: "1"}
servers: [{url: "https://ticks.example.com"}]
paths:
  /ticks:
    get:
      operationId: streamTicks
      responses:
        "200":
          description: each tick as it happens
          content:
            text/event-stream:
              x-item-schema:
                type: object
                properties:
                  event: {type: string}
                  data:
                    type: string
                    contentMediaType: application/json
                    contentSchema: {$ref: "#/components/schemas/Tick"}
  /log:
    get:
      operationId: tailLog
      responses:
        "200": {description: lines, content: {text/event-stream: {schema: {type: string}}}}
components:
  schemas:
    Tick: {type: object, required: [n], properties: {n: {type: integer}}}
"""

# A user's script: mypy --strict checks that the events are typed, running it that they are.
_EVENTS_USE = """import asyncio

import httpx

from ticks import AsyncClient, Client, models


def answer(request: httpx.Request) -> httpx.Response:
    assert request.headers["accept"] == "text/event-stream"
    body = b"data: a\\n\\n"
    if request.url.path == "/ticks":
        body = b'data: {"n": 1}\\n\\ndata: {"n": 2}\\n\\n'
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)


def sync() -> list[int]:
    client = Client(transport=httpx.MockTransport(answer))
    with client.ticks.stream_ticks() as events:
        ticks: list[models.Tick] = [event.parse() for event in events]
    with client.log.tail_log() as lines:
        text: list[str] = [line.parse() for line in lines]
    assert text == ["a"]
    return [tick.n for tick in ticks]


async def main() -> list[int]:
    client = AsyncClient(transport=httpx.MockTransport(answer))
    async with await client.ticks.stream_ticks() as events:
        return [event.parse().n async for event in events]


assert sync() == [1, 2]
assert asyncio.run(main()) == [1, 2]
print("typed")
"""


def test_an_event_stream_is_typed_sync_and_async(tmp_path: Path, mypy_cache: Path) -> None:
    write_tree(tmp_path, {"ticks.yaml": _EVENTS_API})
    result = _run(
        "generate", str(tmp_path / "ticks.yaml"), "-o", str(tmp_path), "--package", "ticks"
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # x-item-schema is kept: nothing was repaired
    source = tmp_path / "ticks" / "src"
    (source / "use.py").write_text(_EVENTS_USE)
    checked = _python(
        "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), "ticks", "use.py", cwd=source
    )
    assert checked.returncode == 0, checked.stdout
    ran = _python("use.py", cwd=source)
    assert ran.stdout.strip() == "typed", ran.stderr


def test_naming_a_system_does_not_import_httpx() -> None:
    """`generate SYSTEM` asks of each target whether it is a URL; answering must not cost the
    import of httpx, which only a download needs (it was a sixth of that command's time)."""
    probe = (
        "import sys\n"
        "from generator.cli import _source_targets\n"
        "assert _source_targets(['alma-jobs']) == []\n"
        "assert _source_targets(['https://example.org/api.yaml']) != []\n"
        "print('httpx' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT
    ).stdout
    assert shown.strip() == "False"
