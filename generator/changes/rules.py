"""The catalogue of changes ``diff`` reports: a stable id, a level and a one-line meaning each.

Ids follow oasdiff's where one fits, so that people who know that tool read ours at once. The
level is how a caller experiences the change, so it depends on direction: a value the server
newly rejects breaks requests, while a value it newly sends may break response handling.

ERR  breaks callers that worked before.
WARN may break callers, depending on what they do.
INFO breaks no caller.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.IntEnum):
    INFO = 1
    WARN = 2
    ERR = 3


ERR, WARN, INFO = Level.ERR, Level.WARN, Level.INFO


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    meaning: str


@dataclass(frozen=True)
class Subject:
    """Where in an operation a schema sits, which decides the direction of its changes."""

    prefix: str  # request-property
    direction: str  # request | response
    kind: str  # parameter | body | property
    words: str  # request property


SUBJECTS = (
    Subject("request-parameter", "request", "parameter", "request parameter"),
    Subject("request-body", "request", "body", "request body"),
    Subject("request-property", "request", "property", "request property"),
    Subject("response-header", "response", "parameter", "response header"),
    Subject("response-body", "response", "body", "response body"),
    Subject("response-property", "response", "property", "response property"),
)
SUBJECT = {subject.prefix: subject for subject in SUBJECTS}

ALL_KINDS = frozenset(("parameter", "body", "property"))
STRUCTURED = frozenset(("body", "property"))


@dataclass(frozen=True)
class Aspect:
    """One kind of schema change, as it reads on a request and on a response."""

    suffix: str
    request: Level
    response: Level
    meaning: str
    kinds: frozenset[str] = ALL_KINDS


def _bound_aspects(bound: str, words: str, upper: bool) -> list[Aspect]:
    # An upper bound narrows when it is set or decreased; a lower bound when set or increased.
    narrower, wider = ("decreased", "increased") if upper else ("increased", "decreased")
    return [
        Aspect(f"{bound}-set", ERR, INFO, f"{words} is now limited"),
        Aspect(f"{bound}-{narrower}", ERR, INFO, f"{words} is tighter"),
        Aspect(f"{bound}-{wider}", INFO, WARN, f"{words} is looser"),
        Aspect(f"{bound}-unset", INFO, WARN, f"{words} is no longer limited"),
    ]


ASPECTS = [
    Aspect("type-changed", ERR, ERR, "the type changed"),
    Aspect("type-generalized", INFO, WARN, "the type now admits more (e.g. integer -> number)"),
    Aspect("format-changed", ERR, ERR, "the format changed"),
    Aspect("format-added", ERR, INFO, "a format now constrains the value"),
    Aspect("format-removed", INFO, WARN, "the format no longer constrains the value"),
    Aspect("became-enum", ERR, INFO, "only listed values are now allowed"),
    Aspect("no-longer-enum", INFO, WARN, "any value is now allowed, not only listed ones"),
    Aspect("enum-value-added", INFO, WARN, "an enum value was added"),
    Aspect("enum-value-removed", ERR, INFO, "an enum value was removed"),
    Aspect("became-nullable", INFO, ERR, "null is now allowed"),
    Aspect("became-not-nullable", ERR, INFO, "null is no longer allowed"),
    *_bound_aspects("max", "the maximum", upper=True),
    *_bound_aspects("exclusive-max", "the exclusive maximum", upper=True),
    *_bound_aspects("max-length", "the maximum length", upper=True),
    *_bound_aspects("max-items", "the maximum number of items", upper=True),
    *_bound_aspects("min", "the minimum", upper=False),
    *_bound_aspects("exclusive-min", "the exclusive minimum", upper=False),
    *_bound_aspects("min-length", "the minimum length", upper=False),
    *_bound_aspects("min-items", "the minimum number of items", upper=False),
    Aspect("pattern-added", ERR, INFO, "a pattern now constrains the value"),
    Aspect("pattern-changed", WARN, WARN, "the pattern changed"),
    Aspect("pattern-removed", INFO, WARN, "the pattern no longer constrains the value"),
    Aspect("default-value-added", INFO, INFO, "a default value was added"),
    Aspect("default-value-changed", WARN, INFO, "the default value changed"),
    Aspect("default-value-removed", WARN, INFO, "the default value was removed"),
    Aspect("deprecated", INFO, INFO, "deprecated", frozenset(("parameter", "property"))),
    Aspect("reactivated", INFO, INFO, "no longer deprecated", frozenset(("parameter", "property"))),
    Aspect("became-read-only", WARN, INFO, "became read-only", frozenset(("property",))),
    Aspect("became-not-read-only", INFO, INFO, "is no longer read-only", frozenset(("property",))),
    Aspect("became-write-only", INFO, ERR, "became write-only", frozenset(("property",))),
    Aspect(
        "became-not-write-only", INFO, INFO, "is no longer write-only", frozenset(("property",))
    ),
    Aspect(
        "additional-properties-disallowed",
        WARN,
        INFO,
        "properties not listed are no longer allowed",
        STRUCTURED,
    ),
    Aspect(
        "additional-properties-allowed",
        INFO,
        WARN,
        "properties not listed are now allowed",
        STRUCTURED,
    ),
    Aspect("one-of-added", INFO, WARN, "a oneOf alternative was added", STRUCTURED),
    Aspect("one-of-removed", ERR, INFO, "a oneOf alternative was removed", STRUCTURED),
    Aspect("any-of-added", INFO, WARN, "an anyOf alternative was added", STRUCTURED),
    Aspect("any-of-removed", ERR, INFO, "an anyOf alternative was removed", STRUCTURED),
    Aspect("all-of-added", ERR, INFO, "an allOf member was added", STRUCTURED),
    Aspect("all-of-removed", INFO, WARN, "an allOf member was removed", STRUCTURED),
    Aspect("discriminator-added", INFO, INFO, "a discriminator was added", STRUCTURED),
    Aspect("discriminator-removed", INFO, INFO, "the discriminator was removed", STRUCTURED),
    Aspect(
        "discriminator-property-name-changed",
        ERR,
        ERR,
        "the discriminator property changed",
        STRUCTURED,
    ),
    Aspect(
        "discriminator-mapping-added", INFO, WARN, "a discriminator value was added", STRUCTURED
    ),
    Aspect(
        "discriminator-mapping-deleted",
        ERR,
        INFO,
        "a discriminator value was removed",
        STRUCTURED,
    ),
    Aspect(
        "discriminator-mapping-changed",
        WARN,
        WARN,
        "a discriminator value maps to another schema",
        STRUCTURED,
    ),
]


def _schema_rules() -> list[Rule]:
    rules = []
    for subject in SUBJECTS:
        for aspect in ASPECTS:
            if subject.kind in aspect.kinds:
                level = aspect.request if subject.direction == "request" else aspect.response
                rules.append(
                    Rule(
                        f"{subject.prefix}-{aspect.suffix}",
                        level,
                        f"{subject.words}: " + aspect.meaning,
                    )
                )
    return rules


_OTHER_RULES = [
    # endpoints
    Rule("endpoint-added", INFO, "an operation was added"),
    Rule("api-path-removed-without-deprecation", ERR, "a path was removed without deprecation"),
    Rule("api-path-removed-with-deprecation", INFO, "a deprecated path was removed"),
    Rule("api-removed-without-deprecation", ERR, "an operation was removed without deprecation"),
    Rule("api-removed-with-deprecation", INFO, "a deprecated operation was removed"),
    Rule("endpoint-deprecated", INFO, "an operation was deprecated"),
    Rule("endpoint-reactivated", INFO, "an operation is no longer deprecated"),
    Rule("api-operation-id-removed", WARN, "the operationId changed (the client method's name)"),
    Rule("api-operation-id-added", INFO, "an operationId was added"),
    Rule("api-tag-added", INFO, "a tag was added to an operation"),
    Rule("api-tag-removed", INFO, "a tag was removed from an operation"),
    # parameters
    Rule("new-required-request-parameter", ERR, "a required parameter was added"),
    Rule("new-optional-request-parameter", INFO, "an optional parameter was added"),
    Rule("request-parameter-removed", WARN, "a parameter was removed"),
    Rule(
        "request-parameter-renamed",
        ERR,
        "a parameter was renamed, all else unchanged: the old name is no longer read",
    ),
    Rule("request-parameter-became-required", ERR, "a parameter became required"),
    Rule("request-parameter-became-optional", INFO, "a parameter became optional"),
    Rule(
        "request-parameter-serialization-changed",
        ERR,
        "a parameter is serialized differently (style or explode)",
    ),
    # request bodies
    Rule("added-required-request-body", ERR, "a required request body was added"),
    Rule("added-optional-request-body", INFO, "an optional request body was added"),
    Rule("request-body-removed", ERR, "the request body was removed"),
    Rule("request-body-became-required", ERR, "the request body became required"),
    Rule("request-body-became-optional", INFO, "the request body became optional"),
    Rule("request-body-media-type-added", INFO, "a request media type was added"),
    Rule("request-body-media-type-removed", ERR, "a request media type was removed"),
    # request and response properties
    Rule("new-required-request-property", ERR, "a required request property was added"),
    Rule("new-optional-request-property", INFO, "an optional request property was added"),
    Rule("request-property-removed", WARN, "a request property was removed"),
    Rule("request-property-became-required", ERR, "a request property became required"),
    Rule("request-property-became-optional", INFO, "a request property became optional"),
    Rule("response-required-property-added", INFO, "a required response property was added"),
    Rule("response-optional-property-added", INFO, "an optional response property was added"),
    Rule("response-required-property-removed", ERR, "a required response property was removed"),
    Rule("response-optional-property-removed", WARN, "an optional response property was removed"),
    Rule("response-property-became-optional", ERR, "a response property became optional"),
    Rule("response-property-became-required", INFO, "a response property became required"),
    # responses
    Rule("response-success-status-added", INFO, "a success status was added"),
    Rule("response-success-status-removed", ERR, "a success status was removed"),
    Rule("response-non-success-status-added", INFO, "an error status was added"),
    Rule("response-non-success-status-removed", INFO, "an error status was removed"),
    Rule("response-media-type-added", INFO, "a response media type was added"),
    Rule("response-media-type-removed", ERR, "a response media type was removed"),
    Rule("response-header-added", INFO, "a response header was added"),
    Rule("required-response-header-removed", ERR, "a required response header was removed"),
    Rule("optional-response-header-removed", WARN, "an optional response header was removed"),
    Rule("response-header-became-optional", ERR, "a response header became optional"),
    Rule("response-header-became-required", INFO, "a response header became required"),
    # security
    Rule("api-security-became-required", ERR, "an open operation now needs credentials"),
    Rule("api-security-became-optional", INFO, "an operation no longer needs credentials"),
    Rule("api-security-added", INFO, "another way to authenticate was added"),
    Rule("api-security-removed", ERR, "a way to authenticate was removed"),
    Rule("api-security-scope-added", ERR, "a security requirement needs another scope"),
    Rule("api-security-scope-removed", INFO, "a security requirement needs one scope less"),
    Rule("api-security-component-added", INFO, "a security scheme was added"),
    Rule("api-security-component-removed", INFO, "a security scheme was removed"),
    Rule(
        "api-security-component-type-changed",
        WARN,
        "a security scheme takes its credential another way",
    ),
    # the document
    Rule("api-server-added", INFO, "a server was added"),
    Rule("api-server-removed", WARN, "a server was removed"),
    Rule("api-schema-added", INFO, "a component schema was added"),
    Rule("api-schema-removed", INFO, "a component schema was removed"),
    Rule("api-schema-renamed", INFO, "a component schema was renamed, its content unchanged"),
    # upstream drift
    Rule("correction-stale", WARN, "upstream no longer says what a manifest correction fixes"),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in [*_schema_rules(), *_OTHER_RULES]}
