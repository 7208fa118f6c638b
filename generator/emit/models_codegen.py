"""Pydantic v2 models of a spec, by datamodel-code-generator, called in-process.

datamodel-code-generator is called as a library, once per spec, in the generator's own process
(a subprocess per system would pay its start-up each time). Its built-in formatter wraps long
string literals; black and isort stay off, because the generation step runs ruff once over
every generated package afterwards.

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

import ast
import functools
import json
import keyword
import re
import tempfile
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.shared.errors import SpecError

_SCHEMAS = "#/components/schemas/"
_LINE_LENGTH = 100
_GENERATED = "Generated from its OpenAPI spec by datamodel-code-generator; do not edit by hand."
_CLASS = re.compile(r"^class (\w+)\((\w+)", re.MULTILINE)


@dataclass(frozen=True)
class ModelsResult:
    """models.py of one spec, and how the client reaches its classes and attributes."""

    source: str  # the text of models.py
    class_names: dict[str, str]  # component schema name -> class (or type alias) in models.py
    # component schema name -> wire property name -> Python attribute name (object schemas only)
    field_names: dict[str, dict[str, str]] = field(default_factory=dict)


# -- preparing the schemas -----------------------------------------------------------------

# Formats kept as plain strings in the models: JSON Schema treats formats as annotations, and
# the types datamodel-code-generator maps these to refuse or change what servers send: strict
# URL parsing rejects relative links and odd hosts, EmailStr needs the email-validator package,
# SecretStr dumps a password as "**********", Base64Str decodes the text, ULID needs a package.
_LOOSE_FORMATS = frozenset(
    {
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "hostname",
        "email",
        "idn-email",
        "password",
        "byte",
        "path",
        "ulid",
    }
)
# UUID4 and its siblings also check the version: any UUID is a UUID to a client.
_ANY_UUID = frozenset({"uuid1", "uuid2", "uuid3", "uuid4", "uuid5"})
# Keywords whose value is one schema, a list of schemas, or a map of names to schemas.
_ONE_SCHEMA = frozenset(
    {
        "items",
        "additionalProperties",
        "additionalItems",
        "not",
        "if",
        "then",
        "else",
        "contains",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)
_SCHEMA_LIST = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
_SCHEMA_MAP = frozenset({"properties", "patternProperties", "$defs", "definitions"})
# Annotations that only add noise (or long lines) to model code: XML naming is the runtime's
# business, and examples belong in the spec and the README.
_DROPPED = frozenset({"xml", "example", "examples", "externalDocs", "$comment"})
# Typographic punctuation in descriptions, which ruff reports as ambiguous in docstrings.
_PLAIN_TEXT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
        "\x00": None,  # no Python source may hold a NUL, not even in a docstring
    }
)


def _schema(node: Any) -> Any:
    """A copy of one schema: extensions and noise dropped, enum members named."""
    if isinstance(node, list):  # an enum or a type list, under a keyword we do not walk into
        return node
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        if key.startswith("x-") or key in _DROPPED:
            continue
        if key == "format" and value in _LOOSE_FORMATS:
            continue
        if key == "format" and value in _ANY_UUID:
            value = "uuid"
        if key == "pattern" and not _usable_pattern(value):
            continue
        if key in ("description", "title") and isinstance(value, str):
            result[key] = value.translate(_PLAIN_TEXT)
        elif key == "properties" and isinstance(value, dict):
            result[key] = {name: _property(name, member) for name, member in value.items()}
        elif key in _SCHEMA_MAP and isinstance(value, dict):
            result[key] = {name: _schema(member) for name, member in value.items()}
        elif key in _SCHEMA_LIST and isinstance(value, list):
            result[key] = [_schema(member) for member in value]
        elif key in _ONE_SCHEMA and isinstance(value, dict):
            result[key] = _schema(value)
        else:
            result[key] = value
    result = _annotated_ref(result)
    values = result.get("enum")
    if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
        # lower case: datamodel-code-generator snake-cases names (which would split 31B) and
        # then capitalises them
        result["x-enum-varnames"] = [name.lower() for name in enum_member_names(values)]
    return result


def _property(name: str, schema: Any) -> Any:
    """A property's schema; a credential's is marked to be left out of the repr."""
    result = _schema(schema)
    if isinstance(result, dict) and is_credential_field(name):
        # the spec's own x- keys were dropped above, so only this marks a field
        result["x-repr"] = False
    return result


_CREDENTIAL_WORDS = frozenset(
    {"token", "secret", "password", "passwd", "passphrase", "apikey", "credential", "credentials"}
)


def is_credential_field(name: str) -> bool:
    """Whether a property of this wire name holds a credential: its last word says so.

    ``access_token``, ``refreshToken``, ``id_token``, ``client_secret``, ``password``,
    ``api_key``/``apiKey`` do; ``token_type`` and ``tokenExpiration`` do not.
    """
    words = _NOT_WORD.sub(" ", _WORD_BOUNDARY.sub(" ", name)).lower().split()
    return bool(words) and (words[-1] in _CREDENTIAL_WORDS or words[-2:] == ["api", "key"])


# What a member of ``allOf`` may hold and still only describe the other member.
_ANNOTATIONS = frozenset({"description", "title", "deprecated"})


def _annotated_ref(schema: dict[str, Any]) -> dict[str, Any]:
    """``{"allOf": [{"$ref": X}, {"description": ...}]}`` as ``{"$ref": X, "description": ...}``.

    OpenAPI 3.0 could not put a description beside a ``$ref``, so converted specs (every AWS
    one) wrap each described reference in ``allOf``; in 3.1 the two spellings mean the same.
    datamodel-code-generator builds the same field from either, but resolves an ``allOf`` by
    merging its members, which took half of its time on AWS SageMaker's 4,242 such properties.
    """
    members = schema.get("allOf")
    if not isinstance(members, list) or len(members) < 2:
        return schema
    refs = [m for m in members if isinstance(m, dict) and set(m) == {"$ref"}]
    notes = [m for m in members if isinstance(m, dict) and m and set(m) <= _ANNOTATIONS]
    if len(refs) != 1 or len(refs) + len(notes) != len(members):
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for note in notes:
        for key, value in note.items():
            if merged.setdefault(key, value) != value:
                return schema  # two different descriptions: not ours to choose
    return {"$ref": refs[0]["$ref"], **merged}


@functools.cache
def _usable_pattern(pattern: Any) -> bool:
    """Whether pydantic can check ``pattern``: its regex engine has no look-around or
    back-references, and a pattern it cannot compile would fail the import of the whole module.
    Such a pattern is left out (the server checks it anyway)."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    if not isinstance(pattern, str):
        return False
    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError:
        return False
    return True


