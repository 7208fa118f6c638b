"""The schemas of a spec made ready for datamodel-code-generator (``prepare``).

Only ``components/schemas`` goes in, each schema copied with extensions and noise dropped,
loose formats kept as text, enum members named, open enums made an enum or any text and
credential fields marked to stay out of repr. ``models_codegen`` runs the generator on the
result.
"""

from __future__ import annotations

import functools
import keyword
from typing import Any

from generator.shared import inheritance
from generator.shared import pointer as json_pointer
from generator.shared.errors import SpecError
from generator.shared.graphs import strongly_connected
from generator.shared.naming import numbered, value_words
from generator.shared.schema_walk import map_subschemas

SCHEMAS = "#/components/schemas/"

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
# Annotations that only add noise (or long lines) to model code: XML naming is the runtime's
# business, and examples belong in the spec and the README.
_DROPPED = frozenset({"xml", "example", "examples", "externalDocs", "$comment"})
# Typographic punctuation in descriptions, which ruff reports as ambiguous in docstrings.
PLAIN_TEXT = str.maketrans(
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
        # What str.splitlines() breaks a line at besides \n and \r: the tools that mend and
        # check the models split there, and would leave a line of mere indentation.
        **dict.fromkeys(["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"], "\n"),
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
            result[key] = value.translate(PLAIN_TEXT)
        elif key == "properties" and isinstance(value, dict):
            result[key] = {name: _property(name, member) for name, member in value.items()}
        elif key in ("anyOf", "oneOf") and isinstance(value, list):
            # a `false` member allows nothing, so the union is its other members (none: any
            # value, as a `false` schema is to the client); datamodel-code-generator refuses it
            members = [_schema(member) for member in value if member is not False]
            if members:
                result[key] = members
        else:  # subschemas where the schema walker finds them, other values as they are
            result[key] = map_subschemas(key, value, _schema)
    result = _annotated_ref(_constraints_by_type(result))
    if _holds_object(result.get("default")) and _holds_model(result):
        # datamodel-code-generator writes an object default as a dict literal where the field's
        # type is a model (`runtimes: dict[str, Runtime] = {"runc": {...}}`), which mypy
        # refuses; without the default, a field the server leaves out is None.
        del result["default"]
    values = result.get("enum")
    if isinstance(values, list) and values and not all(_is_of_type(v, result) for v in values):
        # `type: string, enum: [1, 2]`: the values are what a server sends; the declared type
        # would make a `(str, Enum)` of integers. Without it, the values' own types decide.
        result = {k: v for k, v in result.items() if k != "type"}
    if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
        # lower case: datamodel-code-generator snake-cases names (which would split 31B) and
        # then capitalises them
        result["x-enum-varnames"] = [name.lower() for name in enum_member_names(values)]
    return result


def _holds_object(value: Any) -> bool:
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(_holds_object(member) for member in value)


def _holds_model(schema: Any) -> bool:
    """Whether a value of ``schema`` is, or holds, a model: a reference, declared properties
    or a union, also as the items or the values of a map."""
    if not isinstance(schema, dict):
        return False
    if any(key in schema for key in ("$ref", "properties", "allOf", "anyOf", "oneOf")):
        return True
    return _holds_model(schema.get("items")) or _holds_model(schema.get("additionalProperties"))


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "object": (dict,),
    "array": (list,),
}


def _is_of_type(value: Any, schema: dict[str, Any]) -> bool:
    """Whether ``value`` is of the schema's ``type`` (any, when it declares none)."""
    declared = schema.get("type")
    kinds: list[Any] = declared if isinstance(declared, list) else [declared]
    if declared is None or not all(isinstance(k, str) and k in _JSON_TYPES for k in kinds):
        return True
    if isinstance(value, bool):  # a bool is an int to Python, never to JSON Schema
        return "boolean" in kinds
    return any(isinstance(value, _JSON_TYPES[kind]) for kind in kinds)


# The keywords that constrain values of one JSON type only (to the others they say nothing).
_CONSTRAINED_TYPES = {
    **dict.fromkeys(
        ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"),
        frozenset({"integer", "number"}),
    ),
    **dict.fromkeys(("minLength", "maxLength", "pattern"), frozenset({"string"})),
    **dict.fromkeys(("minItems", "maxItems", "uniqueItems"), frozenset({"array"})),
    **dict.fromkeys(("minProperties", "maxProperties"), frozenset({"object"})),
}


