"""A description named by an http(s) URL (copied from vendor docs), downloaded to a folder.

The download is bounded: at most ``MAX_BYTES`` in all and ``TIMEOUT_SECONDS`` per file, which
covers connecting, every read and the whole transfer (a server dripping one byte a second
cannot hold it open). Nothing sensitive is ever sent: a URL with credentials in it is refused,
no authentication is configured, and cookies a server sets are dropped before the next request
(cookies ignore ports, so one origin's would reach another on the same host); redirects are
therefore followed (vendor docs often point at a CDN), at most ``MAX_REDIRECTS`` and only to
http(s).

A description that refers to other files is refused unless ``follow_refs`` is given; then each
relative reference is fetched relative to the file that makes it, from the same origin only
(scheme, host and port of the URL given), under the same limits. Every error names the URL.
"""

from __future__ import annotations

import posixpath
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import yaml

from generator.shared.errors import SpecError

MAX_BYTES = 50 * 1024 * 1024
TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 5
MAX_FILES = 200


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def _checked(url: str, named: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SpecError(f"only http(s) URLs can be downloaded, not {url}", file=named)
    if parts.username is not None or parts.password is not None:
        raise SpecError("a URL with credentials in it is not downloaded", file=named)
    return parts._replace(fragment="").geturl()


class Downloader:
    """Downloads one description (and, when asked, the files it refers to) into ``folder``."""

    def __init__(
        self,
        folder: Path,
        *,
        max_bytes: int = MAX_BYTES,
        timeout: float = TIMEOUT_SECONDS,
        follow_refs: bool = False,
    ) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.follow_refs = follow_refs
        self.received = 0
        self.urls: dict[Path, str] = {}  # each file written -> the URL it came from

    def fetch(self, url: str) -> Path:
        """The downloaded root file; its references downloaded beside it when allowed."""
        url = _checked(url, url)
        with httpx.Client(timeout=self.timeout, follow_redirects=False) as client:
            final, body = self._get(client, url, url)
            origin = _origin(final)
            root = self._save(final, body)
            pending = [(final, root, body)]
            fetched = {final}
            while pending:
                base, file, content = pending.pop()
                for reference in _references(content, file):
                    target = urljoin(base, reference)
                    if target in fetched:
                        continue
                    if not self.follow_refs:
                        raise SpecError(
                            f"refers to another file ({reference}); pass --follow-refs to "
                            f"download it from {_shown_origin(final)}",
                            file=url,
                        )
                    if _origin(target) != origin:
                        raise SpecError(
                            f"refers to {target}, on another origin than {_shown_origin(final)}: "
                            "not downloaded",
                            file=url,
                        )
                    if len(fetched) >= MAX_FILES:
                        raise SpecError(f"refers to more than {MAX_FILES} files", file=url)
                    fetched.add(target)
                    got, data = self._get(client, target, url)
                    if _origin(got) != origin:
                        raise SpecError(f"{target} redirects to another origin ({got})", file=url)
                    pending.append((target, self._save(target, data), data))
        return root

    def _get(self, client: httpx.Client, url: str, named: str) -> tuple[str, bytes]:
        """The final URL and body of ``url``, after redirects; SpecError naming ``url``."""
        deadline = time.monotonic() + self.timeout
        for _ in range(MAX_REDIRECTS + 1):
            client.cookies.clear()
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        url = _checked(urljoin(url, location), named)
                        continue
                    if response.status_code != 200:
                        raise SpecError(
                            f"HTTP {response.status_code} {response.reason_phrase} from {url}",
                            file=named,
                        )
                    return url, self._read(response, url, named, deadline)
            except httpx.TimeoutException:
                raise SpecError(
                    f"no answer from {url} within {self.timeout:g} s", file=named
                ) from None
            except httpx.HTTPError as error:
                raise SpecError(f"cannot download {url}: {error}", file=named) from None
        raise SpecError(f"more than {MAX_REDIRECTS} redirects from {url}", file=named)

    def _read(self, response: httpx.Response, url: str, named: str, deadline: float) -> bytes:
        chunks = []
        for chunk in response.iter_bytes():
            self.received += len(chunk)
            if self.received > self.max_bytes:
                raise SpecError(
                    f"{url} is larger than the download limit ({self.max_bytes:,} bytes)",
                    file=named,
                )
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("the whole download took too long")
            chunks.append(chunk)
        return b"".join(chunks)

    def _save(self, url: str, body: bytes) -> Path:
        """Where ``url`` lands: its path below ``folder``, so relative references still meet."""
        path = posixpath.normpath(unquote(urlsplit(url).path))
        parts = [p for p in path.split("/") if p not in ("", ".", "..")] or ["openapi.yaml"]
        file = self.folder.joinpath(*parts)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(body)
        self.urls[file.resolve()] = url
        return file


def _shown_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _references(body: bytes, file: Path) -> list[str]:
    """The other files ``body`` refers to, as written (without fragments): ``$ref`` values,
    RAML's ``!include`` and the libraries under ``uses``."""
    text = body.decode("utf-8-sig", errors="replace")
    raml = file.suffix.lower() == ".raml" or text.lstrip().startswith("#%RAML")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # tags such as !include stay nodes
    except yaml.YAMLError:
        return []  # the loader says what is wrong with it, naming the line
    found: list[str] = []
    _collect(root, raml, found, set())
    kept = []
    for reference in found:
        target = reference.split("#", 1)[0]
        if target and target not in kept:
            kept.append(target)
    return kept


def _collect(node: yaml.Node | None, raml: bool, found: list[str], seen: set[int]) -> None:
    # `seen`: YAML aliases share nodes, and an alias bomb shares them exponentially often.
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode) and node.tag == "!include":
        found.append(str(node.value).strip())
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "$ref" and isinstance(value, yaml.ScalarNode):
                found.append(str(value.value))
            elif raml and key.value == "uses" and isinstance(value, yaml.MappingNode):
                found.extend(str(v.value) for _, v in value.value if isinstance(v, yaml.ScalarNode))
            else:
                _collect(value, raml, found, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _collect(item, raml, found, seen)