_WORD_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


def enum_member_names(values: list[str]) -> list[str]:
    """Readable, distinct member names: ``FeeFineOwner`` -> ``FEE_FINE_OWNER``,
    ``'31B/US-SAN'`` -> ``VALUE_31B_US_SAN``, ``'File download'`` -> ``FILE_DOWNLOAD``."""
    names: list[str] = []
    taken: set[str] = set()
    for value in values:
        words = _NOT_WORD.sub(" ", _WORD_BOUNDARY.sub(" ", value)).split()
        name = "_".join(words).upper() or "EMPTY"
        if name[0].isdigit():
            name = "VALUE_" + name
        if keyword.iskeyword(name):  # never for upper case, but cheap to be sure
            name += "_"
        candidate, number = name, 2
        while candidate in taken:
            candidate, number = f"{name}_{number}", number + 1
        taken.add(candidate)
        names.append(candidate)
    return names


def _open_enum(schema: Any) -> dict[str, Any] | None:
    """The enum branch of ``anyOf: [{enum: [...]}, {type: string}]`` (either order), or None."""
    if not isinstance(schema, dict):
        return None
    members = schema.get("anyOf", schema.get("oneOf"))
    if not isinstance(members, list) or len(members) != 2 or "discriminator" in schema:
        return None
    if not all(isinstance(member, dict) for member in members):
        return None
    enums = [m for m in members if isinstance(m.get("enum"), list)]
    texts = [m for m in members if set(m) - {"description", "title"} == {"type"}]
    if len(enums) != 1 or len(texts) != 1 or texts[0]["type"] != "string":
        return None
    branch: dict[str, Any] = enums[0]
    values = branch["enum"]
    if not values or not all(isinstance(v, str) for v in values):
        return None
    if branch.get("type", "string") != "string":
        return None
    return branch


