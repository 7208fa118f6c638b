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


def parse_body_opc(count: int) -> float:
    from folio_data_export_spring_client import Client
    from folio_data_export_spring_client.api.jobs import get_jobs

    answer, client = _answer(count), Client(base_url="http://127.0.0.1")
    return _best(lambda: get_jobs._parse_response(client=client, response=answer))


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

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK add 40 ms to every answer, whoever the client is.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve() -> None:
    """A keep-alive JSON server on loopback; prints its port, serves until killed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


def calls_raw(url: str, count: int) -> float:
    import httpx

    with httpx.Client(base_url=url) as client:

        def run() -> None:
            for _ in range(count):
                json.loads(client.get("/data-export-spring/jobs", params={"limit": 10}).content)

        return _best(run) / count


def calls_raw_and_ours(url: str, count: int) -> tuple[float, float]:
    """Raw httpx and our client, taking turns in one process: on a shared machine, a slow
    spell then falls on both (best of ten rounds each)."""
    import httpx
    from folio_data_export_spring import Client

    with httpx.Client(base_url=url) as raw, Client(base_url=url, tenant="diku", token="t") as ours:

        def run_raw() -> None:
            for _ in range(count):
                json.loads(raw.get("/data-export-spring/jobs", params={"limit": 10}).content)

        def run_ours() -> None:
            for _ in range(count):
                ours.jobs.get_jobs(limit=10)

        raw_best = ours_best = float("inf")
        for _ in range(10):
            for run, is_raw in ((run_raw, True), (run_ours, False)):
                started = time.perf_counter()
                run()
                elapsed = (time.perf_counter() - started) / count
                if is_raw:
                    raw_best = min(raw_best, elapsed)
                else:
                    ours_best = min(ours_best, elapsed)
        return raw_best, ours_best


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
    measured = {
        "parse-body-ours": lambda: parse_body_ours(int(arguments[1])),
        "parse-body-opc": lambda: parse_body_opc(int(arguments[1])),
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
