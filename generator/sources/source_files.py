"""Reading the files of one API description: parsed once, confined to one folder.

A description spans many files (a RAML root, its traits, JSON Schema files, examples). All of
them are read through one ``SourceFiles``, which parses each file once, refuses any path outside
the source folder, and turns parse errors into ``SpecError`` naming the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

import yaml

from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML without YAML 1.1's date guessing: API descriptions mean strings by dates."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


JSON_SUFFIXES = {".json", ".schema", ".sample"}


def compose(text: str) -> yaml.Node | None:
    """The node tree of ``text`` (its lines, its repeated keys), by the parser that loads it:
    libyaml's where PyYAML has it, a tenth of the time of PyYAML's own."""
    node: yaml.Node | None = yaml.compose(text, Loader=_BaseLoader)
    return node


def parse_text(text: str, path: Path, loader: type[Any] = YamlLoader) -> Any:
    """Parse JSON or YAML text; errors name ``path`` and the line."""
    if path.suffix.lower() in JSON_SUFFIXES and loader is YamlLoader:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise SpecError(f"invalid JSON: {error.msg}", file=path, line=error.lineno) from None
    try:
        data = yaml.load(text, Loader=loader)
        if "*" in text:  # only aliases can make a small text a huge value
            _check_expansion(data, path)
        return data
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "syntax error"
        raise SpecError(
            f"invalid YAML: {problem}", file=path, line=mark.line + 1 if mark else None
        ) from None
    except yaml.YAMLError as error:
        raise SpecError(f"invalid YAML: {error}", file=path) from None
    except RecursionError:
        raise SpecError("nesting too deep to parse", file=path) from None


MAX_EXPANDED_VALUES = 1_000_000


def _check_expansion(data: Any, path: Path) -> None:
    """Refuse YAML whose aliases expand to more values than any API description holds.

    A "billion laughs" document is a few lines whose aliases repeat each other; the parser
    shares the repeated values, but everything that walks the result would walk every copy.
    """
    sizes: dict[int, int] = {}

    def size(value: Any) -> int:
        key = id(value)
        if key in sizes:
            return sizes[key]
        children = value.values() if isinstance(value, dict) else value
        total = 1 + sum(size(child) for child in children) if isinstance(value, dict | list) else 1
        if isinstance(value, dict | list):
            sizes[key] = total
        if total > MAX_EXPANDED_VALUES:
            raise SpecError(
                f"YAML aliases expand to more than {MAX_EXPANDED_VALUES:,} values (an alias bomb?)",
                file=path,
            )
        return total

    size(data)


@dataclass
class LineIndex:
    """Lines of JSON pointers in one YAML or JSON text, parsed once however often it is asked."""

    text: str
    _root: yaml.Node | None = field(default=None, init=False)
    _parsed: bool = field(default=False, init=False)

    def line_of(self, pointer: str) -> int | None:
        if not self._parsed:
            self._parsed = True
            try:
                self._root = compose(self.text)
            except yaml.YAMLError:
                self._root = None
        node = self._root
        for token in json_pointer.split(pointer):
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == token), None)
            elif isinstance(node, yaml.SequenceNode) and token.isdigit():
                index = int(token)
                node = node.value[index] if index < len(node.value) else None
            else:
                return None
        return None if node is None else node.start_mark.line + 1


class SourceFiles:
    """The files below ``root`` that make up one API description."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._parsed: dict[tuple[Path, type[Any]], Any] = {}
        self._texts: dict[Path, str] = {}
        self._lines: dict[Path, LineIndex] = {}

    def text(self, path: Path) -> str:
        path = self.confine(path)
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                raise SpecError("file not found", file=path) from None
            except IsADirectoryError:
                raise SpecError("is a folder, not a file", file=path) from None
            except UnicodeDecodeError as error:
                raise SpecError(f"not UTF-8 text ({error.reason})", file=path) from None
            except OSError as error:
                raise SpecError(f"cannot read: {error.strerror}", file=path) from None
        return self._texts[path]

    def load(self, path: Path, loader: type[Any] = YamlLoader) -> Any:
        """The parsed content of ``path``; the same object on every call (do not mutate it)."""
        path = self.confine(path)
        key = (path, loader)
        if key not in self._parsed:
            self._parsed[key] = parse_text(self.text(path), path, loader)
        return self._parsed[key]

    def confine(self, path: Path) -> Path:
        resolved = path.resolve()
        if resolved != self.root and self.root not in resolved.parents:
            raise SpecError(f"path escapes the source folder {self.root}", file=resolved)
        return resolved

    def resolve_reference(
        self, base_file: Path, reference: str, *, pointer: str | None = None
    ) -> tuple[Path, str]:
        """Split ``reference`` (relative to ``base_file``) into an absolute file and a fragment.

        ``pointer`` is where the reference stands in ``base_file``, for error messages.
        """
        parts = urlsplit(reference)
        if parts.scheme in ("http", "https"):
            local = self._published_here(base_file, reference)
            if local is not None:
                return self.resolve_reference(base_file, local, pointer=pointer)
            raise SpecError(
                f"remote reference {reference!r} is not fetched; download it next to the sources",
                file=base_file,
                pointer=pointer,
            )
        if parts.scheme not in ("", "file") or parts.netloc:
            raise SpecError(f"unsupported reference {reference!r}", file=base_file, pointer=pointer)
        fragment = unquote(parts.fragment)
        if fragment and not fragment.startswith("/"):
            raise SpecError(
                f"reference {reference!r} has a fragment that is not a JSON pointer",
                file=base_file,
                pointer=pointer,
            )
        if not parts.path:
            return base_file, fragment
        target = (base_file.parent / unquote(parts.path)).resolve()
        try:
            target = self.confine(target)
        except SpecError:
            raise SpecError(
                f"reference {reference!r} escapes the source folder {self.root}",
                file=base_file,
                pointer=pointer,
            ) from None
        if not target.is_file():
            raise SpecError(
                f"reference {reference!r}: file {target} not found",
                file=base_file,
                pointer=pointer,
            )
        return target, fragment

    def _published_here(self, base_file: Path, reference: str) -> str | None:
        """``reference`` relative to ``base_file`` when it names the place the file says it is
        published at (OpenAPI 3.2's ``$self``) or a file beside it: the sources are that
        published copy, laid out alike, so nothing is fetched. None for any other URL."""
        try:
            document = self.load(base_file)
        except SpecError:
            return None
        published = document.get("$self") if isinstance(document, dict) else None
        if not isinstance(published, str) or urlsplit(published).scheme not in ("http", "https"):
            return None
        target = urlsplit(reference)
        self_url = urlsplit(published)
        if (target.scheme, target.netloc) != (self_url.scheme, self_url.netloc):
            return None
        folder = self_url.path.rsplit("/", 1)[0] + "/"
        if target.path == self_url.path:
            relative = ""
        elif target.path.startswith(folder):
            relative = target.path[len(folder) :]
        else:
            return None
        return relative + (f"#{target.fragment}" if target.fragment else "")

    def follow(self, file: Path, fragment: str, *, referrer: Path, pointer: str) -> Any:
        """The value a reference points to; errors name the referring place."""
        document = self.load(file)
        try:
            return json_pointer.resolve(document, fragment)
        except (KeyError, ValueError):
            raise SpecError(
                f"reference target #{fragment} does not exist in {file.name}",
                file=referrer,
                pointer=pointer,
            ) from None

    def line_of(self, path: Path, pointer: str) -> int | None:
        """The 1-based line where ``pointer`` starts in ``path``, if the file can tell."""
        try:
            path = self.confine(path)
            if path not in self._lines:
                self._lines[path] = LineIndex(self.text(path))
        except SpecError:
            return None
        return self._lines[path].line_of(pointer)
