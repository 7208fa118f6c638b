"""models.py of every system: lint-clean, strictly typed, and parsing what the servers send.

The models are generated once per test session into a temporary folder (one package per
system, as the pipeline lays them out), fixed and formatted by ruff the way the pipeline does,
and imported from there.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import pytest
from pydantic import BaseModel, ValidationError

from generator.emit import formatting
from generator.emit.formatting import ruff_command
from generator.emit.generate import system_package_source
from generator.emit.models_codegen import ModelsResult, generate_models
from generator.emit.models_prepare import enum_member_names
from generator.project.manifest import load_manifest
from tests.conftest import PROJECT, SPECS

SYSTEMS = sorted(p.parent.name for p in SPECS.glob("*/openapi.yaml"))
CONFIG = ["--config", str(PROJECT / "pyproject.toml")]


def _document(system: str) -> dict[str, Any]:
    return system_package_source(load_manifest(SPECS / system / "manifest.yaml")).document


def _package(system: str) -> str:
    return "m_" + system.replace("-", "_")


@dataclass(frozen=True)
class Generated:
    folder: Path
    results: dict[str, ModelsResult]
    modules: dict[str, ModuleType]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    folder = tmp_path_factory.mktemp("models")
    results = {}
    for system in SYSTEMS:
        package = _package(system)
        results[system] = generate_models(_document(system), package=package)
        (folder / package).mkdir()
        (folder / package / "__init__.py").write_text("", encoding="utf-8")
        (folder / package / "py.typed").write_text("", encoding="utf-8")
        (folder / package / "models.py").write_text(results[system].source, encoding="utf-8")
    ruff = ruff_command()
    for command in (
        [*ruff, "check", "--fix-only", "--exit-zero", "--quiet", "--no-cache", *CONFIG],
        [*ruff, "format", "--quiet", "--no-cache", *CONFIG],
    ):
        subprocess.run([*command, str(folder)], check=True, capture_output=True, text=True)
    sys.path.insert(0, str(folder))
    try:
        modules = {s: importlib.import_module(f"{_package(s)}.models") for s in SYSTEMS}
        yield Generated(folder, results, modules)
    finally:
        sys.path.remove(str(folder))
        for system in SYSTEMS:
            for name in (_package(system), f"{_package(system)}.models"):
                sys.modules.pop(name, None)


# -- the code ------------------------------------------------------------------------------


def test_generated_models_pass_ruff_with_the_project_rules(generated: Generated) -> None:
    result = subprocess.run(
        [*ruff_command(), "check", "--no-cache", *CONFIG, str(generated.folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


_USER_CODE = '''\
"""What a user writes: snake_case keywords, plain text for open enums, union members."""

from m_alma_jobs import models as alma
from m_folio_data_export_spring import models as folio
from m_folio_orders_storage import models as orders

job = folio.Job(
    type=folio.ExportType.BURSAR_FEES_FINES,
    export_type_specific_parameters=folio.ExportTypeSpecificParameters(
        bursar_fee_fines=folio.BursarExportJob(
            filter=folio.BursarExportFilterCondition(
                type="Condition",
                operation=folio.BursarExportFilterConditionOperation.AND,
                criteria=[folio.BursarExportFilterPass(type="Pass")],
            ),
            group_by_patron=False,
            header=[folio.BursarExportTokenConstant(type="Constant", value="H")],
            data=[],
            footer=[],
            transfer_info=folio.BursarExportTransferCriteria(
                conditions=[], else_=folio.BursarExportTransferCriteriaElse()
            ),
        )
    ),
)
status: folio.JobStatus | None = job.status
known = alma.JobInstanceStatus(value=alma.JobStatus.RUNNING)
unknown = alma.JobInstanceStatus(value="SOMETHING_NEW")
tracking = orders.BatchTracking(total_records=3, version=1)
'''

_WRONG_CODE = """\
from m_folio_orders_storage import models as orders

orders.BatchTracking(total_record=3)
"""


def test_generated_models_pass_mypy_strict_and_type_user_code(
    generated: Generated, mypy_cache: Path
) -> None:
    (generated.folder / "user_code.py").write_text(_USER_CODE, encoding="utf-8")
    (generated.folder / "wrong_code.py").write_text(_WRONG_CODE, encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
    packages = [argument for s in SYSTEMS for argument in ("-p", _package(s))]
    environment = {**os.environ, "MYPYPATH": str(generated.folder)}
    good = subprocess.run(
        [*mypy, *packages, "-m", "user_code"],
        capture_output=True,
        text=True,
        check=False,
        cwd=generated.folder,
        env=environment,
    )
    assert good.returncode == 0, good.stdout + good.stderr
    wrong = subprocess.run(
        [*mypy, "-m", "wrong_code"],
        capture_output=True,
        text=True,
        check=False,
        cwd=generated.folder,
        env=environment,
    )
    # the constructor's keywords are the attribute names: a typo is caught
    assert 'Unexpected keyword argument "total_record"' in wrong.stdout, wrong.stdout


def test_generation_is_deterministic(generated: Generated) -> None:
    for system in SYSTEMS:
        again = generate_models(_document(system), package=_package(system))
        assert again.source == generated.results[system].source
        assert "generated by datamodel-codegen" not in again.source
        assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", again.source.split('"""')[1])
    script = (
        "import sys, yaml\n"
        "from generator.emit.models_codegen import generate_models\n"
        "document = yaml.safe_load(open('specs/folio-data-export-spring/openapi.yaml'))\n"
        "sys.stdout.write(generate_models(document, package='m').source)\n"
    )
    expected = generated.results["folio-data-export-spring"].source
    # Another process with another hash seed than this one's: one start-up, not one a seed.
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    other = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )
    assert other.stdout == expected


def test_every_component_has_a_readable_name_in_the_module(generated: Generated) -> None:
    for system in SYSTEMS:
        module = generated.modules[system]
        schemas = _document(system)["components"]["schemas"]
        names = generated.results[system].class_names
        assert set(names) == set(schemas)
        for component, class_name in names.items():
            assert hasattr(module, class_name), f"{system}: {component} -> {class_name}"
        defined = re.findall(r"^class (\w+)", generated.results[system].source, re.MULTILINE)
        assert len(defined) == len(set(defined)), f"{system}: a class is defined twice"
        numbered = [name for name in defined if re.search(r"[a-z]\d+$", name)]
        assert not numbered, f"{system}: numbered class names {numbered}"


