"""Liquid Decisions Batch Import and Export: a typed client.

Batch import and export of items on a Liquid Decisions server, with the OAuth2 token calls they
need. Every batch call is a POST of form or multipart fields under /ls/api and answers with the
job's current status; a client then asks for the status again until the job is Completed, Rejected,
Canceled or Failed. The servers and the bearer-token security come from manifest.yaml. Written by
hand from the "Batch Import and Export" page of the LiquidAnalytics ld-api-examples wiki and that
repository's Python examples.

Generated from specs/liquid-decisions-batch/openapi.yaml; do not edit by hand.
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
