from __future__ import annotations

import inspect

import pytest
from runtime import _xml, _xml_optional
from runtime._xml import XmlError, parse_xml, to_xml


def test_alma_style_xml_maps_to_the_json_shape() -> None:
    data = parse_xml(
        b"<job_instance><id>1</id><status desc='Completed'>COMPLETED_SUCCESS</status>"
        b"<counter><value>3</value></counter><counter><value>4</value></counter></job_instance>"
    )
    assert data == {
        "id": "1",
        "status": {"desc": "Completed", "value": "COMPLETED_SUCCESS"},
        "counter": [{"value": "3"}, {"value": "4"}],
    }


def test_writing_a_job_document() -> None:
    assert to_xml({}, "job") == b"<?xml version='1.0' encoding='utf-8'?>\n<job />"
    assert b"<parameter><name>x</name></parameter>" in to_xml({"parameter": [{"name": "x"}]}, "job")


@pytest.mark.parametrize(
    "document",
    [
        b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        b"<not closed",
    ],
)
def test_entity_tricks_and_broken_xml_are_refused(document: bytes) -> None:
    with pytest.raises(XmlError):
        parse_xml(document)


def test_the_runtime_s_view_of_the_xml_module_is_the_module() -> None:
    # _xml is looked up by name (a JSON-only package has none); the protocol the runtime calls
    # it through must name its functions and their parameters as they are
    for name in ("parse_xml", "to_xml", "with_lists"):
        declared = inspect.signature(getattr(_xml_optional.XmlModule, name))
        assert list(declared.parameters)[1:] == list(
            inspect.signature(getattr(_xml, name)).parameters
        )
    assert _xml_optional.SHIPPED and _xml_optional.xml() is _xml
