"""The XML reader and writer, where the package has them.

Only a package whose spec speaks XML ships ``_xml`` (and depends on defusedxml). It is looked
up and imported by name at run time, so that the rest of the runtime imports, and type-checks
under ``mypy --strict``, in a package without it.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any, Protocol, cast

_XML = f"{__package__}._xml"

SHIPPED = importlib.util.find_spec(_XML) is not None
"""Whether this package reads and writes XML; without it an XML answer is an unexpected type."""


class XmlModule(Protocol):
    """What the runtime calls of ``_xml``: its calls keep their types through the lookup."""

    def parse_xml(self, data: bytes) -> Any: ...

    def to_xml(self, value: Any, root: str) -> bytes: ...

    def with_lists(self, value: Any, model: Any) -> Any: ...


def xml() -> XmlModule:
    """The ``_xml`` module; only when ``SHIPPED``."""
    return cast(XmlModule, importlib.import_module(_XML))
