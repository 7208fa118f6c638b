"""One fault server per probe and pytest-xdist worker, for the whole session."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.faults.probes import Probe
from tests.faults.server import FaultServer


@pytest.fixture(scope="session")
def fault_server() -> Iterator[Callable[[Probe], FaultServer]]:
    servers: dict[str, FaultServer] = {}

    def server(probe: Probe) -> FaultServer:
        if probe.package not in servers:
            servers[probe.package] = FaultServer(probe.path, probe.success, probe.routes)
        return servers[probe.package]

    yield server
    for running in servers.values():
        running.close()