def _constraints_by_type(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema's constraints kept only for the types they are about.

    One that fits none of the declared types says nothing and is dropped; a ``type`` list
    whose constraints fit only some of its types (``[integer, string]`` with ``minimum``) is an
    ``anyOf`` of one schema per type with the constraints of that type: given the list,
    datamodel-code-generator wrote ``conint(ge=1) | constr(...)``, calls mypy refuses as types.
    """
    declared = schema.get("type")
    kinds = declared if isinstance(declared, list) else [declared]
    constraints = [k for k in schema if k in _CONSTRAINED_TYPES]
    if not constraints or not all(isinstance(k, str) for k in kinds):
        return schema
    result = {
        k: v
        for k, v in schema.items()
        if k not in constraints or _CONSTRAINED_TYPES[k] & set(kinds)
    }
    kept = [k for k in constraints if k in result]
    values = [k for k in kinds if k != "null"]
    if not isinstance(declared, list) or all(set(values) <= _CONSTRAINED_TYPES[k] for k in kept):
        return result
    rest = {k: v for k, v in result.items() if k != "type" and k not in kept}
    members = [
        {"type": kind, **{k: result[k] for k in kept if kind in _CONSTRAINED_TYPES[k]}}
        for kind in kinds
    ]
    return {"anyOf": members, **rest}


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
    words = [word.lower() for word in value_words(name)]
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


def _component(reference: Any, schemas: dict[str, Any]) -> str | None:
    if isinstance(reference, str) and reference.startswith(SCHEMAS):
        name = json_pointer.unescape(reference[len(SCHEMAS) :])
        return name if name in schemas else None
    return None


def _properties(schema: Any, schemas: dict[str, Any], seen: frozenset[str]) -> dict[str, Any]:
    """Every property ``schema`` declares, its own and through ``allOf`` (an earlier wins)."""
    if not isinstance(schema, dict):
        return {}
    name = _component(schema.get("$ref"), schemas)
    if name is not None:
        return {} if name in seen else _properties(schemas[name], schemas, seen | {name})
    found: dict[str, Any] = {}
    for member in schema.get("allOf", []) if isinstance(schema.get("allOf"), list) else []:
        for key, value in _properties(member, schemas, seen).items():
            found.setdefault(key, value)
    if isinstance(schema.get("properties"), dict):
        found.update(schema["properties"])  # its own declaration is the one that holds
    return found


def _required(schema: Any, schemas: dict[str, Any], seen: frozenset[str]) -> list[str]:
    if not isinstance(schema, dict):
        return []
    name = _component(schema.get("$ref"), schemas)
    if name is not None:
        return [] if name in seen else _required(schemas[name], schemas, seen | {name})
    members = schema["allOf"] if isinstance(schema.get("allOf"), list) else []
    found = [r for m in members for r in _required(m, schemas, seen)]
    own = schema.get("required")
    return [*found, *(r for r in own if isinstance(r, str))] if isinstance(own, list) else found


def _same_shape(one: Any, other: Any) -> bool:
    """Whether two property schemas are one type (their descriptions aside)."""
    if not (isinstance(one, dict) and isinstance(other, dict)):
        return bool(one == other)
    notes = ("description", "title", "default", "deprecated", "readOnly", "writeOnly")
    return {k: v for k, v in one.items() if k not in notes} == {
        k: v for k, v in other.items() if k not in notes
    }


def _with_usable_bases(schema: Any, schemas: dict[str, Any]) -> Any:
    """``schema`` and every schema inside it with the bases it cannot extend copied in (an
    inline ``allOf`` becomes a class of its own, extending its bases as a component does)."""
    if not isinstance(schema, dict):
        return schema
    mended = _without_conflicting_bases(schema, schemas)
    return {
        key: map_subschemas(key, value, lambda inner: _with_usable_bases(inner, schemas))
        for key, value in mended.items()
    }


def _with_usable_discriminators(
    schema: Any, schemas: dict[str, Any], values: list[str] | None = None
) -> Any:
    """``schema`` and every schema inside it without a union discriminator that cannot tell
    its members apart: one whose members are not all models declaring the property.

    datamodel-code-generator writes such a one as a tagged union of no choices, which pydantic
    refuses when the module is imported; without it, the union is tried member by member.
    ``values``: for a component, the discriminator value of each schema extending it.
    """
    if not isinstance(schema, dict):
        return schema
    result = {
        key: map_subschemas(key, value, lambda inner: _with_usable_discriminators(inner, schemas))
        for key, value in schema.items()
    }
    discriminator = result.get("discriminator")
    unions = [result[k] for k in ("anyOf", "oneOf") if isinstance(result.get(k), list)]
    if discriminator is None:
        return result
    if not unions and "anyOf" not in schema and "oneOf" not in schema:
        # On a base whose children extend it (allOf), datamodel gives each child the literal of
        # its value (the mapping's, else its name): where the base types the property as an
        # enum (or a const, or a named type), a literal of one of its members, which mypy takes
        # as an override. A value the enum does not hold cannot be one: such a discriminator is
        # left out, and the property keeps the base's type in every child.
        name = discriminator.get("propertyName") if isinstance(discriminator, dict) else None
        declared = _properties(result, schemas, frozenset()).get(str(name))
        if isinstance(declared, dict) and {"enum", "const", "$ref"} & set(declared):
            allowed = _enum_values(declared, schemas, frozenset())
            if not values or allowed is None or not set(values) <= allowed:
                del result["discriminator"]
        return result

    def tells_apart(member: Any) -> bool:
        name = _component(member.get("$ref"), schemas) if isinstance(member, dict) else None
        if name is None or not _is_model(schemas[name]) or not isinstance(discriminator, dict):
            return False
        return discriminator.get("propertyName") in _properties(schemas[name], schemas, frozenset())

    if len(unions) != 1 or not unions[0] or not all(map(tells_apart, unions[0])):
        del result["discriminator"]
    return result


def _enum_values(schema: Any, schemas: dict[str, Any], seen: frozenset[str]) -> set[str] | None:
    """The strings an enum (or a const, or a reference to one) allows; None if not one."""
    if not isinstance(schema, dict):
        return None
    name = _component(schema.get("$ref"), schemas)
    if name is not None:
        return None if name in seen else _enum_values(schemas[name], schemas, seen | {name})
    if "const" in schema:
        return {schema["const"]} if isinstance(schema["const"], str) else None
    members = schema.get("enum")
    if isinstance(members, list) and all(isinstance(member, str) for member in members):
        return set(members)
    return None


def _inheritance_values(base: str, schemas: dict[str, Any]) -> list[str]:
    """The discriminator value of every component extending ``base`` through ``allOf``
    (children of children too): the base's mapping's, else the component's name."""
    discriminator = schemas[base].get("discriminator") if isinstance(schemas[base], dict) else None
    mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
    named = {
        _component(target, schemas): str(value)
        for value, target in (mapping.items() if isinstance(mapping, dict) else [])
    }
    found = inheritance.descendants(schemas, base)
    return [named.get(name, name) for name in found]


def _is_model(schema: Any) -> bool:
    """Whether datamodel-code-generator makes a class of ``schema`` (a child may extend)."""
    if not isinstance(schema, dict) or {"enum", "const", "anyOf", "oneOf", "$ref"} & set(schema):
        return False
    return bool(schema.get("type", "object") == "object")


def _without_conflicting_bases(schema: Any, schemas: dict[str, Any]) -> Any:
    """``allOf: [{$ref: Base}, {properties: {a: <another type>}}]`` with ``Base`` copied in.

    datamodel-code-generator makes ``class Child(Base)``, whose ``a`` of another type mypy
    refuses (and a ``Child`` is then no ``Base`` to a caller). A base whose field the child
    redeclares as another type is inlined instead: its other fields, the child's own ``a``; so
    is a base that is no class.
    """
    members = schema.get("allOf") if isinstance(schema, dict) else None
    if not isinstance(members, list):
        return schema
    bases = [m for m in members if isinstance(m, dict) and _component(m.get("$ref"), schemas)]
    if not bases:
        return schema
    own = _properties(
        {**schema, "allOf": [m for m in members if m not in bases]}, schemas, frozenset()
    )
    result = []
    for member in members:
        if member not in bases:
            result.append(member)
            continue
        base = schemas[_component(member["$ref"], schemas) or ""]
        if not _is_model(base):
            # an enum, scalar, list or union is no class to inherit from (`class E(Item)` of
            # an Enum failed the import): its schema, a union's members without the fields the
            # child redeclares as another type (their classes would be the child's bases)
            result.append(_without_redeclared(base, own, schemas))
            continue
        inherited = _properties(member, schemas, frozenset())
        redeclared = {n for n in own if n in inherited and not _same_shape(own[n], inherited[n])}
        if not redeclared:
            result.append(member)
            continue
        copied: dict[str, Any] = {
            "type": "object",
            "properties": {n: s for n, s in inherited.items() if n not in redeclared},
        }
        required = _required(member, schemas, frozenset())
        if required:
            copied["required"] = list(dict.fromkeys(required))
        result.append(copied)
    return {**schema, "allOf": result}


def _without_redeclared(base: Any, own: dict[str, Any], schemas: dict[str, Any]) -> Any:
    """A union ``base`` whose object members leave out the fields ``own`` declares otherwise."""
    keys = [
        k for k in ("anyOf", "oneOf") if isinstance(base, dict) and isinstance(base.get(k), list)
    ]
    if not keys:
        return base
    members = []
    for member in base[keys[0]]:
        inherited = _properties(member, schemas, frozenset())
        redeclared = {n for n in own if n in inherited and not _same_shape(own[n], inherited[n])}
        if redeclared:
            required = [n for n in _required(member, schemas, frozenset()) if n not in redeclared]
            member = {
                "type": "object",
                "properties": {n: s for n, s in inherited.items() if n not in redeclared},
                **({"required": required} if required else {}),
            }
        members.append(member)
    return {**base, keys[0]: members}


def _union_members(schema: Any) -> tuple[str, list[Any]] | None:
    """The keyword and members of a component that is only a union, the members of a member
    that is only a union among them (a union of unions is one union); an alias (``$ref`` and
    notes) is a union of one."""
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("$ref"), str) and not set(schema) - {"$ref", "description", "title"}:
        return "$ref", [{"$ref": schema["$ref"]}]
    keys = [k for k in ("anyOf", "oneOf") if isinstance(schema.get(k), list)]
    if len(keys) != 1 or set(schema) - {keys[0], "description", "title", "discriminator"}:
        return None
    members: list[Any] = []
    for member in schema[keys[0]]:
        inner = _union_members(member)
        members.extend(inner[1] if inner is not None else [member])
    return keys[0], members


