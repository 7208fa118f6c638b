"""The XML reader and writer, where the package has them.

Only a package whose spec speaks XML ships ``_xml`` (and depends on defusedxml). It is looked
up and imported by name at run time, so that the rest of the runtime imports, and type-checks
under ``mypy --strict``, in a package without it.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

_XML = f"{__package__}._xml"

SHIPPED = importlib.util.find_spec(_XML) is not None
"""Whether this package reads and writes XML; without it an XML answer is an unexpected type."""


def xml() -> ModuleType:
    """The ``_xml`` module (``parse_xml``, ``with_lists``, ``to_xml``); only when ``SHIPPED``."""
    return importlib.import_module(_XML)
