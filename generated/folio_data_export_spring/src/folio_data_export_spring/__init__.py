"""FOLIO Data Export Spring: a typed client.

Export jobs of FOLIO's mod-data-export-spring: create or update a job, follow its status
and progress, list jobs with CQL, resend or download the exported files.
Every call goes through Okapi (or Kong) with the tenant and token headers.

Generated from specs/folio-data-export-spring/openapi.yaml; do not edit by hand.
"""

from . import errors, models
from ._client import AsyncClient, Client, server_url
from ._runtime import _custom
from ._runtime._custom import extend
from ._runtime._hooks import Hooks
from ._runtime._jobs import JobProgress
from ._runtime._notgiven import NOT_GIVEN, NotGiven
from ._runtime._response import APIResponse
from ._version import __version__

__all__ = [
    "NOT_GIVEN",
    "APIResponse",
    "AsyncClient",
    "Client",
    "Hooks",
    "JobProgress",
    "NotGiven",
    "__version__",
    "errors",
    "extend",
    "models",
    "server_url",
]

# Last, so that it can import all of the above: your own code, in custom/, which regenerating
# never touches (the README's "Custom code").
_custom.load(__name__)
