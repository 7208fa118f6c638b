"""A description named by an http(s) URL, from loopback servers that misbehave on purpose."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.cli import main
from generator.shared.errors import SpecError
from generator.sources.remote import MAX_BYTES, TIMEOUT_SECONDS, Downloader

_API = """openapi: 3.0.3
info: {title: Things, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "%s"}
"""
_THING = json.dumps({"type": "object", "properties": {"id": {"type": "string"}}}).encode()

# An answer: status, headers, then the body as chunks sent one by one (with `pause` between).
Answer = tuple[int, dict[str, str], list[bytes]]


@dataclass
class Site:
    """One origin on loopback: path -> answer; it records each request's headers."""

    answers: dict[str, Answer] = field(default_factory=dict)
    pause: float = 0.0
    seen: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    def serve(self, path: str, body: bytes | str, status: int = 200, **headers: str) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.answers[path] = (status, headers, [data])
        return self.url + path


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            site.seen.append(dict(self.headers))
            status, headers, chunks = site.answers.get(self.path, (404, {}, [b"no"]))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.send_header("Content-Length", str(sum(map(len, chunks))))
            self.end_headers()
            for chunk in chunks:
                time.sleep(site.pause)
                self.wfile.write(chunk)
                self.wfile.flush()

        def log_message(self, *arguments: object) -> None:
            pass

    return Handler


@pytest.fixture
def sites() -> Iterator[Callable[[], Site]]:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start() -> Site:
        site = Site()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        site.url = f"http://127.0.0.1:{server.server_address[1]}"
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site(sites: Callable[[], Site]) -> Site:
    return sites()


def _fails(downloader: Downloader, url: str) -> str:
    with pytest.raises(SpecError) as caught:
        downloader.fetch(url)
    message = str(caught.value)
    assert message.startswith(url), message  # every error names the URL given
    return message


def test_the_defaults_bound_a_download() -> None:
    assert (MAX_BYTES, TIMEOUT_SECONDS) == (50 * 1024 * 1024, 30.0)


def test_a_self_contained_description_is_downloaded(site: Site, tmp_path: Path) -> None:
    url = site.serve("/docs/api.yaml", _API % "#/components/schemas/X")
    file = Downloader(tmp_path).fetch(url)
    assert file == tmp_path / "docs" / "api.yaml"
    assert file.read_text().startswith("openapi: 3.0.3")


def test_a_body_over_the_limit_is_refused(site: Site, tmp_path: Path) -> None:
    url = site.serve("/big.yaml", b"x" * 5000)
    assert "larger than the download limit (1,000 bytes)" in _fails(
        Downloader(tmp_path, max_bytes=1000), url
    )


def test_a_silent_server_times_out(site: Site, tmp_path: Path) -> None:
    url = site.serve("/slow.yaml", b"openapi: 3.0.3\n")
    site.pause = 1.0
    started = time.monotonic()
    assert "no answer from" in _fails(Downloader(tmp_path, timeout=0.2), url)
    assert time.monotonic() - started < 0.9


def test_a_dripping_server_cannot_outlast_the_timeout(site: Site, tmp_path: Path) -> None:
    url = site.serve("/drip.yaml", b"")
    site.answers["/drip.yaml"] = (200, {}, [b"# x\n"] * 12)
    site.pause = 0.05  # each read well within the timeout, the whole far beyond it
    assert "no answer from" in _fails(Downloader(tmp_path, timeout=0.2), url)


def test_a_status_other_than_200_is_an_error(site: Site, tmp_path: Path) -> None:
    url = site.serve("/gone.yaml", "gone", status=410)
    assert "HTTP 410 Gone from " in _fails(Downloader(tmp_path), url)


def test_only_http_urls_without_credentials(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="with credentials"):
        Downloader(tmp_path).fetch("https://user:secret@127.0.0.1:1/api.yaml")


def test_a_redirect_to_another_origin_is_followed_sending_nothing_sensitive(
    sites: Callable[[], Site], tmp_path: Path
) -> None:
    docs, cdn = sites(), sites()
    target = cdn.serve("/files/api.yaml", _API % "#/components/schemas/X")
    # Cookies ignore ports: one set by the docs' origin would reach the CDN on the same host.
    url = docs.serve("/api.yaml", "", status=302, Location=target, Set_Cookie="session=secret")
    file = Downloader(tmp_path / "out").fetch(url)
    assert file.read_text().startswith("openapi: 3.0.3")
    sent = [name.lower() for request in docs.seen + cdn.seen for name in request]
    assert "authorization" not in sent and "cookie" not in sent