def test_component_names_and_field_names(generated: Generated) -> None:
    folio = generated.results["folio-data-export-spring"]
    assert folio.class_names["Job"] == "Job"
    assert folio.class_names["BursarExportFilter"] == "BursarExportFilter"
    assert folio.class_names["UUID"] == "UUIDModel"  # uuid.UUID is imported under that name
    job_fields = folio.field_names["Job"]
    assert job_fields["exportTypeSpecificParameters"] == "export_type_specific_parameters"
    assert job_fields["id"] == "id"
    assert folio.field_names["BursarExportTokenConditional"]["else"] == "else_"
    assert "BursarExportFilter" not in folio.field_names  # a union has no fields
    assert "ExportType" not in folio.field_names  # nor an enum
    orders = generated.results["folio-orders-storage"]
    assert orders.field_names["BatchTracking"]["_version"] == "version"
    alma = generated.results["alma-jobs"]
    assert alma.class_names["JobStatus"] == "JobStatus"
    assert alma.field_names["JobInstances"] == {
        "job_instance": "job_instance",
        "total_record_count": "total_record_count",
    }


def test_every_model_keeps_unknown_fields_and_takes_python_names(generated: Generated) -> None:
    for system, module in generated.modules.items():
        models = [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, BaseModel)
            and value.__module__ == module.__name__
        ]
        assert models, system
        for model in models:
            assert model.model_config.get("extra") == "allow", f"{system}: {model.__name__}"
            assert model.model_config.get("populate_by_name"), f"{system}: {model.__name__}"


def test_enums_are_string_enums_with_readable_members(generated: Generated) -> None:
    folio = generated.modules["folio-data-export-spring"]
    assert issubclass(folio.ExportType, str) and issubclass(folio.ExportType, Enum)
    assert folio.EdiConfigLibEdiType("31B/US-SAN") is folio.EdiConfigLibEdiType.VALUE_31B_US_SAN
    assert folio.BursarExportTokenDateType.YYYY_MM_DD == "YYYY-MM-DD"
    method = folio.VendorEdiOrdersExportConfigTransmissionMethod
    assert method.FILE_DOWNLOAD == "File download"
    harvester = generated.modules["folio-erm-usage-harvester"]
    assert harvester.JobInfoType.PERIODIC == "periodic"


def test_enum_member_names() -> None:
    assert enum_member_names(["FeeFineOwner", "31B/US-SAN", "File download", "YYYY-MM-DD"]) == [
        "FEE_FINE_OWNER",
        "VALUE_31B_US_SAN",
        "FILE_DOWNLOAD",
        "YYYY_MM_DD",
    ]
    assert enum_member_names(["a-b", "a_b", "A B", ""]) == ["A_B", "A_B_2", "A_B_3", "EMPTY"]
    assert enum_member_names(["COMPLETED_NO_BULKS", "getHTTPCode"]) == [
        "COMPLETED_NO_BULKS",
        "GET_HTTP_CODE",
    ]


def test_docstrings_and_field_descriptions_come_from_the_spec(generated: Generated) -> None:
    folio = generated.modules["folio-data-export-spring"]
    assert folio.Job.__doc__.strip() == "A data export job."
    assert folio.Job.model_fields["start_time"].description == "Job start timestamp"
    assert folio.ExportType.__doc__.strip() == "Type of export"
    assert folio.Job.model_fields["name"].metadata[0].max_length == 100


# -- FOLIO data export: a job with a bursar export filter tree -------------------------------

_OWNER = "7e1b2f0c-0b4e-4f9a-9a53-3c5f0d1b2e11"
_GROUP = "503a81cd-6c26-400f-b620-14c08943697c"
_ACCOUNT = "90c1820f-60bf-4b9a-99f5-d677ea78ddca"
_JOB = "2b5f2a5e-1d1f-4c1e-9a8e-0b9b1f6f7a11"

BURSAR = {
    "filter": {
        "type": "Condition",
        "operation": "AND",
        "criteria": [
            {"type": "Age", "numDays": 30, "condition": "GREATER_THAN"},
            {"type": "Negation", "criteria": {"type": "PatronGroup", "patronGroupId": _GROUP}},
            {
                "type": "Condition",
                "operation": "OR",
                "criteria": [
                    {"type": "Amount", "amount": 500, "condition": "GREATER_THAN_EQUAL"},
                    {"type": "FeeFineOwner", "feeFineOwner": _OWNER},
                    {"type": "Pass", "addedInAFutureRelease": True},
                ],
            },
        ],
    },
    "groupByPatron": False,
    "header": [
        {"type": "Constant", "value": "HEADER"},
        {"type": "CurrentDate", "value": "YYYY-MM-DD", "timezone": "UTC"},
    ],
    "data": [
        {"type": "UserData", "value": "FOLIO_ID"},
        {
            "type": "FeeAmount",
            "decimal": True,
            "lengthControl": {
                "character": "0",
                "length": 10,
                "direction": "FRONT",
                "truncate": False,
            },
        },
        {
            "type": "Conditional",
            "conditions": [
                {
                    "condition": {"type": "ServicePoint", "servicePointId": _OWNER},
                    "value": {"type": "Constant", "value": "DESK"},
                }
            ],
            "else": {"type": "FeeMetadata", "value": "FEE_FINE_TYPE_NAME"},
        },
    ],
    "footer": [{"type": "Aggregate", "value": "NUM_ROWS", "decimal": False}],
    "transferInfo": {
        "conditions": [
            {"condition": {"type": "Location", "locationId": _OWNER}, "account": _ACCOUNT}
        ],
        "else": {"account": _ACCOUNT},
    },
}

FOLIO_JOB: dict[str, Any] = {
    "id": _JOB,
    "name": "Bursar export",
    "type": "BURSAR_FEES_FINES",
    "status": "IN_PROGRESS",
    "isSystemSource": False,
    "startTime": "2024-05-10T12:00:00.000+00:00",
    "metadata": {
        "createdDate": "2024-05-10T11:59:00.000+00:00",
        "createdByUserId": _GROUP,
        "updatedDate": "2024-05-10T12:00:00.000Z",
    },
    "progress": {"total": 200, "processed": 50, "progress": 25, "errors": 0},
    "exportTypeSpecificParameters": {"bursarFeeFines": BURSAR},
    "someFutureField": {"nested": [1, 2]},
}


