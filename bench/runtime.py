"""Runtime: parsing 10,000 jobs into typed models, the cost of one call against a loopback
server, and import time — ours against raw httpx + json and against the client that
openapi-python-client generates from the same spec (FOLIO data-export-spring).

Each measurement runs in its own process, in the interpreter that has the code under test
(ours: the project's .venv; openapi-python-client's: the bench's peers venv), and prints one
number: seconds, best of several rounds.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ROUNDS = 5


def job(index: int) -> dict[str, Any]:
    """A job as FOLIO answers it: nested parameters, a metadata block, timestamps."""
    return {
        "id": str(uuid.UUID(int=index)),
        "name": f"job-{index:06d}",
        "description": "Bursar export",
        "source": "System",
        "isSystemSource": True,
        "tenant": "diku",
        "type": "BURSAR_FEES_FINES",
        "exportTypeSpecificParameters": {"query": "status=open"},
        "status": "SUCCESSFUL",
        "files": [f"https://files.example.org/{index}.dat"],
        "fileNames": [f"{index}.dat"],
        "startTime": "2026-11-30T03:00:00.000+00:00",
        "endTime": "2026-11-30T03:05:00.000+00:00",
        "metadata": {
            "createdDate": "2026-11-30T02:59:00.000+00:00",
            "createdByUserId": str(uuid.UUID(int=index + 1)),
            "updatedDate": "2026-11-30T03:05:00.000+00:00",
        },
        "outputFormat": "Fees & Fines Bursar Report",
        "progress": {"total": 100, "processed": 100, "progress": 100},
    }


def collection(count: int) -> dict[str, Any]:
    return {"jobRecords": [job(i) for i in range(count)], "totalRecords": count}


def _best(run: Any) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


# -- parsing --------------------------------------------------------------------------------
# Two measurements each: from the body as received, through the client's own handling of an
# answer (what a user's call costs), and from dicts already decoded (the models alone).


def _answer(count: int) -> Any:
    import httpx

    return httpx.Response(
        200,
        content=json.dumps(collection(count)).encode(),
        headers={"content-type": "application/json"},
        request=httpx.Request("GET", "http://127.0.0.1/data-export-spring/jobs"),
    )


def parse_body_ours(count: int) -> float:
    from folio_data_export_spring._runtime._response import APIResponse
    from folio_data_export_spring.resources import _GET_JOBS

    answer = _answer(count)
    return _best(lambda: APIResponse(answer, _GET_JOBS).parse())


def parse_validate_json_ours(count: int) -> float:
    """Only pydantic's ``validate_json`` of the same body, as ``parse()`` calls it: what is left
    of ours once the client's own handling is taken away."""
    from folio_data_export_spring import models
    from folio_data_export_spring._runtime._gc_pause import gc_paused
    from folio_data_export_spring._runtime._response import adapter

    body, jobs = _answer(count).content, adapter(models.JobCollection)

    def run() -> object:
        with gc_paused(len(body)):
            return jobs.validate_json(body)

    return _best(run)


def parse_body_opc(count: int) -> float:
    from folio_data_export_spring_client import Client
    from folio_data_export_spring_client.api.jobs import get_jobs

    answer, client = _answer(count), Client(base_url="http://127.0.0.1")
    return _best(lambda: get_jobs._parse_response(client=client, response=answer))


def parse_body_msgspec(count: int) -> float:
    """The same body into hand-written msgspec Structs (``bench.msgspec_jobs``): what an opt-in
    faster model engine would take; run where msgspec is installed."""
    from bench.msgspec_jobs import DECODER

    body = json.dumps(collection(count)).encode()
    return _best(lambda: DECODER.decode(body))


def parse_dicts_ours(count: int) -> float:
    from folio_data_export_spring import models

    data = collection(count)
    return _best(lambda: models.JobCollection.model_validate(data))


