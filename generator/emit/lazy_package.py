"""The ``__init__.py`` of a package whose names are imported on first use (PEP 562).

A large package's ``models`` and ``resources`` are packages of small modules; their
``__init__`` lists every name and where it lives, and imports a module only when one of its
names is first asked for. Type checkers and editors read the names from ``if TYPE_CHECKING:``
imports; the module's ``__getattr__`` is hidden from them, so that a misspelt name stays an
error instead of ``Any``.
"""

from __future__ import annotations

from generator.client import code


def lazy_init(docstring: str, homes: dict[str, str]) -> str:
    """The text of an ``__init__.py`` whose names (``homes``: name -> module, ``_job``) are each
    imported the first time they are used."""
    names = sorted(homes)
    checked = "\n".join(f"    from .{homes[n]} import {n} as {n}" for n in names) or "    pass"
    table = "\n".join(f"    {code.literal(n)}: {code.literal(homes[n])}," for n in names)
    listed = "\n".join(f"    {code.literal(n)}," for n in names)
    return f'''"""{code.docstring(docstring)}
"""

from __future__ import annotations

# (the package's own names are the API's: its helpers' start with "_", which no class's does)
import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
{checked}

_MODULES: dict[str, str] = {{
{table}
}}

__all__: list[str] = [
{listed}
]

if not _typing.TYPE_CHECKING:  # type checkers read the imports above; this makes them Any

    def __getattr__(name: str) -> _typing.Any:
        try:
            module = _MODULES[name]
        except KeyError:
            raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}") from None
        value = getattr(_importlib.import_module(f".{{module}}", __name__), name)
        globals()[name] = value  # the next access is a plain attribute
        return value

    def __dir__() -> list[str]:
        return __all__
'''
