"""The README code runs: the new-user script of the project README and every example of each
generated package's README, against Prism."""

from __future__ import annotations

import ast
import contextlib
import copy
import json
import os
import re
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.cli import main
from generator.client.client_model_build import build_package
from generator.emit.render import render_package
from generator.project.manifest import load_manifest
from generator.project.systems import system_ids
from tests.conftest import PROJECT, SPECS, imported
from tests.contract.prism import PrismServer
from tests.faults import schemes

_PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _run(code: str) -> None:
    exec(compile(code, "<readme>", "exec"), {"__name__": "readme"})  # our own README


def test_the_new_user_script_imports_two_packages_and_calls_the_mock(
    prism: Callable[[str], PrismServer], capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (PROJECT / "README.md").read_text()
    script = _PYTHON_BLOCK.search(readme.split("<!-- new-user-script -->", 1)[1])
    assert script is not None
    code = script.group(1)
    code = code.replace("http://127.0.0.1:4010", prism("folio-data-export-spring").base_url)
    code = code.replace("http://127.0.0.1:4011", prism("alma-jobs").base_url)
    _run(code)
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and all(line.split()[0].isdigit() for line in printed)


@pytest.mark.parametrize("system", system_ids(SPECS))
def test_package_readme_examples_run(system: str, prism: Callable[[str], PrismServer]) -> None:
    package = load_manifest(SPECS / system / "manifest.yaml").package
    readme = (PROJECT / "generated" / package / "README.md").read_text()
    _run_examples(readme, package, prism(system).base_url)


def _run_examples(readme: str, package: str, base_url: str) -> None:
    """Every example of a package README, with the mock server as base URL."""
    # not the custom module, a module of the package (tests/emit/test_custom_code.py runs it)
    blocks = [b for b in _PYTHON_BLOCK.findall(readme) if "/custom/" not in b.split("\n", 1)[0]]
    code = "\n".join(block for block in blocks if ".wait_for_" not in block)
    wait = "\n".join(block for block in blocks if ".wait_for_" in block)
    code = re.sub(r"base_url=(['\"])[^'\"]+\1", f'base_url="{base_url}"', code)
    # A mock's job never ends: wait briefly and accept the typed outcome. Nor is the mock's
    # job (its spec's example) the one asked for, which the waiter answers with NotFoundError.
    wait = wait.replace("timeout=600", "timeout=1").replace("poll_interval=2", "poll_interval=0.2")
    module = __import__(package)
    errors = module.errors
    namespace: dict[str, object] = {"__name__": "readme"}
    exec(compile(code, "<readme>", "exec"), namespace)  # our own README
    with contextlib.suppress(errors.JobTimeoutError, errors.JobFailedError, errors.NotFoundError):
        exec(compile(wait, "<readme>", "exec"), namespace)
    assert Path(module.__file__ or "").is_file()


_NO_AUTH_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Open things", "version": "1"},
    "servers": [
        {
            "url": "https://{zone}.things.test/v1",
            "variables": {"zone": {"default": "north", "enum": ["north", "south"]}},
        }
    ],
    "paths": {
        "/things/{thing_id}": {
            "get": {
                "operationId": "getThing",
                "tags": ["things"],
                "parameters": [
                    {
                        "name": "thing_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "A thing",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Thing"},
                                "example": {"name": "cup"},
                            }
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}
    },
}


def test_a_package_without_auth_has_a_readme_that_calls_without_credentials(
    tmp_path: Path, prism: Callable[[Path], PrismServer], capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "open.json"
    spec.write_text(json.dumps(_NO_AUTH_SPEC))
    assert main(["generate", str(spec), "-o", str(tmp_path), "--package", "open_things", "-q"]) == 0
    readme = (tmp_path / "open_things" / "README.md").read_text()
    setup = _PYTHON_BLOCK.findall(readme)[0]
    assert setup.startswith(
        "from open_things import Client, errors\n\nclient = Client(\n"
        "    base_url=\"https://south.things.test/v1\",  # or zone='south'\n)\n"
    )
    sys.path.insert(0, str(tmp_path / "open_things" / "src"))
    try:
        _run_examples(readme, "open_things", prism(spec).base_url)
    finally:
        sys.path.remove(str(tmp_path / "open_things" / "src"))
        for name in [m for m in sys.modules if m.split(".")[0] == "open_things"]:
            del sys.modules[name]
    assert capsys.readouterr().out == "name='cup'\n"  # the mock's example, as the model


# One README per kind of scheme, each run against one mock that takes any of them; the long
# profile runs every kind (each is a package to generate). Not "raw": Prism knows no HTTP
# scheme but basic, bearer and digest (tests/faults/test_schemes.py sends it).
_KINDS = ["cc", "basic", "key_query"]
if os.environ.get("FAULTS_PROFILE") == "long":
    _KINDS += ["bearer", "key_header", "key_cookie", "code", "oidc"]


@pytest.mark.parametrize("kind", _KINDS)
def test_a_readme_authenticates_with_the_documents_scheme_of_each_kind(
    kind: str, tmp_path: Path, prism: Callable[[Path], PrismServer]
) -> None:
    folder, _ = schemes.generate(tmp_path, package=f"schemes_{kind}", default=kind)
    readme = (folder / "README.md").read_text()
    mock = tmp_path / "any_scheme.json"
    mock.write_text(json.dumps(schemes.spec(None)))
    with imported(folder):
        _run_examples(readme, folder.name, prism(mock).base_url)


def test_a_package_written_with_o_names_where_the_package_and_its_spec_are(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    folder, _ = schemes.generate(tmp_path / "api", package="placed")
    readme = (folder / "README.md").read_text()
    # from the folder that holds the output folder, as `generate -o out` was run there
    assert "pip install ./out/placed\n" in readme
    assert "Generated from [`placed.json`](../../placed.json)" in readme
    assert (folder / "../../placed.json").resolve().is_file()
    # the package's own docstring says the same, not the specs/ folder of a system
    init = (folder / "src" / "placed" / "__init__.py").read_text()
    assert "Generated from placed.json; do not edit by hand." in init


def _paged_spec() -> dict[str, object]:
    """Pages of a shelf's books: a required query parameter and a required header besides the
    path parameter and the offset/limit the iterator drives."""
    spec = copy.deepcopy(_NO_AUTH_SPEC)
    spec["paths"] = {
        "/shelves/{shelf_id}/books": {
            "get": {
                "operationId": "listBooks",
                "tags": ["books"],
                "parameters": [
                    {
                        "name": "shelf_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "genre",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "string", "enum": ["poetry", "prose"]},
                    },
                    {
                        "name": "tags",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                    {
                        "name": "X-Reader",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                    {
                        "name": "limit",
                        "in": "query",
                        "required": True,
                        "schema": {"type": "integer"},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "Books",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Thing"},
                                },
                                "example": [{"name": "Odes"}],
                            }
                        },
                    }
                },
            }
        }
    }
    return spec


class _Books(BaseHTTPRequestHandler):
    """The one page of books, to a request with every required parameter; else 422 (as Prism
    answers, which takes seconds to start)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        given = url.path == "/shelves/" + _UUID_PLACEHOLDER + "/books" and self.headers["X-Reader"]
        given = given and query.get("genre") == ["poetry"] and query.get("tags") == ["example"]
        data = json.dumps([{"name": "Odes"}] if given else {"missing": True}).encode()
        self.send_response(200 if given else 422)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


_UUID_PLACEHOLDER = "5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6"  # readme_choices' value of an id


def _method(source: str, name: str) -> ast.FunctionDef:
    return next(
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef) and node.name == name
    )


def test_a_readme_pagination_call_gives_every_argument_iter_requires() -> None:
    """The README's iter_* call against the method's signature (fast; the long profile runs
    the example against a server)."""
    package = build_package(_paged_spec(), package="paged_books", class_names={"Thing": "Thing"})
    files = render_package(package)
    readme = files["README.md"]
    call = next(
        node
        for block in _PYTHON_BLOCK.findall(readme)
        for node in ast.walk(ast.parse(block))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "iter_books"
    )
    method = _method(files["src/paged_books/resources.py"], "iter_books")
    required = [
        a.arg
        for a, d in zip(method.args.kwonlyargs, method.args.kw_defaults, strict=True)
        if d is None
    ]
    assert len(call.args) == len(method.args.args) - 1  # the path parameters, besides self
    assert {k.arg for k in call.keywords} == {*required, "page_size"}
    assert set(required) == {"genre", "tags", "x_reader"}
    values = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    assert values == {
        "genre": "poetry",
        "tags": ["example"],
        "x_reader": "example",
        "page_size": 50,
    }


@pytest.mark.skipif(os.environ.get("FAULTS_PROFILE") != "long", reason="long profile")
def test_a_readme_pages_with_the_required_arguments_of_the_paged_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "books.json"
    spec.write_text(json.dumps(_paged_spec()))
    assert main(["generate", str(spec), "-o", str(tmp_path), "--package", "paged_books", "-q"]) == 0
    readme = (tmp_path / "paged_books" / "README.md").read_text()
    assert ".iter_books(" in readme
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Books)
    threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
    sys.path.insert(0, str(tmp_path / "paged_books" / "src"))
    try:
        _run_examples(readme, "paged_books", f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        sys.path.remove(str(tmp_path / "paged_books" / "src"))
        for name in [m for m in sys.modules if m.split(".")[0] == "paged_books"]:
            del sys.modules[name]
    assert "name='Odes'" in capsys.readouterr().out
