"""Pydantic v2 models of a spec, by datamodel-code-generator, called in-process.

datamodel-code-generator is called as a library, once per spec, in the generator's own process
(a subprocess per system would pay its start-up each time), and only when it has not made
models of the same schemas before (``models_cache``). Its built-in formatter wraps long
string literals (``models_speedups`` makes it faster, never different); black and isort stay
off, because the generation step runs ruff once over every generated package afterwards.

``models_prepare`` makes the schemas ready for it, this module runs it, and ``models_patch``
mends what it wrote.

What the models promise their users, and how:

- ``extra="allow"`` on every model, whatever ``additionalProperties`` says: a server that adds a
  field must not break parsing (the transport sends only declared fields), and
  ``populate_by_name=True`` with snake_case attributes aliased to the wire names.
- Annotations are ``Annotated[T, Field(...)]``, so type checkers read the constructor's
  keywords as the snake_case names (``Field(alias=...)`` as an assignment would make them
  expect the wire names).
- Named unions, arrays and scalars are type aliases (``TypeAliasType``), not ``RootModel``
  wrappers: ``job.progress`` is a model and ``filter`` is one of the union's models, never an
  object with a ``.root``.
- Open enums (``anyOf: [{enum: [...]}, {type: string}]``) are an ``Enum`` class plus ``| str``,
  validated left to right, so known values come back as members and new ones as text.
- Enum members get readable names (``'31B/US-SAN'`` -> ``VALUE_31B_US_SAN``).
- ``date-time`` is ``datetime``: it accepts any timestamp a server sends, with or without an
  offset (``AwareDatetime`` would fail a whole page over one naive timestamp).
- URL formats stay ``str``: strict URL parsing rejects links real servers send.
- Colliding inline names are prefixed with their parent (``BursarExportFilterAgeCondition``),
  not numbered (``Condition1``), because users read and import these names.
- Fields whose wire names say they hold a credential (``access_token``, ``refreshToken``,
  ``client_secret``, ``password``, ``api_key``: see ``is_credential_field``) are left out of the
  models' repr and str (``Field(repr=False)``), so printing or logging an answer shows no
  token. They stay plain ``str``: ``SecretStr`` would hide the value from ``model_dump`` too,
  and a model sent back to the server would carry ``'**********'``.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.client.code import LINE_LENGTH
from generator.emit.models_cache import (
    cached_finished,
    cached_models,
    keep_finished,
    keep_models,
)
from generator.emit.models_patch import tidied
from generator.emit.models_prepare import PLAIN_TEXT, SCHEMAS, prepare
from generator.emit.models_speedups import faster_formatter
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError

_GENERATED = "Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand."
_CLASS = re.compile(r"^class (\w+)\((\w+)", re.MULTILINE)
_ALNUM = re.compile(r"[^0-9a-zA-Z]")


@dataclass(frozen=True)
class ModelsResult:
    """models.py of one spec, and how the client reaches its classes and attributes."""

    source: str  # the text of models.py
    class_names: dict[str, str]  # component schema name -> class (or type alias) in models.py
    # component schema name -> wire property name -> Python attribute name (object schemas only)
    field_names: dict[str, dict[str, str]] = field(default_factory=dict)


# -- generating ------------------------------------------------------------------------------


def _options(metadata: Path) -> dict[str, Any]:
    from datamodel_code_generator.enums import (
        DataModelType,
        InputFileType,
        NamingStrategy,
        UnionMode,
    )
    from datamodel_code_generator.format import DatetimeClassType, Formatter, PythonVersion
    from datamodel_code_generator.parser import LiteralType

    return {
        "input_file_type": InputFileType.OpenAPI,
        "output_model_type": DataModelType.PydanticV2BaseModel,
        "target_python_version": PythonVersion.PY_311,
        "emit_model_metadata": metadata,
        # names
        "snake_case_field": True,
        "remove_special_field_name_prefix": True,  # _version -> version, not field_version
        "allow_population_by_field_name": True,
        "naming_strategy": NamingStrategy.ParentPrefixed,
        "capitalise_enum_members": True,
        "treat_dot_as_module": False,  # Foo.Bar is a class name (FooBar), not a module
        # shapes
        "extra_fields": "allow",
        "use_annotated": True,
        "field_constraints": True,
        "use_standard_collections": True,
        "use_union_operator": True,
        "use_subclass_enum": True,  # StrEnum: members compare equal to their text
        "set_default_enum_member": True,  # `= Kind.ACH`, not `= "ach"`, which mypy refuses
        "enum_field_as_literal": LiteralType.One,  # discriminator values: Literal['Age']
        # a child's value of a base's enum property: Literal[Kind.AGE], which mypy takes as an
        # override of `kind: Kind`, where Literal['Age'] is refused
        "use_enum_values_in_discriminator": True,
        "use_type_alias_type": True,  # named unions/arrays/scalars: aliases, not RootModels
        "union_mode": UnionMode.left_to_right,  # JobStatus | str keeps known values as members
        "output_datetime_class": DatetimeClassType.Datetime,
        # documentation
        "use_schema_description": True,
        "field_extra_keys_without_x_prefix": {"x-repr"},  # Field(repr=False): see _property
        # output
        "disable_timestamp": True,
        "formatters": [Formatter.BUILTIN],
        "builtin_format_line_length": LINE_LENGTH,
        "wrap_string_literal": True,
    }


def generate_models(document: dict[str, Any], *, package: str) -> ModelsResult:
    """The text of ``models.py`` for ``document``, with the names the client needs."""
    prepared = prepare(document)
    if not prepared["components"]["schemas"]:
        # An API without component schemas (plain text in, HTML out): no models, but the
        # module the client imports still exists.
        return ModelsResult(
            source=f'{_module_title(document, package)}\n\n{_GENERATED}\n"""\n', class_names={}
        )
    try:
        text = json.dumps(prepared, default=str)  # YAML dates in defaults: text
    except Exception as error:  # as datamodel-code-generator's own errors, below
        raise SpecError(f"model generation failed for {package}: {error}") from None
    title = _module_title(document, package)
    finished = cached_finished(text, title, package)
    if finished is not None:
        return ModelsResult(**finished)
    result = _finished_models(prepared, text, title, package)
    keep_finished(text, title, package, dataclasses.asdict(result))
    return result