def test_folio_job_with_a_filter_tree(generated: Generated) -> None:
    m = generated.modules["folio-data-export-spring"]
    job = m.Job.model_validate(FOLIO_JOB)
    assert job.status is m.JobStatus.IN_PROGRESS and job.type is m.ExportType.BURSAR_FEES_FINES
    assert job.id == UUID(_JOB)
    assert job.start_time.utcoffset() is not None
    assert job.progress.processed == 50 and job.progress.success == 0  # the spec's default
    assert job.model_extra == {"someFutureField": {"nested": [1, 2]}}
    bursar = job.export_type_specific_parameters.bursar_fee_fines
    top = bursar.filter
    assert isinstance(top, m.BursarExportFilterCondition)
    age, negation, nested = top.criteria
    assert isinstance(age, m.BursarExportFilterAge) and age.num_days == 30
    assert age.condition is m.BursarExportFilterAgeCondition.GREATER_THAN
    assert isinstance(negation, m.BursarExportFilterNegation)
    assert isinstance(negation.criteria, m.BursarExportFilterPatronGroup)
    assert negation.criteria.patron_group_id == UUID(_GROUP)
    assert isinstance(nested, m.BursarExportFilterCondition)
    assert [type(c).__name__ for c in nested.criteria] == [
        "BursarExportFilterAmount",
        "BursarExportFilterFeeFineOwner",
        "BursarExportFilterPass",
    ]
    assert nested.criteria[2].model_extra == {"addedInAFutureRelease": True}
    assert [type(t).__name__ for t in bursar.header] == [
        "BursarExportTokenConstant",
        "BursarExportTokenCurrentDate",
    ]
    assert bursar.header[1].value is m.BursarExportTokenDateType.YYYY_MM_DD
    conditional = bursar.data[2]
    assert isinstance(conditional, m.BursarExportTokenConditional)
    assert isinstance(conditional.else_, m.BursarExportTokenFeeMetadata)
    assert isinstance(conditional.conditions[0].condition, m.BursarExportFilterServicePoint)
    assert (
        bursar.data[1].length_control.direction is m.BursarExportTokenLengthControlDirection.FRONT
    )
    assert bursar.transfer_info.else_.account == UUID(_ACCOUNT)
    # back to the wire: aliases, the same tree, unknown fields included
    wire = job.model_dump(by_alias=True, exclude_unset=True, mode="json")
    assert wire["exportTypeSpecificParameters"]["bursarFeeFines"] == BURSAR
    assert wire["someFutureField"] == {"nested": [1, 2]}
    assert m.Job.model_validate(wire) == job


def test_folio_filter_union_is_discriminated(generated: Generated) -> None:
    m = generated.modules["folio-data-export-spring"]
    bad = {**BURSAR, "filter": {"type": "Bogus", "numDays": 3}}
    with pytest.raises(ValidationError) as caught:
        m.BursarExportJob.model_validate(bad)
    assert "union_tag_invalid" in {error["type"] for error in caught.value.errors()}
    missing = {**BURSAR, "filter": {"type": "Age", "condition": "LESS_THAN"}}
    with pytest.raises(ValidationError) as caught:
        m.BursarExportJob.model_validate(missing)
    assert [error["loc"] for error in caught.value.errors()] == [("filter", "Age", "numDays")]


def test_folio_job_built_with_python_names(generated: Generated) -> None:
    m = generated.modules["folio-data-export-spring"]
    job = m.Job(
        type=m.ExportType.BURSAR_FEES_FINES,
        export_type_specific_parameters=m.ExportTypeSpecificParameters(
            bursar_fee_fines=m.BursarExportJob(
                filter=m.BursarExportFilterNegation(
                    type="Negation", criteria=m.BursarExportFilterPass(type="Pass")
                ),
                group_by_patron=True,
                header=[],
                data=[m.BursarExportTokenUserData(type="UserData", value="FOLIO_ID")],
                footer=[],
                transfer_info=m.BursarExportTransferCriteria(
                    conditions=[], else_=m.BursarExportTransferCriteriaElse(account=_ACCOUNT)
                ),
            )
        ),
    )
    wire = job.model_dump(by_alias=True, exclude_unset=True, mode="json")
    assert wire == {
        "type": "BURSAR_FEES_FINES",
        "exportTypeSpecificParameters": {
            "bursarFeeFines": {
                "filter": {"type": "Negation", "criteria": {"type": "Pass"}},
                "groupByPatron": True,
                "header": [],
                "data": [{"type": "UserData", "value": "FOLIO_ID"}],
                "footer": [],
                "transferInfo": {"conditions": [], "else": {"account": _ACCOUNT}},
            }
        },
    }
    with pytest.raises(ValidationError):  # required exactly as the spec says
        m.Job(type=m.ExportType.CLAIMS)
    legacy = m.LegacyBursarFeeFines.model_validate(
        {
            "daysOutstanding": 7,
            "patronGroups": ["staff"],
            "typeMappings": {
                "default": "x",
                _GROUP: [{"feefineTypeId": _OWNER, "itemCode": "CHARGE"}],
            },
        }
    )
    assert legacy.patron_groups == ["staff"]
    mapping = legacy.type_mappings.model_extra[_GROUP][0]
    assert isinstance(mapping, m.LegacyBursarFeeFinesTypeMapping)


# -- Alma: open enum, XML-shaped answers -----------------------------------------------------

ALMA_INSTANCE = {
    "id": "1108569450000121",
    "name": "Export Physical Items - 05/10/2024",
    "submitted_by": {"value": "exl_impl", "desc": "Implementer"},
    "submit_time": "2024-05-10T10:00:00.000Z",
    "start_time": "2024-05-10T10:00:05.000Z",
    "progress": 40,
    "status": {"value": "SOMETHING_NEW", "desc": "A status Alma added later"},
    "status_date": "2024-05-10Z",
    "counter": [
        {"type": {"value": "c.jobs.processed", "desc": "Processed"}, "value": "12"},
        {"type": {"value": "c.jobs.failed", "desc": "Failed"}, "value": 3},
    ],
    "alerts": {"alert": [{"value": "alert_general_success", "desc": "Done"}]},
    "job_info": {"id": "M135", "name": "Export", "type": {"value": "MANUAL"}},
    "link": "https://api-eu.hosted.exlibrisgroup.com/almaws/v1/conf/jobs/M135/instances/1",
}

