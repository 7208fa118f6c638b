"""XML bodies, read through defusedxml so that entity tricks are refused.

Alma speaks XML with the same shape as its JSON: element text and attributes become fields
(``<status desc="Done">COMPLETED</status>`` <-> ``{"value": "COMPLETED", "desc": "Done"}``),
repeated elements become lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, get_args, get_origin
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring


class XmlError(ValueError):
    """Not XML, or XML that tries entity expansion or external entities."""


def _element_value(element: Element) -> Any:
    children = list(element)
    text = (element.text or "").strip()
    if not children and not element.attrib:
        return text
    value: dict[str, Any] = dict(element.attrib)
    for child in children:
        item = _element_value(child)
        if child.tag in value:
            existing = value[child.tag]
            value[child.tag] = [*existing, item] if isinstance(existing, list) else [existing, item]
        else:
            value[child.tag] = item
    if text:
        value["value"] = text
    return value


def parse_xml(data: bytes) -> Any:
    """The JSON-shaped value of an XML document (the root element's content)."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return _element_value(root)
    # LookupError / ValueError: an encoding declaration Python does not know, or expat cannot
    # read (multi-byte ones); RecursionError: elements nested deeper than the interpreter's
    # stack (expat itself does not recurse)
    except (DefusedXmlException, ParseError, LookupError, ValueError, RecursionError) as error:
        raise XmlError(f"refused XML: {type(error).__name__}: {error}") from None


def _fill(element: Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if item is None:
                continue
            for one in item if isinstance(item, list) else [item]:
                _fill(SubElement(element, str(key)), one)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = str(value)


def to_xml(value: Any, root: str) -> bytes:
    """``value`` (JSON-shaped) as an XML document whose root element is ``root``."""
    element = Element(root)
    _fill(element, value)
    document: bytes = tostring(element, encoding="utf-8", xml_declaration=True)
    return document


def _list_fields(model: Any) -> dict[str, Any]:
    """Wire name -> annotation of each field of a pydantic model class."""
    fields = getattr(model, "model_fields", None)
    if not isinstance(fields, dict):
        return {}
    return {(info.alias or name): info.annotation for name, info in fields.items()}


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) in (list, Sequence):
        return True
    return any(
        _is_list(member) for member in get_args(annotation) if get_origin(annotation) is not list
    )


def _inner(annotation: Any) -> Any:
    """The model class inside ``list[Model] | None`` and the like, if any."""
    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    for member in get_args(annotation):
        found = _inner(member)
        if found is not None:
            return found
    return None


def with_lists(value: Any, model: Any) -> Any:
    """XML cannot tell one repeated element from a single one: where ``model`` expects a
    list and the document had one element, make it a list of one."""
    fields = _list_fields(_inner(model))
    if not fields or not isinstance(value, dict):
        return value
    result = dict(value)
    for name, annotation in fields.items():
        if name not in result:
            continue
        if _is_list(annotation) and not isinstance(result[name], list):
            result[name] = [result[name]]
        inner = _inner(annotation)
        if inner is not None:
            items = result[name]
            result[name] = (
                [with_lists(item, inner) for item in items]
                if isinstance(items, list)
                else with_lists(items, inner)
            )
    return result