def _with_open_refs(node: Any, open_enums: frozenset[str]) -> Any:
    """``{$ref: OpenEnum}`` -> ``{anyOf: [{$ref: OpenEnum}, {type: string}]}`` everywhere."""
    if isinstance(node, list):
        return [_with_open_refs(item, open_enums) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if (
        isinstance(reference, str)
        and reference.startswith(_SCHEMAS)
        and _unescape(reference[len(_SCHEMAS) :]) in open_enums
    ):
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return {"anyOf": [{"$ref": reference}, {"type": "string"}], **siblings}
    return {key: _with_open_refs(value, open_enums) for key, value in node.items()}


def _prepared(document: dict[str, Any]) -> dict[str, Any]:
    """The part of the spec the models come from, ready for datamodel-code-generator.

    Only ``components/schemas`` goes in: every shared schema lives there in a normalized spec,
    and the client generator writes the operations itself. A component that is an open enum
    becomes the enum, and every reference to it the enum or any text.
    """
    schemas = document.get("components", {}).get("schemas", {})
    if not isinstance(schemas, dict):
        raise SpecError("components/schemas is not a mapping")
    prepared: dict[str, Any] = {}
    open_enums: set[str] = set()
    for name, schema in schemas.items():
        branch = _open_enum(schema)
        if branch is not None:
            outer = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
            schema = {"type": "string", **branch, **outer}
            open_enums.add(name)
        prepared[name] = _schema(schema)
    if open_enums:
        prepared = _with_open_refs(prepared, frozenset(open_enums))
    info = document.get("info", {})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": str(info.get("title", "API")).translate(_PLAIN_TEXT),
            "version": str(info.get("version", "1")).translate(_PLAIN_TEXT),
        },
        "paths": {},
        "components": {"schemas": prepared},
    }


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
        "use_type_alias_type": True,  # named unions/arrays/scalars: aliases, not RootModels
        "union_mode": UnionMode.left_to_right,  # JobStatus | str keeps known values as members
        "output_datetime_class": DatetimeClassType.Datetime,
        # documentation
        "use_schema_description": True,
        "field_extra_keys_without_x_prefix": {"x-repr"},  # Field(repr=False): see _property
        # output
        "disable_timestamp": True,
        "formatters": [Formatter.BUILTIN],
        "builtin_format_line_length": _LINE_LENGTH,
        "wrap_string_literal": True,
    }


def generate_models(document: dict[str, Any], *, package: str) -> ModelsResult:
    """The text of ``models.py`` for ``document``, with the names the client needs."""
    from datamodel_code_generator import generate

    prepared = _prepared(document)
    if not prepared["components"]["schemas"]:
        # An API without component schemas (plain text in, HTML out): no models, but the
        # module the client imports still exists.
        return ModelsResult(
            source=f'{_module_title(document, package)}\n\n{_GENERATED}\n"""\n', class_names={}
        )
    with tempfile.TemporaryDirectory(prefix="models-codegen-") as folder:
        metadata_file = Path(folder) / "metadata.json"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its hints are about its options, not our spec
            try:
                text = json.dumps(prepared, default=str)  # YAML dates in defaults: text
                output = generate(text, **_options(metadata_file))
            except Exception as error:  # its errors are about our spec: report them as such
                raise SpecError(f"model generation failed for {package}: {error}") from None
        metadata = json.loads(metadata_file.read_text(encoding="utf-8"))
    if not isinstance(output, str):
        raise SpecError(f"model generation for {package} produced several modules")
    # A NUL can only come from a name (property names are wire names, kept as they are); in a
    # string literal its escape is the same value, and no Python source may hold a raw NUL.
    output = output.replace("\x00", "\\x00")
    source = f'{_module_title(document, package)}\n\n{_GENERATED}\n"""\n\n{_body(output)}'
    source = _tidied(source)
    kinds = dict(_CLASS.findall(source))
    class_names: dict[str, str] = {}
    field_names: dict[str, dict[str, str]] = {}
    for model in metadata.get("models", []):
        reference = model.get("source_ref", "")
        if not reference.startswith(_SCHEMAS) or "/" in reference[len(_SCHEMAS) :]:
            continue  # an inline schema's class
        name = _unescape(reference[len(_SCHEMAS) :])
        class_name = model["class_name"]
        class_names.setdefault(name, class_name)
        if class_name in kinds and not kinds[class_name].endswith(("Enum", "RootModel")):
            field_names[name] = {
                f["original_name"]: f["name"] for f in model.get("fields", []) if f["original_name"]
            }
    missing = [name for name in prepared["components"]["schemas"] if name not in class_names]
    if missing:
        raise SpecError(f"model generation for {package} made no class for: {', '.join(missing)}")
    return ModelsResult(source=source, class_names=class_names, field_names=field_names)


def _module_title(document: dict[str, Any], package: str) -> str:
    """The first line of the models' docstring: ``\"\"\"Models of <title>.``"""
    title = str(document.get("info", {}).get("title", package)).translate(_PLAIN_TEXT)
    title = title.strip().rstrip(".")
    title = title.replace('"', "'").replace("\\", "/")
    return textwrap.fill(f'"""Models of {title}.', width=_LINE_LENGTH, break_long_words=False)


