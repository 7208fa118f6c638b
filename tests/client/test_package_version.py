"""A package's version: the spec's info.version as PEP 440 writes it, or the manifest's."""

from __future__ import annotations

import pytest
from packaging.version import Version

from generator.client.package_version import package_version, pep440


@pytest.mark.parametrize(
    ("written", "version"),
    [
        ("1.0.0", "1.0.0"),
        ("v1.3", "1.3"),
        ("V2", "2"),
        ("1.0.0-beta.2", "1.0.0b2"),
        ("3.0.0-rc1", "3.0.0rc1"),
        ("1.0.0-SNAPSHOT", "1.0.0.dev0"),
        ("2.1.0-alpha", "2.1.0a0"),
        ("2024-06-20", "2024.6.20"),
        ("01.02", "1.2"),
        ("1.0.0-custom", "1.0.0"),
        ("latest", "0.0.0"),
        ("", "0.0.0"),
    ],
)
def test_info_version_is_written_as_pep_440_spells_it(written: str, version: str) -> None:
    assert pep440(written) == version
    assert str(Version(version)) == version  # what pip reads, normalized already


def test_the_manifests_version_wins_over_info_version() -> None:
    assert package_version({"version": "v1", "x-package-version": "1.4.2"}) == "1.4.2"
    assert package_version({"version": "v1"}) == "1"
    assert package_version({}) == "0.0.0"
