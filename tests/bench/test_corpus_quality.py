"""bench/corpus_quality: what "only its declared dependencies" means for each tool's package, and
why openapi-python-client made no client, as the table says it."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.corpus_quality import _declared, _missing, _opc_reason


def test_the_declared_distributions_are_poetrys_or_pep_621s_with_the_typing_extra(
    tmp_path: Path,
) -> None:
    opc, ours = tmp_path / "opc", tmp_path / "ours"
    opc.mkdir()
    ours.mkdir()
    (opc / "pyproject.toml").write_text(
        '[tool.poetry.dependencies]\npython = "^3.11"\nhttpx = ">=0.23.1,<0.29.0"\n'
        'attrs = ">=22.2.0"\npython-dateutil = "^2.8.0"\n'
    )
    (ours / "pyproject.toml").write_text(
        '[project]\nname = "p"\ndependencies = ["httpx>=0.27", "pydantic[email]>=2.7",'
        " \"defusedxml ; python_version < '4'\"]\n"
        '[project.optional-dependencies]\ntyping = ["types-defusedxml>=0.7"]\nother = ["rich"]\n'
    )
    assert _declared(opc) == ["attrs", "httpx", "python-dateutil"]
    assert _declared(ours) == ["defusedxml", "httpx", "pydantic", "types-defusedxml"]


def test_a_declared_distribution_the_checker_lacks_is_named() -> None:
    python = Path(sys.executable)
    assert _missing(python, ["pydantic", "no-such-distribution-here"]) == [
        "no-such-distribution-here"
    ]


def test_opc_says_why_it_made_no_client_after_its_first_line() -> None:
    said = (
        "Error(s) encountered while generating, client was not created\n\n"
        "Failed to parse OpenAPI document\n\n"
        "You may be trying to use a Swagger document; this is not supported by this project.\n"
    )
    assert _opc_reason(said).startswith("You may be trying to use a Swagger document")
    assert _opc_reason("Error(s) encountered\nFailed to parse OpenAPI document") == (
        "Failed to parse OpenAPI document"
    )