def parse_dicts_opc(count: int) -> float:
    from folio_data_export_spring_client.models.job_collection import JobCollection

    data = collection(count)
    return _best(lambda: JobCollection.from_dict(data))


# -- one call -------------------------------------------------------------------------------

BODY = json.dumps(collection(1)).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: measure the client, not TCP handshakes
    server: JsonServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK add 40 ms to every answer, whoever the client is.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class JsonServer(ThreadingHTTPServer):
    """A keep-alive loopback server answering ``body`` (JSON) to every GET, on a free port."""

    def __init__(self, body: bytes) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.body = body


def serve() -> None:
    """A keep-alive JSON server on loopback; prints its port, serves until killed."""
    server = JsonServer(BODY)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def calls_raw(url: str, count: int) -> float:
    import httpx

    with httpx.Client(base_url=url) as client:

        def run() -> None:
            for _ in range(count):
                json.loads(client.get("/data-export-spring/jobs", params={"limit": 10}).content)

        return _best(run) / count


# What the API needs on every call (its tenant and token) and what our client asks for: raw
# httpx sending these makes the same HTTP exchange as ours, so that the difference is the
# client's own work, not two more headers for the server to read.
SAME_HEADERS = {"X-Okapi-Tenant": "diku", "X-Okapi-Token": "t", "Accept": "application/json"}


def _turns(runs: list[Callable[[], None]], count: int, rounds: int = 50) -> list[float]:
    """Seconds per call of each run, taking turns: on a shared machine, a slow spell then falls
    on all of them; many short rounds (best of ``rounds`` each) so that some fall in a calm."""
    best = [float("inf")] * len(runs)
    for _ in range(rounds):
        for index, run in enumerate(runs):
            started = time.perf_counter()
            run()
            best[index] = min(best[index], (time.perf_counter() - started) / count)
    return best


def calls_raw_and_ours(url: str, count: int) -> tuple[float, float, float]:
    """Raw httpx, our client, and raw httpx sending the headers ours sends, taking turns."""
    import httpx
    from folio_data_export_spring import Client

    with (
        httpx.Client(base_url=url) as raw,
        httpx.Client(base_url=url, headers=SAME_HEADERS) as same,
        Client(base_url=url, tenant="diku", token="t") as ours,
    ):

        def run_raw(client: httpx.Client) -> Callable[[], None]:
            def run() -> None:
                for _ in range(count):
                    json.loads(client.get("/data-export-spring/jobs", params={"limit": 10}).content)

            return run

        def run_ours() -> None:
            for _ in range(count):
                ours.jobs.get_jobs(limit=10)

        raw_best, ours_best, same_best = _turns([run_raw(raw), run_ours, run_raw(same)], count)
        return raw_best, ours_best, same_best


def calls_raw_and_ours_async(url: str, count: int) -> tuple[float, float]:
    """The async clients: raw ``httpx.AsyncClient`` and our ``AsyncClient`` taking turns in one
    event loop, as ``calls_raw_and_ours``."""
    import asyncio

    import httpx
    from folio_data_export_spring import AsyncClient

    async def measure() -> tuple[float, float]:
        async with (
            httpx.AsyncClient(base_url=url) as raw,
            AsyncClient(base_url=url, tenant="diku", token="t") as ours,
        ):

            async def run_raw() -> None:
                for _ in range(count):
                    answer = await raw.get("/data-export-spring/jobs", params={"limit": 10})
                    json.loads(answer.content)

            async def run_ours() -> None:
                for _ in range(count):
                    await ours.jobs.get_jobs(limit=10)

            best = [float("inf"), float("inf")]
            for _ in range(50):
                for index, run in enumerate((run_raw, run_ours)):
                    started = time.perf_counter()
                    await run()
                    best[index] = min(best[index], (time.perf_counter() - started) / count)
            return best[0], best[1]

    return asyncio.run(measure())