# what the runtime's XML reader makes of <job_instances total_record_count="2">...: every
# value is text, attributes and element text side by side
ALMA_XML_PAGE = {
    "total_record_count": "2",
    "job_instance": [
        {
            "id": "1",
            "progress": "100",
            "status": {"desc": "Completed Successfully", "value": "COMPLETED_SUCCESS"},
            "end_time": "2024-05-10T10:03:00Z",
            "counter": [{"type": {"desc": "Processed", "value": "c.p"}, "value": "7"}],
        },
        {"id": "2", "progress": "0", "status": {"value": "QUEUED"}, "link": "https://x/2"},
    ],
}


def test_alma_job_instance_keeps_an_unknown_status(generated: Generated) -> None:
    m = generated.modules["alma-jobs"]
    instance = m.JobInstance.model_validate(ALMA_INSTANCE)
    assert instance.status.value == "SOMETHING_NEW"
    assert not isinstance(instance.status.value, Enum)
    assert instance.counter[0].value == "12" and instance.counter[1].value == 3
    assert instance.alerts == ALMA_INSTANCE["alerts"]
    assert instance.model_extra == {"link": ALMA_INSTANCE["link"]}
    assert instance.submit_time.tzinfo is not None
    wire = instance.model_dump(by_alias=True, exclude_unset=True, mode="json")
    assert wire["status"] == ALMA_INSTANCE["status"] and wire["counter"] == ALMA_INSTANCE["counter"]
    running = m.JobInstanceStatus.model_validate({"value": "RUNNING"})
    assert running.value is m.JobStatus.RUNNING  # a known value is the member, not text
    assert m.JobInstanceStatus(value="SOMETHING_NEW").value == "SOMETHING_NEW"


def test_alma_xml_shaped_page(generated: Generated) -> None:
    m = generated.modules["alma-jobs"]
    page = m.JobInstances.model_validate(ALMA_XML_PAGE)
    assert page.total_record_count == 2
    first, second = page.job_instance
    assert first.progress == 100 and first.status.value is m.JobStatus.COMPLETED_SUCCESS
    assert first.counter[0].value == "7"
    assert second.status.value is m.JobStatus.QUEUED and second.model_extra == {
        "link": "https://x/2"
    }
    with pytest.raises(ValidationError):
        m.JobInstances.model_validate({"job_instance": []})  # total_record_count is required
    with pytest.raises(ValidationError):
        m.JobInstance.model_validate({"progress": 101})  # maximum: 100


# -- Liquid Decisions, the usage harvester, orders storage -----------------------------------


def test_liquid_decisions_batch_status(generated: Generated) -> None:
    m = generated.modules["liquid-decisions-batch"]
    payload = {
        "submitTime": "2015-05-26T13:35:25+0000",
        "jobId": "e25a5d4b-f9a5-4794-9ac2-4e026c0df40d",
        "jobName": "Attendee Export Job",
        "contentType": "application/json",
        "itemType": "Attendee",
        "recordsProcessed": "1200",
        "runTime": "-1",
        "status": "Completed",
        "reason": "Done",
        "downloadLinks": ["https://example.com/export/1.json"],
    }
    status = m.BatchStatus.model_validate(payload)
    assert status.status is m.BatchJobStatus.COMPLETED
    assert status.submit_time == "2015-05-26T13:35:25+0000"
    assert status.records_processed == "1200"
    assert status.model_extra == {"downloadLinks": ["https://example.com/export/1.json"]}
    assert status.model_dump(by_alias=True, exclude_unset=True, mode="json") == payload
    with pytest.raises(ValidationError):
        m.BatchStatus.model_validate({**payload, "recordsProcessed": "12 records"})  # pattern
    with pytest.raises(ValidationError):
        m.BatchStatus.model_validate({"jobId": "x"})  # status is required
    token = m.Token(access_token="abc", expires_in=3600)
    assert token.model_dump(exclude_unset=True) == {"access_token": "abc", "expires_in": 3600}


def test_harvester_job_infos_page(generated: Generated) -> None:
    m = generated.modules["folio-erm-usage-harvester"]
    payload = {
        "jobInfos": [
            {
                "id": "8f1e9a3c-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                "type": "provider",
                "providerId": "1d5f2a64-0e3b-4c1d-9a0f-2b3c4d5e6f70",
                "timestamp": 1715335200000,
                "startedAt": "2024-05-10T10:00:00.000+00:00",
                "finishedAt": "2024-05-10T10:02:00.000+00:00",
                "result": "success",
                "tenantId": "diku",
            },
            {"id": "x", "type": "periodic", "startedAt": "2024-05-10T10:00:00Z"},
        ],
        "totalRecords": 2,
    }
    page = m.JobInfos.model_validate(payload)
    done, running = page.job_infos
    assert done.type is m.JobInfoType.PROVIDER and done.result is m.JobInfoResult.SUCCESS
    assert done.timestamp == 1715335200000 and done.model_extra == {"tenantId": "diku"}
    assert running.finished_at is None and running.result is None
    assert page.total_records == 2
    assert m.JobInfos(job_infos=[], total_records=0).model_dump(by_alias=True) == {
        "jobInfos": [],
        "totalRecords": 0,
    }


