"""A manifest's x-login is checked where it is written: a mistake names its pointer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.project.manifest import load_manifest
from generator.shared.errors import SpecError

_TOKEN = {"type": "apiKey", "in": "header", "name": "X-Token"}


def _manifest(tmp_path: Path, login: object) -> Path:
    data = {
        "system": "x",
        "package": "x",
        "title": "X",
        "source": "api.yaml",
        "servers": [{"url": "https://x.test"}],
        "auth": {"schemes": {"token": {**_TOKEN, "x-login": login}}, "security": [{"token": []}]},
    }
    path = tmp_path / "x" / "manifest.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(yaml.safe_dump(data))
    return path


def test_a_login_endpoint_says_where_the_token_comes_back(tmp_path: Path) -> None:
    login = {"endpoints": [{"path": "/login", "token-field": "token"}], "tenant-scheme": "t"}
    assert load_manifest(_manifest(tmp_path / "good", login)).package == "x"
    with pytest.raises(SpecError, match="invalid manifest") as raised:
        load_manifest(_manifest(tmp_path, {"endpoints": [{"path": "/login"}]}))
    assert raised.value.pointer == "/auth/schemes/token/x-login/endpoints/0"