def profile_call(url: str, count: int) -> None:
    """Where a call's time goes: cProfile of ``count`` calls of ours, the runtime's functions by
    cumulative time, then the functions whose own time grew most over raw httpx sending the
    same headers (profiling slows every Python call, so read it as shares, not microseconds)."""
    import cProfile
    import pstats

    import httpx
    from folio_data_export_spring import Client

    def profile(run: Callable[[], None]) -> pstats.Stats:
        for _ in range(100):
            run()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            run()
        profiler.disable()
        return pstats.Stats(profiler)

    with (
        httpx.Client(base_url=url, headers=SAME_HEADERS) as raw,
        Client(base_url=url, tenant="diku", token="t") as ours,
    ):
        theirs = profile(
            lambda: json.loads(raw.get("/data-export-spring/jobs", params={"limit": 10}).content)
        )
        mine = profile(lambda: ours.jobs.get_jobs(limit=10))
    mine.sort_stats("cumulative").print_stats("_runtime|resources", 25)

    def own_times(stats: pstats.Stats) -> dict[str, tuple[float, float]]:
        table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
        return {
            f"{path.rsplit('/', 2)[-1]}:{line}({name})": (calls / count, own)
            for (path, line, name), (calls, _, own, _, _) in table.items()
        }

    raw_times, our_times = own_times(theirs), own_times(mine)
    grown = sorted(
        (
            (our_times.get(key, (0, 0))[1] - raw_times.get(key, (0, 0))[1], key)
            for key in raw_times.keys() | our_times.keys()
        ),
        reverse=True,
    )
    print(f"own time grown over raw httpx (seconds over {count} calls; calls per call raw, ours)")
    for extra, key in grown[:25]:
        print(
            f"  {extra:+.3f}  {raw_times.get(key, (0, 0))[0]:5.1f} "
            f"{our_times.get(key, (0, 0))[0]:5.1f}  {key}"
        )


def calls_ours(url: str, count: int) -> float:
    from folio_data_export_spring import Client

    with Client(base_url=url, tenant="diku", token="t") as client:

        def run() -> None:
            for _ in range(count):
                client.jobs.get_jobs(limit=10)

        return _best(run) / count


def calls_opc(url: str, count: int) -> float:
    from folio_data_export_spring_client import AuthenticatedClient
    from folio_data_export_spring_client.api.jobs import get_jobs

    client = AuthenticatedClient(
        base_url=url, token="t", prefix="", auth_header_name="X-Okapi-Token"
    )
    with client:

        def run() -> None:
            for _ in range(count):
                get_jobs.sync(client=client, limit=10)

        return _best(run) / count


def main(arguments: list[str]) -> None:
    what = arguments[0]
    if what == "serve":
        serve()
        return
    if what == "calls-raw-and-ours":
        print(*calls_raw_and_ours(arguments[1], int(arguments[2])))
        return
    if what == "calls-raw-and-ours-async":
        print(*calls_raw_and_ours_async(arguments[1], int(arguments[2])))
        return
    if what == "profile-call":  # python -m bench.runtime profile-call URL [COUNT]
        profile_call(arguments[1], int(arguments[2]) if len(arguments) > 2 else 2000)
        return
    measured = {
        "parse-body-ours": lambda: parse_body_ours(int(arguments[1])),
        "parse-body-opc": lambda: parse_body_opc(int(arguments[1])),
        "parse-body-msgspec": lambda: parse_body_msgspec(int(arguments[1])),
        "parse-validate-json-ours": lambda: parse_validate_json_ours(int(arguments[1])),
        "parse-dicts-ours": lambda: parse_dicts_ours(int(arguments[1])),
        "parse-dicts-opc": lambda: parse_dicts_opc(int(arguments[1])),
        "calls-raw": lambda: calls_raw(arguments[1], int(arguments[2])),
        "calls-ours": lambda: calls_ours(arguments[1], int(arguments[2])),
        "calls-opc": lambda: calls_opc(arguments[1], int(arguments[2])),
    }[what]()
    print(measured)


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main(sys.argv[1:])