def _finished_models(prepared: dict[str, Any], text: str, title: str, package: str) -> ModelsResult:
    """The models of the prepared schemas ``text``, mended, and the names of their classes."""
    made = cached_models(text)
    if made is None:
        made = _datamodel_codegen(text, package)
        keep_models(text, *made)
    output, metadata = made
    # A NUL can only come from a name (property names are wire names, kept as they are); in a
    # string literal its escape is the same value, and no Python source may hold a raw NUL.
    output = output.replace("\x00", "\\x00")
    source = f'{title}\n\n{_GENERATED}\n"""\n\n{_body(output)}'
    source = tidied(source)
    kinds = dict(_CLASS.findall(source))
    class_names: dict[str, str] = {}
    field_names: dict[str, dict[str, str]] = {}
    models = metadata.get("models", [])
    for model in models:
        reference = model.get("source_ref", "")
        if not reference.startswith(SCHEMAS) or "/" in reference[len(SCHEMAS) :]:
            continue  # an inline schema's class
        _name_component(
            json_pointer.unescape(reference[len(SCHEMAS) :]), model, kinds, class_names, field_names
        )
    schemas = prepared["components"]["schemas"]
    for name in [name for name in schemas if name not in class_names]:
        # datamodel-code-generator makes one class of two schemas whose class names collide
        # (`M` and `m`; an inline `Error.source` and a component `ErrorSource`) when the code
        # it writes for them is the same: the component is that class, whichever schema it
        # was made for. An equal schema is that twin; else one of the colliding name, whose
        # code must then have been the same (`{enum: []}` and `{}` are both `Any`).
        twin = next((m for m in models if _schema_at(prepared, m) == schemas[name]), None)
        twin = twin or next((m for m in models if _spelled_alike(m, name)), None)
        if twin is not None:
            _name_component(name, twin, kinds, class_names, field_names)
    missing = [name for name in schemas if name not in class_names]
    if missing:
        raise SpecError(f"model generation for {package} made no class for: {', '.join(missing)}")
    return ModelsResult(source=source, class_names=class_names, field_names=field_names)


def _datamodel_codegen(text: str, package: str) -> tuple[str, dict[str, Any]]:
    """datamodel-code-generator's module of the prepared schemas ``text``, and its metadata."""
    from datamodel_code_generator import generate

    with tempfile.TemporaryDirectory(prefix="models-codegen-") as folder:
        metadata_file = Path(folder) / "metadata.json"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its hints are about its options, not our spec
            try:
                with faster_formatter():
                    output = generate(text, **_options(metadata_file))
            except Exception as error:  # its errors are about our spec: report them as such
                raise SpecError(f"model generation failed for {package}: {error}") from None
        metadata: dict[str, Any] = json.loads(metadata_file.read_text(encoding="utf-8"))
    if not isinstance(output, str):
        raise SpecError(f"model generation for {package} produced several modules")
    return output, metadata


def _name_component(
    name: str,
    model: dict[str, Any],
    kinds: dict[str, str],
    class_names: dict[str, str],
    field_names: dict[str, dict[str, str]],
) -> None:
    """Record the class ``model`` of metadata as component ``name``'s, with its fields."""
    class_name = model["class_name"]
    class_names.setdefault(name, class_name)
    if class_name in kinds and not kinds[class_name].endswith(("Enum", "RootModel")):
        field_names.setdefault(
            name,
            {f["original_name"]: f["name"] for f in model.get("fields", []) if f["original_name"]},
        )


def _spelled_alike(model: dict[str, Any], name: str) -> bool:
    """Whether ``model`` was made for a schema named like ``name`` but for case and marks."""
    reference = model.get("source_ref", "")
    if not reference.startswith(SCHEMAS):
        return False
    other = json_pointer.unescape(reference[len(SCHEMAS) :].rsplit("/", 1)[-1])
    return _ALNUM.sub("", other).casefold() == _ALNUM.sub("", name).casefold()


def _schema_at(prepared: dict[str, Any], model: dict[str, Any]) -> Any:
    """The prepared schema a model of the metadata was made from (None if it is not there)."""
    reference = model.get("source_ref", "")
    if not reference.startswith("#/"):
        return None
    try:
        return json_pointer.resolve(prepared, reference[1:])
    except (KeyError, ValueError, IndexError, TypeError):
        return None


def _module_title(document: dict[str, Any], package: str) -> str:
    """The first line of the models' docstring: ``\"\"\"Models of <title>.``"""
    title = str(document.get("info", {}).get("title", package)).translate(PLAIN_TEXT)
    title = title.strip().rstrip(".")
    title = title.replace('"', "'").replace("\\", "/")
    return textwrap.fill(f'"""Models of {title}.', width=LINE_LENGTH, break_long_words=False)


def _body(output: str) -> str:
    """datamodel-code-generator's module without its comment header."""
    lines = output.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).rstrip() + "\n"