def test_orders_batch_tracking(generated: Generated) -> None:
    m = generated.modules["folio-orders-storage"]
    payload = {
        "id": "1f6d8a20-3c4b-4d5e-8f60-7a8b9c0d1e2f",
        "processedCount": 5,
        "totalRecords": 10,
        "createdDate": "2024-05-10T10:00:00.000+00:00",
        "_version": 2,
        "metadata": {
            "createdDate": "2024-05-10T10:00:00.000+00:00",
            "createdByUserId": "9d5f2a64-0e3b-4c1d-9a0f-2b3c4d5e6f70",
        },
        "batchLabel": "from a later release",
    }
    tracking = m.BatchTracking.model_validate(payload)
    assert tracking.id == payload["id"]  # the spec's Uuid: text with a pattern
    assert tracking.version == 2 and tracking.processed_count == 5
    assert tracking.model_extra == {"batchLabel": "from a later release"}
    wire = tracking.model_dump(by_alias=True, exclude_unset=True, mode="json")
    assert wire["_version"] == 2 and wire["batchLabel"] == "from a later release"
    fresh = m.BatchTracking(total_records=3)
    assert fresh.processed_count == 0  # the spec's default
    assert fresh.model_dump(by_alias=True, exclude_unset=True) == {"totalRecords": 3}
    with pytest.raises(ValidationError):
        m.BatchTracking.model_validate({**payload, "id": "not-a-uuid"})
    errors = m.Errors.model_validate(
        {"errors": [{"message": "bad", "parameters": [{"key": "id", "value": "1"}]}]}
    )
    assert errors.errors[0].parameters[0].key == "id"  # an array component: a plain list


# -- shapes the five specs do not have -------------------------------------------------------


def _load(source: str, folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # pydantic resolves annotations in the module's namespace, found through sys.modules
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


def test_open_enums_colliding_names_and_extensions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Shapes", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "State": {
                    "description": "Open: other values can appear.",
                    "anyOf": [{"type": "string"}, {"type": "string", "enum": ["on", "off"]}],
                },
                "Lamp": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["state"],
                    "properties": {
                        "state": {"$ref": "#/components/schemas/State", "description": "Now."},
                        "mode": {
                            "anyOf": [
                                {"type": "string", "enum": ["eco", "full"]},
                                {"type": "string"},
                            ]
                        },
                        "condition": {"type": "string", "enum": ["new", "used"]},
                        "x-vendor": {"type": "string"},
                        "homepage": {"type": "string", "format": "uri"},
                        "owner": {"type": "string", "format": "email"},
                        "secret": {"type": "string", "format": "password"},
                        "serial": {"type": "string", "format": "uuid4"},
                        "code": {"type": "string", "pattern": "^(?!x)[a-z]+$"},
                        "short": {"type": "string", "pattern": "^[a-z]{1,3}$"},
                    },
                    "x-job": {"status": "/state"},
                },
                "Fan": {
                    "type": "object",
                    "properties": {"condition": {"type": "string", "enum": ["quiet", "loud"]}},
                    "xml": {"name": "fan"},
                },
            }
        },
    }
    result = generate_models(document, package="shapes")
    source = result.source
    assert "class State(StrEnum):" in source
    assert re.search(r"state: Annotated\[\s*State \| str,", source)
    assert re.search(r"mode: Annotated\[\s*LampMode \| str \| None,", source)
    assert "class LampCondition(StrEnum)" in source and "class FanCondition(StrEnum)" in source
    assert "x_vendor" in source and "x-job" not in source and "xml" not in source
    for kept_as_text in ("AnyUrl", "EmailStr", "SecretStr", "UUID4"):
        assert kept_as_text not in source
    assert "serial: UUID | None" in source
    assert "(?!x)" not in source  # pydantic cannot check look-ahead: left out
    assert "pattern='^[a-z]{1,3}$'" in source
    assert result.field_names["Lamp"] == {
        "state": "state",
        "mode": "mode",
        "condition": "condition",
        "x-vendor": "x_vendor",
        "homepage": "homepage",
        "owner": "owner",
        "secret": "secret",
        "serial": "serial",
        "code": "code",
        "short": "short",
    }
    shapes = _load(source, tmp_path, "shapes_models", monkeypatch)
    payload = {
        "state": "on",
        "mode": "turbo",
        "x-vendor": "v",
        "brightness": 3,
        "homepage": "/relative/link",
        "owner": "not quite an address",
        "secret": "s3cret",
        "serial": "1f6d8a20-3c4b-1d5e-8f60-7a8b9c0d1e2f",  # a version 1 UUID
        "code": "xyz",
    }
    lamp = shapes.Lamp.model_validate(payload)
    assert lamp.state is shapes.State.ON and lamp.mode == "turbo"
    assert lamp.model_extra == {"brightness": 3}
    assert json.loads(lamp.model_dump_json(by_alias=True, exclude_unset=True)) == payload
    with pytest.raises(ValidationError):
        shapes.Lamp.model_validate({**payload, "short": "abcd"})
    with pytest.raises(ValidationError):
        shapes.Lamp.model_validate({"mode": "eco"})  # state is required


def models_module(schemas: dict[str, Any]) -> ModuleType:
    """The models of ``schemas``, imported (a failure to import fails the test)."""
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    source = generate_models(document, package="probe").source
    module = ModuleType("probe_models")
    # registered while it runs, so that pydantic resolves the module's annotations
    sys.modules[module.__name__] = module
    try:
        exec(compile(source, "probe_models.py", "exec"), module.__dict__)  # our generated code
    finally:
        del sys.modules[module.__name__]
    return module


def test_an_enum_default_is_a_member_not_a_string() -> None:
    # Adyen: `type: {enum: [ach, ach_plaid], default: ach}`; a string default fails mypy.
    schema = {"type": "string", "enum": ["ach", "ach_plaid"], "default": "ach"}
    module = models_module({"Details": {"type": "object", "properties": {"type": schema}}})
    default = module.Details.model_fields["type"].default
    assert isinstance(default, Enum) and default.value == "ach"


def _ruff_findings(source: str, folder: Path) -> str:
    """What ruff still reports on models after the fixes generation applies."""
    path = folder / "models.py"
    path.write_text(source, encoding="utf-8")
    config = ["--no-cache", "--config", str(formatting.CONFIG)]
    ruff = [*ruff_command(), "check", *config, str(path)]
    subprocess.run([*ruff, "--fix-only", "--exit-zero", "--quiet"], check=True)
    result = subprocess.run(ruff, capture_output=True, text=True, check=False)
    return result.stdout if result.returncode else ""


