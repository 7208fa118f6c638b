"""Models never show a credential in their repr or str, whatever spec they come from."""

from __future__ import annotations

import pytest

from generator.emit.models_prepare import is_credential_field
from tests.emit.test_models_codegen import models_module

TOKENS = ("acc3ss-s3cr3t", "r3fresh-s3cr3t", "id-s3cr3t", "cl1ent-s3cr3t", "pw-s3cr3t", "k3y")


def test_the_token_answer_of_liquid_decisions_shows_no_token() -> None:
    models = pytest.importorskip("liquid_decisions_batch.models")
    token = models.Token.model_validate(
        {"access_token": TOKENS[0], "refresh_token": TOKENS[1], "token_type": "bearer"}
    )
    for text in (repr(token), str(token), f"{token}", repr([token])):
        assert TOKENS[0] not in text and TOKENS[1] not in text
        assert "bearer" in text  # the rest of the model is still shown
    assert token.access_token == TOKENS[0]  # the value stays a plain str, for the caller
    assert token.model_dump()["refresh_token"] == TOKENS[1]  # and goes back to a server as is


def test_credential_fields_of_any_spec_are_left_out_of_repr() -> None:
    text = {"type": "string"}
    credential = {"$ref": "#/components/schemas/Opaque"}  # a reference is a credential too
    models = models_module(
        {
            "Opaque": text,
            "Login": {
                "type": "object",
                "required": ["accessToken"],
                "properties": {
                    "accessToken": text,
                    "refresh_token": credential,
                    "id_token": text,
                    "client_secret": text,
                    "password": {**text, "description": "x-repr in the spec is dropped"},
                    "apiKey": {**text, "x-repr": True},
                    "token_type": text,
                    "tokenExpiration": text,
                    "username": text,
                },
            },
        }
    )
    login = models.Login.model_validate(
        {
            "accessToken": TOKENS[0],
            "refresh_token": TOKENS[1],
            "id_token": TOKENS[2],
            "client_secret": TOKENS[3],
            "password": TOKENS[4],
            "apiKey": TOKENS[5],
            "token_type": "bearer",
            "tokenExpiration": "soon",
            "username": "ada",
        }
    )
    for shown in (repr(login), str(login)):
        for secret in TOKENS:
            assert secret not in shown
        assert "bearer" in shown and "soon" in shown and "ada" in shown
    assert login.access_token == TOKENS[0]


@pytest.mark.parametrize(
    ("name", "hidden"),
    [
        ("access_token", True),
        ("refreshToken", True),
        ("okapiToken", True),
        ("client_secret", True),
        ("password", True),
        ("api_key", True),
        ("apiKey", True),
        ("X-Api-Key", True),
        ("token_type", False),
        ("tokenExpiration", False),
        ("key", False),
        ("username", False),
    ],
)
def test_which_names_are_credentials(name: str, hidden: bool) -> None:
    assert is_credential_field(name) is hidden
