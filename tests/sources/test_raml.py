"""The RAML 1.0 loader, on FOLIO's real files and on small fixtures in raml_cases/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.shared.errors import SpecError, Warnings
from generator.sources import raml, raml_merge
from generator.sources.source_files import SourceFiles

UPSTREAM = Path(__file__).parents[3] / "shared" / "upstream"
CASES = Path(__file__).parent / "raml_cases"

needs_upstream = pytest.mark.skipif(
    not UPSTREAM.is_dir(), reason=f"upstream FOLIO files not found in {UPSTREAM}"
)


def load(path: Path, warnings: Warnings | None = None) -> dict[str, Any]:
    return raml.load(
        path, SourceFiles(path.parent), warnings if warnings is not None else Warnings()
    )


def operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in raml.METHODS
    ]


def parameters(operation: dict[str, Any], location: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation.get("parameters", []) if p["in"] == location}


# --- FOLIO: mod-erm-usage-harvester -----------------------------------------------------------


@pytest.fixture(scope="module")
def harvester() -> dict[str, Any]:
    return load(UPSTREAM / "folio-erm-usage-harvester" / "ramls" / "harvester.raml")


@pytest.mark.upstream
@needs_upstream
def test_harvester_has_its_seven_operations(harvester: dict[str, Any]) -> None:
    assert operations(harvester) == [
        ("GET", "/erm-usage-harvester/start"),
        ("GET", "/erm-usage-harvester/start/{id}"),
        ("GET", "/erm-usage-harvester/impl"),
        ("GET", "/erm-usage-harvester/jobs"),
        ("POST", "/erm-usage-harvester/jobs/purgefinished"),
        ("POST", "/erm-usage-harvester/jobs/purgestale"),
        ("POST", "/erm-usage-harvester/jobs/cleanup"),
    ]
    # No (operationId) annotations upstream: the normalizer names the operations.
    for path, item in harvester["paths"].items():
        for operation in item.values():
            assert "operationId" not in operation, path


@pytest.mark.upstream
@needs_upstream
def test_harvester_info_and_server(harvester: dict[str, Any]) -> None:
    assert harvester["info"]["title"] == "mod-erm-usage-harvester API"
    assert harvester["info"]["version"] == "v1.3"
    assert "API calls that can be made" in harvester["info"]["description"]
    assert harvester["servers"] == [{"url": "http://localhost/erm-usage-harvester"}]


@pytest.mark.upstream
@needs_upstream
def test_harvester_jobs_query_parameters_come_from_the_method_and_its_traits(
    harvester: dict[str, Any],
) -> None:
    get_jobs = harvester["paths"]["/erm-usage-harvester/jobs"]["get"]
    query = parameters(get_jobs, "query")
    assert list(query) == ["timestamp", "providerId", "query", "totalRecords", "offset", "limit"]
    assert not any(p["required"] for p in query.values())
    assert query["timestamp"]["schema"] == {"type": "number"}
    assert query["limit"]["schema"] == {
        "type": "integer",
        "default": 10,
        "minimum": 0,
        "maximum": 2147483647,
    }
    assert query["totalRecords"]["schema"]["pattern"] == "exact|estimated|none|auto"


@pytest.mark.upstream
@needs_upstream
def test_harvester_searchable_trait_parameters_are_substituted(harvester: dict[str, Any]) -> None:
    query = parameters(harvester["paths"]["/erm-usage-harvester/jobs"]["get"], "query")["query"]
    assert query["description"].rstrip().endswith("CQL string")
    assert query["example"].rstrip().endswith("type==provider")
    assert "<<" not in query["description"] + query["example"]


@pytest.mark.upstream
@needs_upstream
def test_harvester_purgefinished_timestamp_is_required(harvester: dict[str, Any]) -> None:
    purge = harvester["paths"]["/erm-usage-harvester/jobs/purgefinished"]["post"]
    timestamp = parameters(purge, "query")["timestamp"]
    assert timestamp["required"] is True
    assert timestamp["example"] == 1641020400000
    assert purge["responses"]["204"] == {"description": "Success"}


@pytest.mark.upstream
@needs_upstream
def test_harvester_implicit_path_parameter_is_a_required_string(harvester: dict[str, Any]) -> None:
    start = harvester["paths"]["/erm-usage-harvester/start/{id}"]["get"]
    assert parameters(start, "path") == {
        "id": {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    }


@pytest.mark.upstream
@needs_upstream
def test_harvester_bodies_and_schemas(harvester: dict[str, Any]) -> None:
    start = harvester["paths"]["/erm-usage-harvester/start"]["get"]
    # `application/json:` with nothing under it: a media type without schema.
    assert start["responses"]["500"]["content"] == {"application/json": {}, "text/plain": {}}
    impl = harvester["paths"]["/erm-usage-harvester/impl"]["get"]
    assert impl["responses"]["200"]["content"]["application/json"] == {
        "schema": {"$ref": "#/components/schemas/serviceImplementations"}
    }
    assert harvester["components"]["schemas"] == {
        "jobInfos": {"$ref": "schemas/jobInfos.json"},
        "serviceImplementations": {"$ref": "schemas/serviceImplementations.json"},
        "errors": {"$ref": "raml-util/schemas/errors.schema"},
    }


# --- FOLIO: mod-orders-storage batch tracking -------------------------------------------------


@pytest.fixture(scope="module")
def batch_tracking() -> tuple[dict[str, Any], Warnings]:
    warnings = Warnings()
    path = UPSTREAM / "folio-orders-storage" / "ramls" / "batch-tracking.raml"
    return load(path, warnings), warnings


@pytest.mark.upstream
@needs_upstream
def test_batch_tracking_operations(batch_tracking: tuple[dict[str, Any], Warnings]) -> None:
    document, _ = batch_tracking
    assert operations(document) == [
        ("POST", "/orders-storage/batch-tracking"),
        ("DELETE", "/orders-storage/batch-tracking/{id}"),
        ("POST", "/orders-storage/batch-tracking/cleanup"),
    ]
    # A resource's displayName is not a tag.
    assert "tags" not in document["paths"]["/orders-storage/batch-tracking"]["post"]


@pytest.mark.upstream
@needs_upstream
def test_batch_tracking_validate_trait_adds_422_with_the_example_file(
    batch_tracking: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = batch_tracking
    post = document["paths"]["/orders-storage/batch-tracking"]["post"]
    assert list(post["responses"]) == ["201", "400", "500", "422"]
    assert post["responses"]["422"] == {
        "description": "Validation errors",
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/errors"},
                "example": {"$ref": "raml-util/examples/errors.sample"},
            }
        },
    }
    assert post["requestBody"] == {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/batch-tracking"}}
        },
    }


@pytest.mark.upstream
@needs_upstream
def test_batch_tracking_example_declared_as_type_is_skipped_with_a_warning(
    batch_tracking: tuple[dict[str, Any], Warnings],
) -> None:
    document, warnings = batch_tracking
    schemas = document["components"]["schemas"]
    assert list(schemas) == ["batch-tracking", "errors", "UUID"]
    assert schemas["batch-tracking"] == {
        "$ref": "acq-models/mod-orders-storage/schemas/batch_tracking.json"
    }
    assert schemas["UUID"]["type"] == "string"
    assert schemas["UUID"]["pattern"].startswith("^[0-9a-fA-F]{8}-")
    [warning] = [w for w in warnings.items if "exampleItem" in w.message]
    assert warning.pointer == "/types/exampleItem"
    assert "batch_tracking.sample" in warning.message


@pytest.mark.upstream
@needs_upstream
def test_batch_tracking_declared_uri_parameter_uses_its_type(
    batch_tracking: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = batch_tracking
    delete = document["paths"]["/orders-storage/batch-tracking/{id}"]["delete"]
    assert parameters(delete, "path")["id"] == {
        "name": "id",
        "in": "path",
        "required": True,
        "description": "Batch tracking ID (UUID)",
        "schema": {"$ref": "#/components/schemas/UUID"},
    }


@pytest.mark.upstream
@needs_upstream
def test_output_is_deterministic() -> None:
    path = UPSTREAM / "folio-erm-usage-harvester" / "ramls" / "harvester.raml"
    assert json.dumps(load(path)) == json.dumps(load(path))


# --- Fixtures: resource types, traits, parameters ---------------------------------------------


@pytest.fixture(scope="module")
def library() -> tuple[dict[str, Any], Warnings]:
    warnings = Warnings()
    return load(CASES / "library" / "api.raml", warnings), warnings


def test_info_gets_description_and_included_documentation(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = library
    assert document["info"] == {
        "title": "Library API",
        "version": "v2",
        "description": "Books and their authors.\n\n## Paging\n\n"
        "Lists page with `offset` and `limit`.\n",
    }
    assert document["servers"] == [{"url": "https://api.example.org/library/v2"}]


def test_optional_methods_of_resource_types_apply_only_where_declared(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = library
    assert operations(document) == [
        ("GET", "/books"),
        ("GET", "/books/{bookId}"),
        ("DELETE", "/books/{bookId}"),
        ("GET", "/books/{bookId}/chapters/{chapterNo}"),
        ("GET", "/author"),
        ("POST", "/author"),
    ]


def test_resource_type_parameters_with_singularize_and_pluralize(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = library
    paths = document["paths"]
    # /books: plural path name; /author: singular path name.
    assert paths["/books"]["description"] == "All books"
    assert paths["/books"]["get"]["responses"]["200"]["content"]["application/json"] == {
        "schema": {"$ref": "#/components/schemas/books"}
    }
    assert paths["/author"]["get"]["description"] == "List authors"
    assert paths["/author"]["get"]["responses"]["200"]["content"]["application/json"] == {
        "schema": {"$ref": "#/components/schemas/authors"}
    }
    post = paths["/author"]["post"]
    assert post["description"] == "Create author"
    # A parameter whose value is a mapping replaces `example: <<exampleItem>>` whole.
    assert post["requestBody"]["content"]["application/json"] == {
        "schema": {"$ref": "#/components/schemas/author"},
        "example": {"name": "Ann"},
    }
    assert post["responses"]["201"]["headers"]["Location"]["description"] == (
        "Where the new author is"
    )
    item = paths["/books/{bookId}"]
    assert item["get"]["description"] == "Get one book"
    assert item["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/book"
    }
    assert item["delete"]["responses"]["204"] == {"description": "Deleted BOOK"}


def test_method_declarations_win_over_traits_and_annotations_apply(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = library
    get_books = document["paths"]["/books"]["get"]
    assert get_books["operationId"] == "listBooks"
    assert get_books["tags"] == ["books"]
    assert get_books["summary"] == "List the books"
    # The trait parameter `maxLimit: 50` keeps its type when it is the whole value.
    assert parameters(get_books, "query")["limit"]["schema"] == {"type": "integer", "maximum": 50}
    assert get_books["responses"]["400"]["description"] == "Error"
    assert "operationId" not in document["paths"]["/author"]["get"]


def test_resource_traits_use_method_name_and_resource_path(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = library
    item = document["paths"]["/books/{bookId}"]
    for method, header in (("get", "X-Get-Reason"), ("delete", "X-Delete-Reason")):
        reason = parameters(item[method], "header")[header]
        assert reason["required"] is False
        assert reason["description"] == f"Why {method} was called on /books/{{bookId}}"


def test_nested_uri_parameters_and_optional_query_parameters(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, _ = library
    chapters = document["paths"]["/books/{bookId}/chapters/{chapterNo}"]["get"]
    path = parameters(chapters, "path")
    assert list(path) == ["bookId", "chapterNo"]
    assert path["bookId"]["schema"] == {"$ref": "#/components/schemas/Isbn"}
    assert path["bookId"]["description"] == "The book's ISBN"
    assert path["chapterNo"] == {
        "name": "chapterNo",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
    }
    query = parameters(chapters, "query")
    assert {name: p["required"] for name, p in query.items()} == {
        "lang": False,  # `lang?`
        "full": False,  # `required: false`
        "format": True,  # RAML 1.0: required unless said otherwise
        "since": True,
    }
    assert query["since"]["schema"] == {"type": "string", "format": "date"}
    assert query["since"]["example"] == "2024-01-31"
    assert parameters(chapters, "header")["X-Trace"]["required"] is False


def test_example_json_declared_as_type_is_judged_by_content(
    library: tuple[dict[str, Any], Warnings],
) -> None:
    document, warnings = library
    schemas = document["components"]["schemas"]
    assert "bookExample" not in schemas
    assert schemas["book"] == {"$ref": "schemas/book.json"}
    assert [w.pointer for w in warnings.items] == ["/types/bookExample"]


# --- Fixtures: inline types -------------------------------------------------------------------


@pytest.fixture(scope="module")
def types() -> dict[str, Any]:
    schemas: dict[str, Any] = load(CASES / "types" / "api.raml")["components"]["schemas"]
    return schemas


def test_scalar_types_and_facets(types: dict[str, Any]) -> None:
    assert types["Status"] == {"type": "string", "enum": ["open", "closed"], "default": "open"}
    properties = types["Item"]["allOf"][1]["properties"]
    assert properties["size"] == {"type": "integer", "format": "int64", "minimum": 1}
    assert properties["when"] == {"type": "string", "format": "date-time"}
    assert properties["day"] == {"type": "string", "format": "date"}
    assert properties["blob"] == {"type": "string", "format": "binary"}
    assert properties["anything"] == {}
    assert properties["nothing"] == {"type": "null"}
    assert properties["tags"] == {"type": "array", "items": {"type": "string"}}


def test_objects_with_optional_properties_and_inheritance(types: dict[str, Any]) -> None:
    assert types["Base"] == {
        "type": "object",
        "description": "Common fields",
        "properties": {"id": {"type": "integer"}, "note": {"type": "string"}},
        "required": ["id"],
    }
    base, own = types["Item"]["allOf"]
    assert base == {"$ref": "#/components/schemas/Base"}
    assert own["required"] == ["status", "tags"]  # `size` says required: false; `when?` etc.
    assert own["properties"]["status"] == {"$ref": "#/components/schemas/Status"}
    # additionalProperties: false inside an allOf part would reject Base's properties.
    assert types["Item"]["unevaluatedProperties"] is False
    assert "additionalProperties" not in own
    assert types["Labelled"] == {"$ref": "#/components/schemas/Base", "title": "A labelled thing"}
    assert types["Mixed"] == {
        "allOf": [{"$ref": "#/components/schemas/Base"}, {"$ref": "#/components/schemas/Item"}]
    }


def test_unions_arrays_and_examples(types: dict[str, Any]) -> None:
    assert types["Either"] == {
        "anyOf": [{"$ref": "#/components/schemas/Item"}, {"$ref": "#/components/schemas/Base"}]
    }
    assert types["MaybeItems"] == {
        "type": "array",
        "items": {"anyOf": [{"$ref": "#/components/schemas/Item"}, {"type": "null"}]},
    }
    assert types["Items"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Item"},
        "minItems": 1,
        "example": [{"id": 1, "status": "open", "tags": []}],
    }


def test_body_without_media_type_uses_the_default() -> None:
    post = load(CASES / "types" / "api.raml")["paths"]["/items"]["post"]
    assert post["requestBody"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}
    }
    created = post["responses"]["201"]
    assert created["description"] == "Success"
    assert created["content"]["application/json"]["schema"]["required"] == ["id"]


@pytest.mark.parametrize(
    ("function", "value", "expected"),
    [
        ("singularize", "books", "book"),
        ("pluralize", "person", "people"),
        ("uppercase", "userId", "USERID"),
        ("lowercase", "userId", "userid"),
        ("lowercamelcase", "user_id", "userId"),
        ("uppercamelcase", "userId", "UserId"),
        ("lowerunderscorecase", "userId", "user_id"),
        ("upperunderscorecase", "userId", "USER_ID"),
        ("lowerhyphencase", "userId", "user-id"),
        ("upperhyphencase", "userId", "USER-ID"),
    ],
)
def test_parameter_functions(function: str, value: str, expected: str) -> None:
    assert raml_merge.substitute(f"<<name | !{function}>>", {"name": value}) == expected


# --- Fixtures: errors -------------------------------------------------------------------------


def error_of(name: str) -> SpecError:
    with pytest.raises(SpecError) as caught:
        load(CASES / "errors" / name)
    return caught.value


def test_cyclic_include_names_the_file_and_line_closing_the_cycle() -> None:
    error = error_of("cyclic.raml")
    assert Path(str(error.file)).name == "b.raml"
    assert error.line == 4
    assert "cyclic !include: cycle/a.raml -> cycle/b.raml -> cycle/a.raml" in str(error)


def test_missing_include_names_file_and_line() -> None:
    error = error_of("missing_include.raml")
    assert Path(str(error.file)).name == "missing_include.raml"
    assert error.line == 4
    assert "schemas/nowhere.json" in error.message and "not found" in error.message


def test_unknown_trait_names_file_and_pointer() -> None:
    error = error_of("unknown_trait.raml")
    assert Path(str(error.file)).name == "unknown_trait.raml"
    assert error.pointer == "/~1things/get/is/1"
    assert error.line == 9
    assert "unknown trait 'searchable'" in str(error)


def test_unknown_resource_type_names_file_and_pointer() -> None:
    error = error_of("unknown_resource_type.raml")
    assert error.pointer == "/~1things/type"
    assert "unknown resource type 'colection'" in error.message


def test_missing_trait_parameter_is_an_error() -> None:
    error = error_of("missing_parameter.raml")
    assert error.pointer == "/~1things/get/is/0"
    assert "<<what>>" in error.message


def test_unknown_type_names_the_place() -> None:
    error = error_of("unknown_type.raml")
    assert error.pointer == "/~1things/get/responses/200/body/application~1json/type"
    assert "unknown type 'Thing'" in error.message


def test_only_raml_1_0_api_descriptions_are_read() -> None:
    error = error_of("raml08.raml")
    assert error.line == 1
    assert "only RAML 1.0" in error.message
    with pytest.raises(SpecError, match="Trait fragment is not an API description"):
        load(CASES / "library" / "traits" / "pageable.raml")


def test_libraries_declare_prefixed_types_and_traits() -> None:
    document = load(CASES / "uses" / "api.raml")
    get_prices = document["paths"]["/prices"]["get"]
    assert parameters(get_prices, "query")["currency"]["required"] is False
    assert get_prices["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/finance.Money"},
    }
    money = document["components"]["schemas"]["finance.Money"]
    # Inside the library its own types are named without the prefix.
    assert money["properties"]["currency"] == {"$ref": "#/components/schemas/finance.Currency"}
