"""Custom code survives regeneration, and a hand edit is never reverted in silence (``record``).

As a user meets it: a package generated with ``python -m generator generate``, a custom module
(the package README's own example) and a file of the user's added, a generated file edited.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.emit.record import RECORD
from tests.conftest import write_tree

_SPEC = """openapi: 3.0.3
info: {title: Shop, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      tags: [things]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object}}}
"""

# A user's program: the README's custom module at work, sync and async, on a mock server.
_USE = """
import asyncio

import httpx

from shop import AsyncClient, Client
from shop.custom import answered

seen = []
URL = "http://shop.test"


def handler(request):
    seen.append(request.headers.get("X-Caller"))
    return httpx.Response(201, json={})


with Client(base_url=URL, transport=httpx.MockTransport(handler)) as client:
    print(client.things.get_thing_status("1"))


async def main():
    async with AsyncClient(base_url=URL, transport=httpx.MockTransport(handler)) as client:
        print(await client.things.get_thing_status("2"))


asyncio.run(main())
print(seen, answered)
"""


def _generate(capsys: pytest.CaptureFixture[str], out: Path, *options: str) -> tuple[int, str]:
    """``generate shop.yaml -o out --package shop``: its exit code and error output."""
    capsys.readouterr()
    source = str(out.parent / "shop.yaml")
    code = main(["generate", source, "-o", str(out), "--package", "shop", *options])
    return code, capsys.readouterr().err


@pytest.fixture
def package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """``shop``, generated into ``tmp_path/out/shop`` as a user generates a package."""
    write_tree(tmp_path, {"shop.yaml": _SPEC})
    code, err = _generate(capsys, tmp_path / "out")
    assert code == 0, err
    return tmp_path / "out" / "shop"


def _fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _readme_custom_module(package: Path) -> str:
    """The python block of the package README's "Custom code" section."""
    section = (package / "README.md").read_text().split("## Custom code", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, section
    return found.group(1)


def test_the_readme_custom_module_survives_regeneration_and_works_sync_and_async(
    package: Path, capsys: pytest.CaptureFixture[str], mypy_cache: Path
) -> None:
    custom = package / "src/shop/custom/__init__.py"
    write_tree(package, {"src/shop/custom/__init__.py": _readme_custom_module(package)})
    write_tree(package, {"src/shop/custom/notes.txt": "mine\n", "NOTES.md": "mine too\n"})
    written = custom.read_text()

    code, err = _generate(capsys, package.parent)
    assert code == 0, err
    assert custom.read_text() == written  # kept as it was, not formatted either
    assert (package / "src/shop/custom/notes.txt").read_text() == "mine\n"
    assert (package / "NOTES.md").read_text() == "mine too\n"
    assert "src/shop/custom/__init__.py" not in json.loads((package / RECORD).read_text())["files"]

    run = subprocess.run(
        [sys.executable, "-c", _USE],
        capture_output=True,
        text=True,
        cwd=package / "src",
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "201",  # the extension method, sync
        "201",  # and async
        "['my-app', 'my-app'] ['201 /things/1', '201 /things/2']",  # setup's hooks, both
    ]
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), "shop"],
        capture_output=True,
        text=True,
        cwd=package / "src",
        timeout=300,
    )
    assert typed.returncode == 0, typed.stdout


def test_a_custom_module_that_fails_to_import_is_not_hidden(package: Path) -> None:
    write_tree(package, {"src/shop/custom/__init__.py": "import no_such_module_here\n"})
    run = subprocess.run(
        [sys.executable, "-c", "import shop"],
        capture_output=True,
        text=True,
        cwd=package / "src",
        timeout=60,
    )
    assert run.returncode != 0
    assert "No module named 'no_such_module_here'" in run.stderr


def test_a_hand_edit_stops_generate_naming_the_file_and_nothing_is_written(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resources = package / "src/shop/resources.py"
    resources.write_text(resources.read_text() + "# my fix\n")
    before = _fingerprint(package.parent)

    code, err = _generate(capsys, package.parent)
    assert code == 1
    assert f"{resources}: differs from what generation wrote" in err
    assert "src/<package>/custom/" in err and "--force" in err
    assert "wrote /" not in err and "\nwrote" not in err
    assert _fingerprint(package.parent) == before  # nothing written, nothing removed


def test_force_overwrites_the_hand_edit_and_keeps_the_users_files(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resources = package / "src/shop/resources.py"
    generated = resources.read_text()
    resources.write_text(generated + "# my fix\n")
    write_tree(package, {"src/shop/custom/__init__.py": ""})

    code, err = _generate(capsys, package.parent, "--force")
    assert code == 0, err
    assert resources.read_text() == generated
    assert (package / "src/shop/custom/__init__.py").is_file()
    code, err = _generate(capsys, package.parent)  # and the next run has nothing to refuse
    assert code == 0, err


def test_a_users_file_where_the_generator_now_writes_is_refused(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As if errors.py were new in this generation, and the user had a file of that name.
    record = json.loads((package / RECORD).read_text())
    del record["files"]["src/shop/errors.py"]
    (package / RECORD).write_text(json.dumps(record))
    errors = package / "src/shop/errors.py"
    errors.write_text("# mine\n")

    code, err = _generate(capsys, package.parent)
    assert code == 1
    assert f"{errors}: your file, at a path the generator now writes" in err
    assert errors.read_text() == "# mine\n"


def test_a_deleted_generated_file_is_generated_again(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package / "src/shop/models.py").unlink()  # regenerating it loses nothing
    code, err = _generate(capsys, package.parent)
    assert code == 0, err
    assert (package / "src/shop/models.py").is_file()


def test_a_package_without_a_record_is_replaced_but_for_custom(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Written before records existed: everything but custom/ was the generator's.
    (package / RECORD).unlink()
    write_tree(package, {"src/shop/custom/__init__.py": "", "src/shop/stale.py": ""})
    resources = package / "src/shop/resources.py"
    generated = resources.read_text()
    resources.write_text(generated + "# edited\n")

    code, err = _generate(capsys, package.parent)
    assert code == 0, err
    assert resources.read_text() == generated
    assert not (package / "src/shop/stale.py").exists()
    assert (package / "src/shop/custom/__init__.py").is_file()
    assert (package / RECORD).is_file()


def _record_says(package: Path, relative: str, content: bytes) -> None:
    """Rewrite ``package``'s record as if ``relative`` had been generated as ``content``."""
    record = json.loads((package / RECORD).read_text())
    record["files"][relative] = hashlib.sha256(content).hexdigest()
    (package / RECORD).write_text(json.dumps(record))


def test_a_file_already_as_generation_makes_it_is_no_hand_edit(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A merge of two branches that both regenerated: the record says one content, the file
    # has the other, which is what generating writes now; nothing would be lost.
    _record_says(package, "src/shop/resources.py", b"# the other branch's generation\n")
    code, err = _generate(capsys, package.parent)
    assert code == 0, err


def test_a_hand_edit_of_a_file_no_longer_generated_is_refused_not_removed(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = package / "src/shop/old.py"
    _record_says(package, "src/shop/old.py", b"x = 1\n")  # generated once, no more
    old.write_text("x = 2  # edited\n")
    code, err = _generate(capsys, package.parent)
    assert code == 1
    assert f"{old}: differs from what generation wrote" in err
    assert old.read_text() == "x = 2  # edited\n"
    old.write_text("x = 1\n")  # as generated: removed, as the generator no longer makes it
    code, err = _generate(capsys, package.parent)
    assert code == 0, err
    assert not old.exists()