def _without_union_cycles(schemas: dict[str, Any]) -> dict[str, Any]:
    """Unions that are members of themselves (``A: oneOf [B, string]``, ``B: oneOf [A,
    integer]``) as the union of every other member of the cycle (``string | integer``, both).

    Such an alias holds itself with no model or list between, which mypy refuses ("invalid
    recursive alias"); a value of ``A`` is one of the cycle's other members, so that union is
    what ``A`` (and ``B``) allows.
    """
    unions = {n: m for n, s in schemas.items() if (m := _union_members(s)) is not None}

    def target(member: Any) -> str | None:
        if isinstance(member, dict) and set(member) - {"description", "title"} == {"$ref"}:
            name = _component(member["$ref"], schemas)
            return name if name in unions else None
        return None

    edges = {n: {t for m in members if (t := target(m))} for n, (_, members) in unions.items()}
    result = dict(schemas)
    for cycle in _cycles(edges):
        others = [m for n in sorted(cycle) for m in unions[n][1] if target(m) not in cycle]
        for name in cycle:
            keyword, members = unions[name]
            own = [m for m in members if target(m) not in cycle]
            union: list[Any] = []
            for member in [*own, *others]:  # its own members first, as the spec listed them
                if member not in union:
                    union.append(member)
            # (a discriminator told the cycle's members apart, which are gone)
            rest = {k: v for k, v in schemas[name].items() if k not in (keyword, "discriminator")}
            keyword = "anyOf" if keyword == "$ref" else keyword
            result[name] = {**rest, keyword: union} if union else rest
    return result