def test_an_enum_of_values_unlike_its_declared_type_is_an_enum_of_those_values(
    tmp_path: Path,
) -> None:
    # `type: string, enum: [1, 2]` became `class Code(str, Enum)` of integers (ruff UP042).
    schemas = {
        "Code": {"type": "string", "enum": [1, 2, 3]},
        "Mixed": {"type": "string", "enum": ["a", 1]},
        "Flag": {"type": "integer", "enum": [True, 0]},
    }
    module = models_module(schemas)
    assert module.Code(2).value == 2 and not issubclass(module.Code, str)
    assert {m.value for m in module.Mixed} == {"a", 1}
    assert {m.value for m in module.Flag} == {True, 0}
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    source = generate_models({**document, "components": {"schemas": schemas}}, package="p")
    assert _ruff_findings(source.source, tmp_path) == ""


def test_a_child_that_redeclares_an_inherited_field_as_another_type_copies_its_base() -> None:
    # `class Child(Base)` with `a: int` over Base's `a: str` failed mypy; a child that only
    # adds fields or describes one anew stays a subclass.
    base = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    base["properties"]["a"] = {"type": "string"}
    module = models_module(
        {
            "Root": {"type": "object", "properties": {"kind": {"type": "string"}}},
            "Base": {"allOf": [{"$ref": "#/components/schemas/Root"}, base]},
            "Child": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {"properties": {"a": {"type": "integer"}, "b": {"type": "string"}}},
                ]
            },
            "Described": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {"properties": {"a": {"type": "string", "description": "Why."}}},
                ]
            },
        }
    )
    child = module.Child(id="1", a=2, kind="k")
    assert (child.id, child.a, child.kind) == ("1", 2, "k")
    assert not issubclass(module.Child, module.Base)
    with pytest.raises(ValidationError):
        module.Child(a=2)  # the base's required field stays required
    assert issubclass(module.Described, module.Base)


def test_unions_that_hold_themselves_are_the_union_of_the_cycles_other_members() -> None:
    # `A: oneOf [B, string]`, `B: oneOf [A, integer]` became aliases mypy refuses ("invalid
    # recursive alias"); a union reached through a model or a list stays recursive.
    module = models_module(
        {
            "A": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "string"}]},
            "B": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "integer"}]},
            "Self": {"anyOf": [{"$ref": "#/components/schemas/Self"}, {"type": "boolean"}]},
            "Only": {"anyOf": [{"$ref": "#/components/schemas/Only"}], "description": "Loop."},
            "Nested": {  # a union of unions is one union: the cycle is the same
                "anyOf": [
                    {"type": "string"},
                    {"anyOf": [{"type": "integer"}, {"$ref": "#/components/schemas/Nested"}]},
                ]
            },
            "Tree": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                ]
            },
        }
    )
    from pydantic import TypeAdapter

    for alias in (module.A, module.B):
        assert TypeAdapter(alias).validate_python("x") == "x"
        assert TypeAdapter(alias).validate_python(3) == 3
    assert TypeAdapter(module.Self).validate_python(True) is True
    assert TypeAdapter(module.Nested).validate_python(2) == 2
    assert TypeAdapter(module.Only).validate_python({"any": 1}) == {"any": 1}
    assert TypeAdapter(module.Tree).validate_python(["a", ["b"]]) == ["a", ["b"]]


def test_a_base_that_is_no_class_is_copied_in_not_extended() -> None:
    # `allOf: [{$ref: Kind}, {properties: ...}]` with an Enum `Kind` made `class E(Kind)`,
    # which Python refuses when the module is imported: an Enum cannot be extended
    module = models_module(
        {
            "Kind": {"type": "string", "enum": ["a", "b"]},
            "Tags": {"type": "array", "items": {"type": "string"}},
            "E": {
                "allOf": [
                    {"$ref": "#/components/schemas/Kind"},
                    {"$ref": "#/components/schemas/Tags"},
                    {"type": "object", "properties": {"n": {"type": "string"}}},
                ]
            },
            "Holder": {  # an inline allOf is a class too
                "type": "object",
                "properties": {
                    "e": {
                        "allOf": [
                            {"$ref": "#/components/schemas/Kind"},
                            {"type": "object", "properties": {"n": {"type": "string"}}},
                        ]
                    }
                },
            },
        }
    )
    assert module.E(n="x").n == "x"
    assert module.Holder(e={"n": "x"}).e.n == "x"


def test_a_discriminator_that_cannot_tell_the_members_apart_is_left_out() -> None:
    # `oneOf: [{const: null}]` with a discriminator became a tagged union of no choices,
    # which pydantic refused when the module was imported
    pet = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}}
    module = models_module(
        {
            "Pet": pet,
            "Holder": {
                "type": "object",
                "properties": {
                    "none": {"oneOf": [{"const": None}], "discriminator": {"propertyName": "kind"}},
                    "text": {"anyOf": [{"type": "string"}], "discriminator": {"propertyName": "k"}},
                    "pet": {  # a model that has no `kind`... and one that does
                        "oneOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "object"}],
                        "discriminator": {"propertyName": "kind"},
                    },
                },
            },
        }
    )
    holder = module.Holder(none=None, text="a", pet={"kind": "cat"})
    assert (holder.none, holder.text, holder.pet.kind) == (None, "a", "cat")


def test_a_false_member_of_a_union_is_left_out() -> None:
    # datamodel-code-generator refused the spec: "oneOf contains a boolean false schema"
    module = models_module(
        {
            "Id": {"anyOf": [False, {"type": "integer"}, {"type": "string"}]},
            "Nothing": {"oneOf": [False], "discriminator": {"propertyName": "kind"}},
        }
    )
    from pydantic import TypeAdapter

    assert TypeAdapter(module.Id).validate_python(3) == 3
    assert TypeAdapter(module.Nothing).validate_python({"a": 1}) == {"a": 1}


def test_constraints_apply_to_the_types_they_are_about() -> None:
    # `type: [integer, string]` with `minimum` and `maxLength` became `conint(ge=1) |
    # constr(max_length=3)`, calls that mypy refuses in an annotation
    code = {"type": ["integer", "string", "null"], "minimum": 1, "maxLength": 3}
    name = {"type": "string", "minimum": 2, "maxLength": 3}  # minimum: not about text
    module = models_module({"Item": {"type": "object", "properties": {"code": code, "name": name}}})
    for value in (5, "abc", None):
        assert module.Item(code=value).code == value
    for wrong in (0, "abcd"):
        with pytest.raises(ValidationError):
            module.Item(code=wrong)
    assert module.Item(name="a").name == "a"