def test_a_redirect_loop_ends(site: Site, tmp_path: Path) -> None:
    url = site.serve("/a.yaml", "", status=302, Location="/a.yaml")
    assert "more than 5 redirects" in _fails(Downloader(tmp_path), url)


def test_a_redirect_away_from_http_is_refused(site: Site, tmp_path: Path) -> None:
    url = site.serve("/a.yaml", "", status=302, Location="file:///etc/passwd")
    assert "only http(s) URLs" in _fails(Downloader(tmp_path), url)


def test_references_to_other_files_need_follow_refs(site: Site, tmp_path: Path) -> None:
    url = site.serve("/v1/api.yaml", _API % "../common/thing.json")
    site.serve("/common/thing.json", _THING)
    assert "pass --follow-refs" in _fails(Downloader(tmp_path), url)
    file = Downloader(tmp_path, follow_refs=True).fetch(url)
    assert (file.parent.parent / "common" / "thing.json").read_bytes() == _THING


def test_followed_references_stay_on_the_origin(sites: Callable[[], Site], tmp_path: Path) -> None:
    docs, other = sites(), sites()
    elsewhere = other.serve("/thing.json", _THING)
    url = docs.serve("/api.yaml", _API % elsewhere)
    assert "on another origin" in _fails(Downloader(tmp_path, follow_refs=True), url)
    assert other.seen == []
    moved = docs.serve("/moved.yaml", _API % "thing.json")
    docs.serve("/thing.json", "", status=302, Location=elsewhere)
    assert "redirects to another origin" in _fails(Downloader(tmp_path, follow_refs=True), moved)


def test_followed_references_share_the_size_limit(site: Site, tmp_path: Path) -> None:
    url = site.serve("/api.yaml", _API % "thing.json")
    site.serve("/thing.json", b" " * 2000 + _THING)
    assert "larger than the download limit" in _fails(
        Downloader(tmp_path, max_bytes=2000, follow_refs=True), url
    )


def test_generate_a_package_from_a_url(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.serve("/v1/api.yaml", _API % "../common/thing.json")
    site.serve("/common/thing.json", _THING)
    output = tmp_path / "out"
    code = main(["generate", url, "-o", str(output), "--package", "things", "-q"])
    assert code == 2
    assert f"error: {url}: refers to another file (../common/thing.json)" in (
        capsys.readouterr().err
    )
    code = main(["generate", url, "-o", str(output), "--package", "things", "-q", "--follow-refs"])
    assert code == 0, capsys.readouterr().err
    assert "class Thing" in (output / "things" / "src" / "things" / "models.py").read_text()


def test_an_error_in_a_downloaded_description_names_its_url(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.serve("/api.yaml", _API % "#/components/schemas/Missing")
    code = main(["normalize", url])
    error = capsys.readouterr().err
    assert code == 2
    assert error.startswith(f"error: {url}"), error
    assert "generator-url-" not in error


def test_raml_includes_and_libraries_are_references_too(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    api = """#%RAML 1.0
title: Things
uses:
  lib: libraries/types.raml
/things:
  get:
    responses:
      200:
        body:
          application/json:
            type: !include schemas/thing.json
"""
    url = site.serve("/raml/api.raml", api)
    site.serve("/raml/libraries/types.raml", "#%RAML 1.0 Library\ntypes:\n  Id: string\n")
    site.serve("/raml/schemas/thing.json", _THING)
    assert "pass --follow-refs" in _fails(Downloader(tmp_path / "refused"), url)
    file = Downloader(tmp_path / "followed", follow_refs=True).fetch(url)
    assert {p.relative_to(file.parent).as_posix() for p in file.parent.rglob("*.*")} == {
        "api.raml",
        "libraries/types.raml",
        "schemas/thing.json",
    }
    assert main(["normalize", url, "--follow-refs"]) == 0, capsys.readouterr().err
    assert "openapi: 3.1.0" in capsys.readouterr().out
