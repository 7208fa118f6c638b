"""The generated resources' base: the transport, and a ``with_raw_response`` made once."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from pydantic import BaseModel
from runtime import _raw, _resource
from runtime._operation import OperationSpec, ResponseSpec
from runtime._response import APIResponse
from runtime._transport import AsyncTransport, SyncTransport


class Thing(BaseModel):
    id: str


GET: OperationSpec[Thing] = OperationSpec("GET", "/thing", (ResponseSpec(200, "json", Thing),))


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"id": "t1"}, headers={"X-Seen": "yes"})


class ThingsWithRawResponse:
    def __init__(self, resource: Things) -> None:
        self.get = _raw.raw(resource.get)


class Things(_resource.SyncResource[ThingsWithRawResponse]):
    _raw_class = ThingsWithRawResponse

    def get(self) -> Thing:
        return self._transport.request(GET).parse()


class AsyncThingsWithRawResponse:
    def __init__(self, resource: AsyncThings) -> None:
        self.get = _raw.async_raw(resource.get)


class AsyncThings(_resource.AsyncResource[AsyncThingsWithRawResponse]):
    _raw_class = AsyncThingsWithRawResponse

    async def get(self) -> Thing:
        return (await self._transport.request(GET)).parse()


def test_a_sync_resource_answers_parsed_and_raw_through_one_twin() -> None:
    things = Things(SyncTransport("http://api.test", transport=httpx.MockTransport(_answer)))
    assert things.get() == Thing(id="t1")
    raw: APIResponse[Thing] = things.with_raw_response.get()
    assert (raw.status_code, raw.headers["X-Seen"], raw.parse()) == (200, "yes", Thing(id="t1"))
    assert things.with_raw_response is things.with_raw_response


def test_an_async_resource_answers_parsed_and_raw_through_one_twin() -> None:
    async def run() -> Any:
        transport = AsyncTransport("http://api.test", transport=httpx.MockTransport(_answer))
        things = AsyncThings(transport)
        parsed = await things.get()
        raw = await things.with_raw_response.get()
        same = things.with_raw_response is things.with_raw_response
        await transport.aclose()
        return parsed, raw.status_code, raw.headers["X-Seen"], raw.parse(), same

    assert asyncio.run(run()) == (Thing(id="t1"), 200, "yes", Thing(id="t1"), True)