# Shapes whose models imported but failed ruff or mypy --strict, checked in one mypy run.
_TYPE_CHECKED_SHAPES: dict[str, Any] = {
    "Mixed": {
        "type": "object",
        "properties": {
            "a": {"type": ["integer", "string"], "minimum": 1, "maxLength": 3},
            "b": {"type": ["integer", "number"], "multipleOf": 4, "maxLength": 3},
        },
    },
    "Base": {"type": "object", "properties": {"a": {"type": "string"}}},
    "Child": {
        "allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "properties": {"a": {"type": "integer"}}},
        ]
    },
    "A": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "string"}]},
    "B": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "integer"}]},
    "Self": {"anyOf": [{"$ref": "#/components/schemas/Self"}, {"type": "boolean"}]},
    "Nested": {"anyOf": [{"type": "string"}, {"anyOf": [{"$ref": "#/components/schemas/Nested"}]}]},
    # through an alias, with a discriminator: `Cannot resolve name "Pet" (possible cyclic ...)`
    "Kinds": {
        "oneOf": [{"$ref": "#/components/schemas/Pet"}],
        "discriminator": {"propertyName": "k"},
    },
    "Pet": {"$ref": "#/components/schemas/Kinds"},
    "Code": {"type": "string", "enum": [1, 2]},
    "Level": {"type": ["integer", "number"], "minimum": 0},
    "Reading": {
        "type": "object",
        "properties": {"n": {"type": ["integer", "number"], "maximum": 9}},
    },
    # a union base whose member declares a field the child redeclares as another type: its
    # members became the child's bases, with incompatible definitions of `source`
    "Sources": {"oneOf": [{"type": "object", "properties": {"source": {"type": "integer"}}}]},
    "Answer": {
        "allOf": [
            {"$ref": "#/components/schemas/Sources"},
            {"type": "object", "properties": {"source": {"type": "string"}}},
        ]
    },
    # a base's discriminator typed as an enum (Azure's kinds): each child got `Literal[<its
    # name>]`, which the enum cannot hold
    "MetricKind": {"type": "string", "enum": ["Resource"]},
    "Metric": {
        "type": "object",
        "discriminator": {"propertyName": "kind"},
        "required": ["kind"],
        "properties": {"kind": {"$ref": "#/components/schemas/MetricKind"}},
    },
    "ResourceMetric": {
        "allOf": [{"$ref": "#/components/schemas/Metric"}, {"type": "object"}],
        "properties": {"name": {"type": "string"}},
        "required": ["name"],
    },
    "Scaling": {
        "type": "object",
        "properties": {"metric": {"$ref": "#/components/schemas/Metric"}},
    },
}


def test_shapes_that_failed_the_type_checker_pass_ruff_and_mypy_strict(
    tmp_path: Path, mypy_cache: Path
) -> None:
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    source = generate_models(
        {**document, "components": {"schemas": _TYPE_CHECKED_SHAPES}}, package="p"
    )
    assert _ruff_findings(source.source, tmp_path) == ""
    typed = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache), "models.py"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert typed.returncode == 0, typed.stdout


_SHAPE = {"type": "object", "properties": {"serial_no": {"type": "string"}}}


@pytest.mark.parametrize(
    ("schemas", "twins"),
    [
        ({"m": _SHAPE, "M": _SHAPE}, ("m", "M")),
        (
            {"Error": {"type": "object", "properties": {"source": _SHAPE}}, "ErrorSource": _SHAPE},
            ("ErrorSource",),
        ),
    ],
)
def test_equal_schemas_whose_class_names_collide_share_one_class(
    schemas: dict[str, Any], twins: tuple[str, ...]
) -> None:
    # datamodel-code-generator made one class of them and generation ended in "made no
    # class for: M"; names that collide on schemas that differ still get a class each.
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    result = generate_models({**document, "components": {"schemas": schemas}}, package="p")
    classes = {result.class_names[name] for name in twins}
    assert len(classes) == 1
    assert all(result.field_names[name] == {"serial_no": "serial_no"} for name in twins)
    module = models_module(schemas)
    assert getattr(module, classes.pop())(serial_no="1").serial_no == "1"
    other = {"type": "object", "properties": {"n": {"type": "integer"}}}
    result = generate_models(
        {**document, "components": {"schemas": {"m": _SHAPE, "M": other}}}, package="p"
    )
    assert result.class_names == {"m": "M", "M": "M1"}


def test_schemas_whose_code_is_the_same_and_names_collide_share_one_class() -> None:
    # `{enum: []}` and `true` are both `Any` to datamodel-code-generator, which made one
    # alias of `Item` and `item`: "made no class for: item"
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    schemas = {"Item": {"enum": []}, "item": True, "list": {"$ref": "#/components/schemas/item"}}
    result = generate_models({**document, "components": {"schemas": schemas}}, package="p")
    assert result.class_names["Item"] == result.class_names["item"]


def test_union_mode_only_where_the_annotation_is_a_union() -> None:
    # GitHub: datamodel-code-generator kept `union_mode` where the union collapsed to one type,
    # and pydantic refused to import the module.
    from generator.emit.models_patch import tidied

    source = (
        "a: Annotated[Any, Field(union_mode='left_to_right')] = None\n"
        "b: Annotated[Team | None, Field(description='x', union_mode='left_to_right')] = None\n"
        "c: Annotated[int | str, Field(union_mode='left_to_right')] = 1\n"
        # ast counts columns in UTF-8 bytes: 'Größe' is two bytes longer than its characters
        "d: Annotated[Any, Field(description='Größe', union_mode='left_to_right')] = None\n"
    )
    cleaned = tidied(source)
    assert cleaned.splitlines() == [
        "a: Annotated[Any, Field()] = None",
        "b: Annotated[Team | None, Field(description='x')] = None",
        "c: Annotated[int | str, Field(union_mode='left_to_right')] = 1",
        "d: Annotated[Any, Field(description='Größe')] = None",
    ]


