"""Which credentials a call sends: the OpenAPI ``security`` requirement of its operation.

A requirement is a tuple of alternatives, each a tuple of scheme names that go together (AND);
``()`` is ``security: []``: the call sends no credentials. A generated ``OperationSpec`` carries
its operation's requirement when it differs from the document's (``None`` otherwise); the
transport puts it on the request (``REQUIREMENT``) and ``Security``, the client's one auth,
applies the first alternative whose schemes all have credentials. An alternative with no
schemes (``{}``: anonymous allowed) is taken only when no other can be; a call none of whose
alternatives has credentials is sent without any, and the server's 401 is the caller's
``AuthenticationError``.

The schemes of one alternative sign the same request; at most one of them may fetch a token
(the generator sees to it), and it runs last, so that its 401 retry keeps the others' values.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator, Mapping

import httpx

from ._auth import _TokenAuth

Requirement = tuple[tuple[str, ...], ...]
REQUIREMENT = "openapi_security"  # the request extension the transport sets


class Security(httpx.Auth):
    """The schemes the caller gave credentials for (by scheme name), and the default
    requirement of the operations that state none of their own."""

    def __init__(self, schemes: Mapping[str, httpx.Auth | None], default: Requirement) -> None:
        self.schemes = {name: auth for name, auth in schemes.items() if auth is not None}
        self.default = default
        headers = (
            h for auth in self.schemes.values() for h in getattr(auth, "credential_headers", ())
        )
        # what never leaves the origin (``_redirects``)
        self.credential_headers = tuple(dict.fromkeys(headers))
        # the auths of each requirement met so far: the choice depends on nothing else
        self._chosen: dict[Requirement, list[httpx.Auth]] = {}

    def __repr__(self) -> str:
        return f"Security(schemes={sorted(self.schemes)!r})"

    @staticmethod
    def given(scheme: str, **credentials: object) -> bool:
        """Whether the caller gave the Client() arguments of ``scheme``: all of them (True) or
        none (False); some without the others is a mistake, refused rather than sent without."""
        missing = [name for name, value in credentials.items() if value is None]
        if missing and len(missing) < len(credentials):
            raise ValueError(
                f"the {scheme!r} credentials also need {', '.join(missing)}; "
                "give all of them or none"
            )
        return not missing

    def chosen(self, request: httpx.Request) -> list[httpx.Auth]:
        """The auths that sign ``request``, each once, the one that fetches a token last."""
        requirement: Requirement = request.extensions.get(REQUIREMENT, self.default)
        chosen = self._chosen.get(requirement)
        if chosen is None:
            chosen = self._chosen[requirement] = self._choose(requirement)
        return list(chosen)

    def _choose(self, requirement: Requirement) -> list[httpx.Auth]:
        for alternative in sorted(requirement, key=lambda names: not names):
            if all(name in self.schemes for name in alternative):
                auths = list({id(a): a for a in (self.schemes[n] for n in alternative)}.values())
                return sorted(auths, key=lambda auth: isinstance(auth, _TokenAuth))
        return []

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        auths = self.chosen(request)
        for auth in auths[:-1]:
            _sign(auth, request)
        if not auths:
            yield request
            return
        yield from auths[-1].sync_auth_flow(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        auths = self.chosen(request)
        for auth in auths[:-1]:
            await _async_sign(auth, request)
        if not auths:
            yield request
            return
        flow = auths[-1].async_auth_flow(request)
        try:
            step = await flow.__anext__()
            while True:
                response = yield step
                try:
                    step = await flow.asend(response)
                except StopAsyncIteration:
                    return
        finally:
            await flow.aclose()


def _sign(auth: httpx.Auth, request: httpx.Request) -> None:
    """Let a scheme that sends its value as it is (no calls of its own) put it on ``request``."""
    flow = auth.sync_auth_flow(request)
    next(flow)
    flow.close()


async def _async_sign(auth: httpx.Auth, request: httpx.Request) -> None:
    """``_sign`` for the async client, whose token provider may be async."""
    flow = auth.async_auth_flow(request)
    try:
        await flow.__anext__()
    finally:
        await flow.aclose()