def _cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of ``edges`` that hold a cycle."""
    return [
        set(component)
        for component in strongly_connected({node: sorted(edges[node]) for node in edges})
        if len(component) > 1 or component[0] in edges.get(component[0], ())
    ]


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


def enum_member_names(values: list[str]) -> list[str]:
    """Readable, distinct member names: ``FeeFineOwner`` -> ``FEE_FINE_OWNER``,
    ``'31B/US-SAN'`` -> ``VALUE_31B_US_SAN``, ``'File download'`` -> ``FILE_DOWNLOAD``."""
    names: list[str] = []
    taken: set[str] = set()
    for value in values:
        name = "_".join(value_words(value)).upper() or "EMPTY"
        if name[0].isdigit():
            name = "VALUE_" + name
        if keyword.iskeyword(name):  # never for upper case, but cheap to be sure
            name += "_"
        candidate = numbered(name, taken)
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
        and reference.startswith(SCHEMAS)
        and json_pointer.unescape(reference[len(SCHEMAS) :]) in open_enums
    ):
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return {"anyOf": [{"$ref": reference}, {"type": "string"}], **siblings}
    return {key: _with_open_refs(value, open_enums) for key, value in node.items()}


def prepare(document: dict[str, Any]) -> dict[str, Any]:
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
    for name, schema in prepared.items():
        based = isinstance(schema, dict) and "discriminator" in schema
        values = _inheritance_values(name, prepared) if based else None
        prepared[name] = _with_usable_discriminators(
            _with_usable_bases(schema, prepared), prepared, values
        )
    prepared = _without_union_cycles(prepared)
    info = document.get("info", {})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": str(info.get("title", "API")).translate(PLAIN_TEXT),
            "version": str(info.get("version", "1")).translate(PLAIN_TEXT),
        },
        "paths": {},
        "components": {"schemas": prepared},
    }
