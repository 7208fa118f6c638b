"""RAML step 3, resolving: ``<<parameter>>`` substitution (``substitute``) and RAML's merge
rules (``merge``), with which ``raml_resources`` applies resource types and traits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

import inflection

from generator.sources.raml_includes import FileRef, Json, plain

# --- Resolving: parameters and merging ----------------------------------------------------------


class TemplateError(Exception):
    """A parameter problem; the caller knows where the template was applied."""


_PARAMETER = re.compile(r"<<\s*([^<>|\s]+)\s*((?:\|\s*![A-Za-z]+\s*)*)>>")


def _words(text: str) -> list[str]:
    """``userId`` / ``user_id`` / ``user-id`` → ``[user, Id]`` / ``[user, id]``."""
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", text)


def _lower_camel(text: str) -> str:
    words = _words(text)
    return "".join([w.lower() if i == 0 else w.capitalize() for i, w in enumerate(words)])


_TRANSFORMS: dict[str, Callable[[str], str]] = {
    "singularize": inflection.singularize,
    "pluralize": inflection.pluralize,
    "uppercase": str.upper,
    "lowercase": str.lower,
    "lowercamelcase": _lower_camel,
    "uppercamelcase": lambda text: "".join(w.capitalize() for w in _words(text)),
    "lowerunderscorecase": lambda text: "_".join(w.lower() for w in _words(text)),
    "upperunderscorecase": lambda text: "_".join(w.upper() for w in _words(text)),
    "lowerhyphencase": lambda text: "-".join(w.lower() for w in _words(text)),
    "upperhyphencase": lambda text: "-".join(w.upper() for w in _words(text)),
}


def _transform(function: str, text: str) -> str:
    """Apply one of RAML's parameter functions (``!singularize`` ...) to ``text``."""
    if function not in _TRANSFORMS:
        raise TemplateError(f"unknown parameter function !{function}")
    return _TRANSFORMS[function](text)


def text_of(value: Any) -> str:
    """A parameter value as RAML writes it inside a longer string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, FileRef):
        return value.ref
    if isinstance(value, dict | list):
        return json.dumps(plain(value))
    return str(value)


def _substitute_text(text: str, params: Mapping[str, Any], *, whole: bool) -> Any:
    whole_match = _PARAMETER.fullmatch(text)
    if whole and whole_match and not whole_match.group(2):
        name = whole_match.group(1)
        # `example: <<exampleItem>>` takes the value itself (an included file, a number...).
        if name in params and not isinstance(params[name], str):
            return params[name]

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise TemplateError(f"no value is given for parameter <<{name}>>")
        result = text_of(params[name])
        for function in re.findall(r"!([A-Za-z]+)", match.group(2)):
            result = _transform(function, result)
        return result

    return _PARAMETER.sub(replace, text)


def substitute(value: Any, params: Mapping[str, Any]) -> Any:
    """A copy of a trait or resource type body with every ``<<parameter>>`` replaced."""
    if isinstance(value, dict):
        return {
            (_substitute_text(key, params, whole=False) if isinstance(key, str) else key): (
                substitute(item, params)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [substitute(item, params) for item in value]
    if isinstance(value, str):
        return _substitute_text(value, params, whole=True)
    return value


# Values a trait or resource type does not merge into: the target's own value is kept whole.
_OPAQUE = frozenset({"example", "default", "type", "schema", "value"})
# Mappings whose keys are names the author chose (parameters, properties, status codes, media
# types). A trailing "?" there belongs to the name (RAML's optional-parameter shorthand; a
# template escapes it as "\?"), not to the template's "apply only if present" marker.
_NAME_MAPS = frozenset(
    {
        "queryParameters",
        "headers",
        "uriParameters",
        "baseUriParameters",
        "properties",
        "responses",
        "body",
        "examples",
        "types",
    }
)


def merge(target: Json, source: Json, *, names: bool = False) -> Json:
    """RAML's merge of a trait or resource type (``source``) under a method or resource.

    The target's own values win; mappings merge recursively; lists merge by value; keys the
    target lacks are added in the source's order, after the target's keys.
    """
    result = dict(target)
    for key, value in source.items():
        name = key
        if isinstance(key, str) and names and key.endswith("\\?"):
            name = key[:-2] + "?"
        elif isinstance(key, str) and not names and key.endswith("?"):
            name = key[:-1]
            if name not in result:  # optional property: applied only where the target has it
                continue
        opaque = not names and name in _OPAQUE
        child_names = not names and name in _NAME_MAPS
        mine = result.get(name)
        if mine is None:
            fresh = isinstance(value, dict) and not opaque
            result[name] = merge({}, value, names=child_names) if fresh else value
        elif opaque:
            continue
        elif isinstance(mine, dict) and isinstance(value, dict):
            result[name] = merge(mine, value, names=child_names)
        elif isinstance(mine, list) and isinstance(value, list):
            result[name] = mine + [item for item in value if item not in mine]
    return result