def test_a_constrained_type_list_imports_and_keeps_each_type() -> None:
    # `type: [integer, number]` with `minimum`: pydantic wrapped the union in the bounds check
    # and refused `union_mode` beside it when the module was imported.
    number = {"type": ["integer", "number"], "minimum": 0, "maximum": 10}
    module = models_module(
        {
            "Reading": {"type": "object", "properties": {"n": number}},
            "Level": {**number, "exclusiveMaximum": 5},
            "Code": {"anyOf": [{"type": "integer"}, {"type": "string"}], "maxLength": 3},
        }
    )
    assert type(module.Reading(n=5).n) is int and module.Reading(n=2.5).n == 2.5
    with pytest.raises(ValidationError):
        module.Reading(n=11)
    with pytest.raises(ValidationError):
        module.Reading(n=-1)


def test_one_pass_removes_union_mode_and_wraps_docstrings_together() -> None:
    from generator.emit.models_patch import tidied

    words = " ".join(f"word{i}" for i in range(40))
    source = (
        "class A(BaseModel):\n"
        f'    """\n    {words}\n    """\n\n'
        "    a: Annotated[Any, Field(\n        union_mode='left_to_right'\n    )] = None\n"
        "class B(BaseModel):\n"
        f'    """\n    {words}\n    """\n'
    )
    cleaned = tidied(source)
    assert "union_mode" not in cleaned
    assert max(len(line) for line in cleaned.splitlines()) <= 100
    assert cleaned.count("word39") == 2 and cleaned.count("class ") == 2
    ast.parse(cleaned)


def test_a_described_reference_in_all_of_is_the_reference_with_its_description() -> None:
    # AWS specs converted from OpenAPI 3.0 wrap every described $ref in allOf; the field must
    # be the referenced type and keep the description (it used to be lost).
    module = models_module(
        {
            "JobName": {"type": "string", "maxLength": 63},
            "Owner": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Job": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {
                        "allOf": [
                            {"$ref": "#/components/schemas/JobName"},
                            {"description": "The job's name."},
                        ]
                    },
                    "owner": {
                        "allOf": [
                            {"description": "Who runs it."},
                            {"$ref": "#/components/schemas/Owner"},
                        ]
                    },
                },
            },
        }
    )
    module.Job.model_rebuild(_types_namespace=vars(module))
    fields = module.Job.model_fields
    assert fields["name"].description == "The job's name."
    assert fields["owner"].description == "Who runs it."
    assert fields["owner"].annotation == module.Owner | None
    with pytest.raises(ValidationError):
        module.Job.model_validate({"name": "x" * 64})


def test_an_all_of_that_combines_schemas_is_left_to_merge() -> None:
    from generator.emit.models_prepare import _annotated_ref

    two_refs = {"allOf": [{"$ref": "#/a"}, {"$ref": "#/b"}, {"description": "d"}]}
    constrained = {"allOf": [{"$ref": "#/a"}, {"description": "d", "maxLength": 3}]}
    disagreeing = {"description": "outer", "allOf": [{"$ref": "#/a"}, {"description": "d"}]}
    for schema in (two_refs, constrained, disagreeing):
        assert _annotated_ref(schema) is schema
    assert _annotated_ref({"allOf": [{"$ref": "#/a"}, {"title": "T", "deprecated": True}]}) == {
        "$ref": "#/a",
        "title": "T",
        "deprecated": True,
    }


def test_fields_named_like_pydantic_methods_import_without_a_warning() -> None:
    # A wire name `model_dump_json` is a field `model_dump_json_`, which pydantic still warns
    # about on import (its protected namespaces) unless the model allows it.
    properties = {name: {"type": "string"} for name in ("model_validate", "model_dump_json", "a")}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        module = models_module(
            {
                "Thing": {"type": "object", "properties": properties},
                "Plain": {"type": "object", "properties": {"model_name": {"type": "string"}}},
            }
        )
    module.Thing.model_rebuild(_types_namespace=vars(module))
    thing = module.Thing.model_validate({"model_validate": "v", "model_dump_json": "j"})
    assert (thing.model_validate_, thing.model_dump_json_) == ("v", "j")
    assert thing.model_dump(by_alias=True, exclude_none=True) == {
        "model_validate": "v",
        "model_dump_json": "j",
    }
    assert "protected_namespaces" not in str(module.Plain.model_config)


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028"])
def test_a_description_with_a_line_separator_of_str_splitlines_makes_a_clean_docstring(
    separator: str,
) -> None:
    # found by the long hostile profile: '\x1e\\' left a line of mere indentation (ruff W293)
    schema = {"type": "object", "description": f"{separator}\\", "properties": {"a": {}}}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Thing": schema}},
    }
    source = generate_models(document, package="p").source
    assert not [line for line in source.split("\n") if line != line.rstrip()]
    thing = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef))
    assert ast.get_docstring(thing) == "\\"


def test_an_object_default_of_a_model_field_leaves_models_that_type_check(
    tmp_path: Path, mypy_cache: Path
) -> None:
    # Docker's `Runtimes: {additionalProperties: {$ref: Runtime}, default: {runc: {...}}}`
    # became `dict[str, Runtime] = {"runc": {"path": "runc"}}`, which mypy --strict refuses;
    # the same for a list of models, a model and an inline object.
    runtime = {"$ref": "#/components/schemas/Runtime"}
    schemas = {
        "Runtime": {"type": "object", "properties": {"path": {"type": "string"}}},
        "Info": {
            "type": "object",
            "properties": {
                "by_name": {
                    "type": "object",
                    "additionalProperties": runtime,
                    "default": {"runc": {"path": "runc"}},
                },
                "listed": {"type": "array", "items": runtime, "default": [{"path": "runc"}]},
                "one": {"allOf": [runtime], "default": {"path": "runc"}},
                "inline": {
                    "type": "object",
                    "properties": {"x": {"type": "string"}},
                    "default": {"x": "y"},
                },
                "free": {"type": "object", "default": {"any": 1}},
                "name": {"type": "string", "default": "runc"},
            },
        },
    }
    document = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    source = generate_models({**document, "components": {"schemas": schemas}}, package="p")
    (tmp_path / "probe_defaults.py").write_text(source.source, encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(mypy_cache)]
    typed = subprocess.run(
        [*mypy, "probe_defaults.py"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert typed.returncode == 0, typed.stdout
    info = models_module(schemas).Info()
    assert info.by_name is None and info.listed is None and info.one is None
    assert info.free == {"any": 1} and info.name == "runc"  # defaults that type-check stay
