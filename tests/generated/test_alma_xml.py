"""Alma speaks JSON and XML: the generated client sends and reads both."""

from __future__ import annotations

import httpx
import pytest
from alma_jobs import Client, errors, models


def test_run_job_in_xml_and_read_the_xml_answer() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            headers={"content-type": "application/xml"},
            content=b"<job><id>M135</id><name>Export</name><type desc='Manual'>MANUAL</type>"
            b"<additional_info link='https://x/almaws/v1/conf/jobs/M135/instances/999'>"
            b"Job was submitted</additional_info></job>",
        )

    with Client(
        base_url="https://alma.test", api_key="KEY", transport=httpx.MockTransport(handler)
    ) as client:
        job = client.jobs.run_job("M135", models.Job(), wire_format="xml")
    request = seen[0]
    assert request.headers["content-type"] == "application/xml"
    assert request.headers["accept"] == "application/xml"
    assert request.headers["authorization"] == "apikey KEY"
    assert request.content.endswith(b"<job />")
    # op allows only "run": the client sends it without being asked
    assert request.url.path == "/conf/jobs/M135" and request.url.params["op"] == "run"
    assert job.id == "M135" and job.type is not None and job.type.value == "MANUAL"
    assert job.additional_info is not None
    assert str(job.additional_info.link).endswith("/999")


def test_an_xml_bomb_is_refused_with_a_typed_error() -> None:
    bomb = (
        b'<!DOCTYPE j [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><job><id>&b;</id></job>'
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/xml"}, content=bomb)

    client = Client(
        base_url="https://alma.test", api_key="KEY", transport=httpx.MockTransport(handler)
    )
    with pytest.raises(errors.ResponseValidationError):
        client.jobs.get_job("M135")


def test_region_helper_builds_the_base_url() -> None:
    client = Client(region="eu", api_key="KEY")
    assert repr(client) == "Client(base_url='https://api-eu.hosted.exlibrisgroup.com/almaws/v1')"
    with pytest.raises(ValueError, match="unknown region"):
        Client(region="mars", api_key="KEY")
    assert "KEY" not in repr(client)


def test_an_xml_page_with_one_instance_is_still_a_list() -> None:
    page = (
        b"<job_instances total_record_count='1'><job_instance><id>1</id>"
        b"<counter><type desc='Records'>r</type><value>5</value></counter>"
        b"</job_instance></job_instances>"
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/xml"}, content=page)

    client = Client(
        base_url="https://alma.test", api_key="KEY", transport=httpx.MockTransport(handler)
    )
    answer = client.instances.get_job_instances("M135")
    assert answer.total_record_count == 1
    assert answer.job_instance is not None and len(answer.job_instance) == 1
    assert answer.job_instance[0].counter is not None and len(answer.job_instance[0].counter) == 1
