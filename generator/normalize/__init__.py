"""The normalize half: one loaded description bundled, upgraded to OpenAPI 3.1 and validated.

``normalize`` runs the steps in order: ``bundle``, ``document_upgrade`` (``schema_upgrade`` per
schema), ``discriminators``, ``operations``, ``overlay`` (the manifest), ``examples`` and
``validate``; ``canonical`` prints the result. ``openapi_walk`` knows where objects sit, and
``shared.schema_walk`` where subschemas do.
"""
