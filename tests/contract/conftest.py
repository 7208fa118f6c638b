"""One Prism server per committed spec and test process, started when first needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SPECS
from tests.contract.prism import PrismServer


@pytest.fixture(scope="session")
def prism() -> Iterator[Callable[[str], PrismServer]]:
    servers: dict[str, PrismServer] = {}

    def server(system: str) -> PrismServer:
        if system not in servers:
            servers[system] = PrismServer(Path(SPECS / system / "openapi.yaml")).start()
        return servers[system]

    yield server
    for running in servers.values():
        running.stop()
