"""Properties of the client model that the templates print."""

from __future__ import annotations

from generator.client.client_model import ServerVariable


def _variable(description: str, choices: tuple[str, ...] = ("na", "eu")) -> ServerVariable:
    return ServerVariable("region", "region", "na", choices, description)


def test_a_server_variable_lists_its_choices_once() -> None:
    assert _variable("na North America, eu Europe").documentation == "na North America, eu Europe"
    assert _variable("The region").documentation == "The region. One of na, eu."
    # a choice inside another word is not named: "eu" in "Europe" is not the choice "eu"
    assert _variable("na or Europe").documentation == "na or Europe. One of na, eu."
    assert _variable("").documentation == "One of na, eu."


def test_a_server_variable_without_description_or_choices_names_its_part() -> None:
    assert _variable("", ()).documentation == "the ``{region}`` part of the URL."
