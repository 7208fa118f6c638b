"""Ex Libris Alma Jobs: a typed client.

The jobs part of the Ex Libris Alma REST API (area "conf"): list the institution's jobs,
start a run of a manual job and follow the run (a job instance) until it ends. JSON or XML,
chosen by Accept and Content-Type. The API key goes in the Authorization header
(`apikey <key>`); production and sandbox differ only by the key.

Generated from specs/alma-jobs/openapi.yaml; do not edit by hand.
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
