"""Pydantic v2 models of a spec, by datamodel-code-generator, called in-process.

It is called as a library, once per spec, in the generator's process (importing it costs about
a second; a subprocess per system would pay that each time), with its own formatting off: the
generation step runs ruff once over all generated packages. Colliding inline names are
prefixed with their parent (``BursarExportFilterAgeCondition``), not numbered
(``Condition1``), because users read and import these names.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

from generator.errors import SpecError

_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)
_HEADER = '"""Models of {title}, generated from its OpenAPI spec; do not edit by hand."""\n'


@dataclass(frozen=True)
class ModelsResult:
    source: str  # models.py
    class_names: dict[str, str]  # component schema name -> class name in models.py


# Formats kept as plain strings in the models: JSON Schema treats them as annotations, and
# strict URL parsing rejects links real servers send (relative ones, odd hosts).
_LOOSE_FORMATS = frozenset({"uri", "uri-reference", "iri", "iri-reference", "hostname"})


def _loosened(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: _loosened(value)
            for key, value in node.items()
            if key != "x-job" and not (key == "format" and value in _LOOSE_FORMATS)
        }
    if isinstance(node, list):
        return [_loosened(item) for item in node]
    return node


def _prepared(document: dict[str, Any]) -> dict[str, Any]:
    """The parts of the spec the models come from, without our client-only extensions."""
    cleaned = _loosened(document.get("components", {}).get("schemas", {}))
    return {
        "openapi": document.get("openapi", "3.1.0"),
        "info": document.get("info", {"title": "API", "version": "1"}),
        "paths": {},
        "components": {"schemas": cleaned},
    }


def generate_models(document: dict[str, Any], *, package: str) -> ModelsResult:
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType, NamingStrategy
    from datamodel_code_generator.format import PythonVersion

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its hints about naming go to users as code review
        try:
            output = generate(
                _prepared(document),
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                snake_case_field=True,
                use_annotated=True,
                field_constraints=True,
                use_schema_description=True,
                use_field_description=True,
                use_standard_collections=True,
                use_union_operator=True,
                use_subclass_enum=True,
                capitalise_enum_members=True,
                allow_population_by_field_name=True,
                allow_extra_fields=True,
                naming_strategy=NamingStrategy.ParentPrefixed,
                formatters=[],
            )
        except Exception as error:  # its errors are about our spec: report them as such
            raise SpecError(f"model generation failed for {package}: {error}") from None
    if not isinstance(output, str):
        raise SpecError(f"model generation for {package} produced several modules")
    title = str(document.get("info", {}).get("title", package))
    body = output.split("from __future__", 1)
    source = _HEADER.format(title=title.replace('"', "'")) + "\nfrom __future__" + body[1]
    defined = set(_CLASS.findall(source))
    class_names = {}
    for name in document.get("components", {}).get("schemas", {}):
        candidates = [name, re.sub(r"[^0-9A-Za-z_]", "", name), name[:1].upper() + name[1:]]
        class_names[name] = next((c for c in candidates if c in defined), candidates[-1])
    return ModelsResult(source=source, class_names=class_names)