def _union_members(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return [*_union_members(node.left), *_union_members(node.right)]
    return [node]


def _is_union(node: ast.expr) -> bool:
    """Two or more types besides None: ``X | None`` is nullable to pydantic, not a union."""
    members = [
        m for m in _union_members(node) if not (isinstance(m, ast.Constant) and m.value is None)
    ]
    return len(members) >= 2


def _named(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


class _Text:
    """Offsets into a module's text by ``ast`` positions (lines from 1, columns in bytes)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def offset(self, line: int, byte_column: int) -> int:
        text = self.lines[line - 1]
        column = byte_column if text.isascii() else len(text.encode()[:byte_column].decode())
        return self.starts[line - 1] + column


# An edit of a module's text: replace [start, end) with the text.
_Edit = tuple[int, int, str]


def _tidied(source: str) -> str:
    """The module with stray ``union_mode`` removed, docstrings wrapped and pydantic's
    protected names allowed, from one parse (a second per 1.5 MB of models; GitHub's are 3 MB).
    """
    text = _Text(source)
    tree = ast.parse(source)
    edits = sorted(
        [
            *_stray_union_mode_edits(tree, text),
            *_docstring_edits(tree, text),
            *_protected_name_edits(tree, text),
        ]
    )
    pieces, done = [], 0
    for start, end, replacement in edits:  # in order, copying each stretch of text once
        pieces += [source[done:start], replacement]
        done = end
    return "".join([*pieces, source[done:]])


# Field names pydantic warns about on import (its protected namespaces), although
# datamodel-code-generator already renamed the ones that would shadow a method
# (`model_validate` -> `model_validate_`).
_PROTECTED = ("model_validate", "model_dump")


def _protected_name_edits(tree: ast.Module, text: _Text) -> list[_Edit]:
    """``protected_namespaces=()`` in the config of each model with a field named like
    pydantic's own methods (a wire name ``model_dump_json``), so that importing the module
    prints no warning."""
    edits: list[_Edit] = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = [
            s.target.id
            for s in node.body
            if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
        ]
        if not any(f.startswith(_PROTECTED) for f in fields):
            continue
        for statement in node.body:
            config = statement.value if isinstance(statement, ast.Assign) else None
            if isinstance(config, ast.Call) and _named(config.func, "ConfigDict"):
                if config.keywords:
                    last = config.keywords[-1]
                    at = text.offset(last.end_lineno or last.lineno, last.end_col_offset or 0)
                    edits.append((at, at, ", protected_namespaces=()"))
                else:
                    at = text.offset(config.end_lineno or config.lineno, config.end_col_offset or 0)
                    edits.append((at - 1, at - 1, "protected_namespaces=()"))
    return edits


def _stray_union_mode_edits(tree: ast.Module, text: _Text) -> list[_Edit]:
    """``Field(union_mode=...)`` only where the annotation is a union.

    datamodel-code-generator puts our ``union_mode`` on every field that came from an
    anyOf/oneOf, also where the union collapsed to a single type (``Any``, a shape it cannot
    express); pydantic then refuses to import the module.
    """
    if "union_mode=" not in text.source:
        return []
    edits: list[_Edit] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Subscript) and _named(node.value, "Annotated")):
            continue
        if not isinstance(node.slice, ast.Tuple) or _is_union(node.slice.elts[0]):
            continue
        for metadata in node.slice.elts[1:]:
            if not (isinstance(metadata, ast.Call) and _named(metadata.func, "Field")):
                continue
            for argument in metadata.keywords:
                if argument.arg == "union_mode":
                    start = text.offset(argument.lineno, argument.col_offset)
                    end = text.offset(
                        argument.end_lineno or argument.lineno, argument.end_col_offset or 0
                    )
                    edits.append((*_with_comma(text.source, start, end), ""))
    return edits


def _with_comma(source: str, start: int, end: int) -> tuple[int, int]:
    """The span of a keyword argument and the comma that separates it from a neighbour.

    Looks only at the characters around the span: slicing the rest of a 3 MB module once per
    edit would copy it each time.
    """
    after = end
    while after < len(source) and source[after].isspace():
        after += 1
    if after < len(source) and source[after] == ",":
        return start, after + 1
    before = start
    while before > 0 and source[before - 1].isspace():
        before -= 1
    if before > 0 and source[before - 1] == ",":
        return before - 1, end
    return start, end


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _body(output: str) -> str:
    """datamodel-code-generator's module without its comment header."""
    lines = output.splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).rstrip() + "\n"


def _docstring_edits(tree: ast.Module, text: _Text) -> list[_Edit]:
    """Class docstrings rewrapped to the line length (ruff format leaves docstrings alone)."""
    edits: list[_Edit] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef) or not node.body:
            continue
        first = node.body[0]
        if not (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
            and first.end_lineno is not None
        ):
            continue
        block = text.lines[first.lineno - 1 : first.end_lineno]
        if all(len(line) <= _LINE_LENGTH for line in block):
            continue
        wrapped: list[str] = []
        for line in block:
            if len(line) <= _LINE_LENGTH:
                wrapped.append(line)
                continue
            indent = line[: len(line) - len(line.lstrip())]
            wrapped.extend(
                textwrap.wrap(
                    line.strip(),
                    width=_LINE_LENGTH,
                    initial_indent=indent,
                    subsequent_indent=indent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        start = text.starts[first.lineno - 1]
        end = text.starts[first.end_lineno] - 1  # up to the last line's newline
        edits.append((start, end, "\n".join(wrapped)))
    return edits
