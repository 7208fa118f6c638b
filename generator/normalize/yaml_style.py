"""The one YAML style of the specs under specs/: block style, descriptions as ``|`` blocks,
keys in the order given, no anchors, 100 columns.

PyYAML's Python emitter defines the bytes. Its C emitter (libyaml) writes the same bytes for
most documents in a sixth of the time (alma-jobs: 30 ms and 5 ms, of a 0.45 s regeneration),
and is used for a document whose every string is of the kind where the two agree, as found by
differential fuzzing (tests/normalize/test_yaml_style.py). They differ on:

- characters libyaml escapes and PyYAML writes as they are, or the other way round: controls
  (tab and carriage return included), U+0085, U+2028, U+2029, U+FEFF, anything beyond U+FFFF;
- keys of about 120 characters and more (PyYAML counts characters, libyaml UTF-8 bytes, to
  decide whether a key may be written plainly), and keys holding a line break or empty;
- the ``...`` that ends a document whose last scalar is a ``|+`` block: PyYAML writes it only
  then, libyaml after any ``|+`` block; ``_ends_alike`` makes libyaml's end PyYAML's.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_KEY_CHARACTERS = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
_KEY = re.compile(f"[{_KEY_CHARACTERS}]+")
_VALUE = re.compile(f"[\n{_KEY_CHARACTERS}]*")
_LONGEST_KEY = 119  # UTF-8 bytes: well below either emitter's limit for a plain key
_SCALARS = (int, float, bool, type(None))


def _block_text(value: str) -> str:
    """A string with a line break as it is written: a ``|`` block, lines without trailing
    blanks (trailing blanks would force quotes)."""
    return "\n".join(line.rstrip() for line in value.split("\n"))


def _represent_str(dumper: yaml.representer.SafeRepresenter, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", _block_text(value), style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


class _PythonDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # shared objects are written out, never as YAML anchors


_PythonDumper.add_representer(str, _represent_str)

_CDumper: type[yaml.CSafeDumper] | None = None
if hasattr(yaml, "CSafeDumper"):  # PyYAML built without libyaml has none

    class _LibyamlDumper(yaml.CSafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    _LibyamlDumper.add_representer(str, _represent_str)
    _CDumper = _LibyamlDumper


def dump(document: dict[str, Any]) -> str:
    """``document`` (JSON-like: dicts, lists, strings, numbers, booleans, null) as YAML."""
    if _CDumper is not None and _emitters_agree(document):
        return _ends_alike(write(document, _CDumper), document)
    return write(document, _PythonDumper)


def write(document: dict[str, Any], dumper: type[Any]) -> str:
    """``document`` in the specs' style, by ``dumper``'s emitter."""
    text: str = yaml.dump(
        document,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text


def _emitters_agree(document: dict[str, Any]) -> bool:
    """Whether every key and string of ``document`` is one both emitters write alike."""
    pending: list[Any] = [document]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str) or len(key.encode("utf-8")) > _LONGEST_KEY:
                    return False
                if _KEY.fullmatch(key) is None:
                    return False
                pending.append(value)
        elif isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, str):
            if _VALUE.fullmatch(node) is None:
                return False
        elif not isinstance(node, _SCALARS):
            return False
    return True


def _ends_alike(text: str, document: dict[str, Any]) -> str:
    """libyaml's text with PyYAML's end: ``...`` only after a last scalar written ``|+``."""
    if text.endswith("\n...\n"):
        text = text[: -len("...\n")]
    last: Any = document
    while isinstance(last, (dict, list)) and last:
        last = next(reversed(last.values())) if isinstance(last, dict) else last[-1]
    if isinstance(last, str) and "\n" in last:
        block = _block_text(last)
        if block == "\n" or block.endswith("\n\n"):  # kept trailing line breaks: "|+"
            text += "...\n"
    return text
