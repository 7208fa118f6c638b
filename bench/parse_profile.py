"""Where parsing 10,000 jobs goes with pydantic: ``python -m bench.parse_profile [COUNT]``.

The whole ``APIResponse.parse()`` against its parts (``validate_json`` alone, the garbage
collector's first pass over the new models once its pause ends, freeing them, pydantic's JSON
parser alone), and which field types cost most: the generated models are
copied here (``_models``) with one kind of field at a time made plain (datetime and UUID as str,
the StrEnums as str, ``extra="ignore"``, no max_length/ge constraints). The generated models
themselves are what the client uses and stay as they are.
"""

# No ``from __future__ import annotations``: the models below are made inside a function, with
# annotations that name its variables, so they are evaluated where they are written.

import gc
import json
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

ROUNDS = 7


def _best(run: Callable[[], object], rounds: int = ROUNDS) -> float:
    """Seconds of the fastest round; the result is freed outside the timing."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        kept = run()
        best = min(best, time.perf_counter() - started)
        del kept
    return best


def _models(
    extra: str = "allow",
    moment: Any = datetime,
    identifier: Any = UUID,
    enums: bool = True,
    constraints: bool = True,
) -> Any:
    """A TypeAdapter of JobCollection as generated, with the given kinds of field made plain."""
    from folio_data_export_spring import models as generated
    from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

    export_type: Any = generated.ExportType if enums else str
    status_type: Any = generated.JobStatus if enums else str
    identifier_kind: Any = generated.IdentifierType if enums else str
    entity_kind: Any = generated.EntityType if enums else str
    short = {"max_length": 100} if constraints else {}
    count = {"ge": 0} if constraints else {}
    config = ConfigDict(extra=extra, populate_by_name=True)  # type: ignore[typeddict-item]

    class Metadata(BaseModel):
        model_config = config
        created_date: Annotated[moment | None, Field(alias="createdDate")] = None
        created_by_user_id: Annotated[identifier | None, Field(alias="createdByUserId")] = None
        created_by_username: Annotated[str | None, Field(alias="createdByUsername", **short)] = None
        updated_date: Annotated[moment | None, Field(alias="updatedDate")] = None
        updated_by_user_id: Annotated[identifier | None, Field(alias="updatedByUserId")] = None
        updated_by_username: Annotated[str | None, Field(alias="updatedByUsername", **short)] = None

    class Progress(BaseModel):
        model_config = config
        total: Annotated[int | None, Field(**count)] = 0
        processed: Annotated[int | None, Field(**count)] = 0
        progress: Annotated[int | None, Field(**count)] = 0
        success: Annotated[int | None, Field(**count)] = 0
        errors: Annotated[int | None, Field(**count)] = 0
        warnings: Annotated[int | None, Field(**count)] = 0

    class ExportTypeSpecificParameters(BaseModel):
        model_config = config
        bursar_fee_fines: Annotated[
            generated.BursarExportJob | None, Field(alias="bursarFeeFines")
        ] = None
        vendor_edi_orders_export_config: Annotated[
            generated.VendorEdiOrdersExportConfig | None,
            Field(alias="vendorEdiOrdersExportConfig"),
        ] = None
        query: Annotated[str | None, Field(**short)] = None
        e_holdings_export_config: Annotated[
            generated.EHoldingsExportConfig | None, Field(alias="eHoldingsExportConfig")
        ] = None
        authority_control_export_config: Annotated[
            generated.AuthorityControlExportConfig | None,
            Field(alias="authorityControlExportConfig"),
        ] = None

    class Job(BaseModel):
        model_config = config
        id: identifier | None = None
        name: Annotated[str | None, Field(**short)] = None
        description: str | None = None
        source: Annotated[str | None, Field(**short)] = None
        is_system_source: Annotated[bool | None, Field(alias="isSystemSource")] = None
        tenant: str | None = None
        type: export_type
        export_type_specific_parameters: Annotated[
            ExportTypeSpecificParameters, Field(alias="exportTypeSpecificParameters")
        ]
        status: status_type | None = None
        files: list[str] | None = None
        file_names: Annotated[list[str] | None, Field(alias="fileNames")] = None
        start_time: Annotated[moment | None, Field(alias="startTime")] = None
        end_time: Annotated[moment | None, Field(alias="endTime")] = None
        metadata: Metadata | None = None
        output_format: Annotated[str | None, Field(alias="outputFormat")] = None
        error_details: Annotated[str | None, Field(alias="errorDetails")] = None
        identifier_type: Annotated[identifier_kind | None, Field(alias="identifierType")] = None
        entity_type: Annotated[entity_kind | None, Field(alias="entityType")] = None
        progress: Progress | None = None

    class JobCollection(BaseModel):
        model_config = config
        job_records: Annotated[list[Job], Field(alias="jobRecords")]
        total_records: Annotated[int, Field(alias="totalRecords")]

    return TypeAdapter(JobCollection)


_VARIANTS: list[tuple[str, dict[str, Any]]] = [
    ("as generated (copied here)", {}),
    ('extra="ignore" instead of "allow"', {"extra": "ignore"}),
    ("datetime as str", {"moment": str}),
    ("UUID as str", {"identifier": str}),
    ("StrEnums as str", {"enums": False}),
    ("no max_length / ge constraints", {"constraints": False}),
    (
        "all of these at once",
        {"extra": "ignore", "moment": str, "identifier": str, "enums": False, "constraints": False},
    ),
]


def parse_parts(count: int) -> dict[str, float]:
    """Seconds of the whole parse and of its parts, each the best of ``ROUNDS``."""
    import pydantic_core
    from folio_data_export_spring import models
    from folio_data_export_spring._runtime._response import APIResponse, adapter
    from folio_data_export_spring.resources import _GET_JOBS

    from bench.runtime import _answer

    answer = _answer(count)
    body = answer.content
    jobs = adapter(models.JobCollection)

    def validate() -> object:
        gc.disable()
        try:
            return jobs.validate_json(body)
        finally:
            gc.enable()  # the models are freed before anything is allocated: nothing collected

    def after(step: Callable[[object], None]) -> float:
        """The best time of ``step`` on a freshly validated result."""
        best = float("inf")
        for _ in range(ROUNDS):
            kept = validate()
            started = time.perf_counter()
            step(kept)
            best = min(best, time.perf_counter() - started)
            del kept
        return best

    def free() -> float:
        kept = validate()
        started = time.perf_counter()
        del kept
        return time.perf_counter() - started

    return {
        "parse": _best(lambda: APIResponse(answer, _GET_JOBS).parse()),
        "validate_json": _best(validate),
        # the collector's first pass over the new models, which whoever holds them pays as soon
        # as it runs again (parse() ends the pause, and its next allocation starts that pass)
        "collect": after(lambda kept: gc.collect(0)),
        "free": min(free() for _ in range(ROUNDS)),
        "from_json": _best(lambda: pydantic_core.from_json(body)),
        "json.loads": _best(lambda: json.loads(body)),
    }


def field_costs(count: int) -> list[tuple[str, float]]:
    """``validate_json`` of the body with each variant of the models, the collector paused."""
    from bench.runtime import collection

    body = json.dumps(collection(count)).encode()
    rows = []
    for name, variant in _VARIANTS:
        adapter = _models(**variant)
        gc.disable()
        try:
            rows.append((name, _best(lambda adapter=adapter: adapter.validate_json(body))))
        finally:
            gc.enable()
    return rows


def main(count: int) -> None:
    parts = parse_parts(count)
    print(f"parsing {count:,} jobs (best of {ROUNDS}, seconds)")
    print(f"  APIResponse.parse(), as the client does it      {parts['parse']:.4f}")
    print(f"  validate_json alone (collector off)             {parts['validate_json']:.4f}")
    print(f"  the collector's first pass over the models      {parts['collect']:.4f}")
    print(f"  freeing the models                              {parts['free']:.4f}")
    print(f"  pydantic_core.from_json alone (no models)       {parts['from_json']:.4f}")
    print(f"  json.loads alone                                {parts['json.loads']:.4f}")
    print("validate_json with one kind of field made plain")
    for name, seconds in field_costs(count):
        print(f"  {name:46s}  {seconds:.4f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
