"""The package's own code: ``<package>/custom/``, which the generator never writes.

The package imports ``<package>.custom`` last, when it exists (an error inside it is raised,
not hidden: only its absence is quiet). Its hook points:

- ``extend(ResourceClass)``: a decorator adding the function it decorates as a method of a
  generated resource class (``client.jobs.my_method()``). A name the class has already is
  refused, so that a regeneration that adds an operation of that name fails loudly at import
  instead of the extension hiding the generated call, or the call the extension.
- ``setup(client)``: a function of the custom module, called with every ``Client`` and
  ``AsyncClient`` once it is made; there it may append to ``client.hooks`` (see ``_hooks``).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from typing import Any, TypeVar

CUSTOM = "custom"

_F = TypeVar("_F", bound=Callable[..., Any])


def extend(resource: type[Any], *, name: str | None = None) -> Callable[[_F], _F]:
    """Add the decorated function to ``resource`` as a method named ``name`` (by default, the
    function's own name: give one to name a sync method and its async twin alike)."""

    def add(function: _F) -> _F:
        method = name or function.__name__
        if hasattr(resource, method):
            raise TypeError(
                f"{resource.__name__} already has {method!r}: give the extension another name"
            )
        setattr(resource, method, function)
        return function

    return add


def load(package: str) -> None:
    """Import ``<package>.custom`` if there is one."""
    name = f"{package}.{CUSTOM}"
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)


def setup(package: str, client: object) -> None:
    """Call the custom module's ``setup(client)``, if it is loaded and has one."""
    custom = sys.modules.get(f"{package}.{CUSTOM}")
    hook = getattr(custom, "setup", None)
    if callable(hook):
        hook(client)
