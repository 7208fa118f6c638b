"""``python -m generator``: the toolkit's command line.

Exit codes: 0 fine, 1 a difference found, 2 bad input or usage. Errors are one line naming the
file and the line or JSON pointer; no traceback for bad input.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.canonical import write_atomically
from generator.errors import SpecError, Warnings
from generator.normalize import Normalized, normalize_source, normalize_system
from generator.source_files import SourceFiles
from generator.systems import SPEC_NAME, default_specs_folder, load_systems

EXIT_OK, EXIT_DIFFERENT, EXIT_BAD_INPUT = 0, 1, 2


def _print_warnings(warnings: Warnings) -> None:
    for warning in warnings.items:
        print(f"warning: {warning}", file=sys.stderr)


def _normalize(arguments: argparse.Namespace) -> int:
    targets: list[str] = arguments.targets
    sources = [t for t in targets if Path(t).is_file()]
    if sources:
        if len(targets) != 1:
            raise SpecError("give one source file, or system ids only")
        result = normalize_source(
            Path(sources[0]), root=Path(arguments.root) if arguments.root else None
        )
        _print_warnings(result.warnings)
        if arguments.output in (None, "-"):
            sys.stdout.write(result.to_yaml())
        else:
            write_atomically(Path(arguments.output), result.to_yaml())
        return EXIT_OK
    if arguments.output or arguments.root:
        raise SpecError("-o and --root go with a source file, not with system ids")
    specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
    manifests = load_systems(specs, targets)
    # Everything is computed before anything is written: one bad system leaves all as they were.
    results: list[tuple[Path, Normalized]] = []
    for manifest in manifests:
        result = normalize_system(manifest)
        _print_warnings(result.warnings)
        results.append((manifest.folder / SPEC_NAME, result))
    for path, result in results:
        text = result.to_yaml()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomically(path, text)
            if not arguments.quiet:
                print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _generate(arguments: argparse.Namespace) -> int:
    # Imported here: `normalize` alone should not pay for datamodel-code-generator's import.
    from generator.generate import PackageSource, write_packages

    targets: list[str] = arguments.targets
    sources = [t for t in targets if Path(t).is_file()]
    if sources:
        if len(targets) != 1 or not arguments.output or not arguments.package:
            raise SpecError("a source file needs -o DIR and --package NAME, and comes alone")
        result = normalize_source(Path(sources[0]))
        _print_warnings(result.warnings)
        packages = [PackageSource(result.document, arguments.package, result.source)]
        output = Path(arguments.output)
    else:
        if arguments.package:
            raise SpecError("--package goes with a source file; systems name their own")
        specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
        packages = []
        for manifest in load_systems(specs, targets):
            spec_file = manifest.folder / SPEC_NAME
            if not spec_file.is_file():
                raise SpecError("no normalized spec: run `normalize` first", file=spec_file)
            document = SourceFiles(manifest.folder).load(spec_file)
            packages.append(PackageSource(copy.deepcopy(document), manifest.package, spec_file))
        output = Path(arguments.output) if arguments.output else specs.parent / "generated"
    for path in write_packages(packages, output):
        if not arguments.quiet:
            print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Normalize API descriptions into OpenAPI 3.1 and generate Python clients.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    normalize = commands.add_parser(
        "normalize",
        help="sources -> canonical OpenAPI 3.1",
        description="Normalize the systems under specs/ (all when none is named) into "
        "specs/<system>/openapi.yaml, or one source file (OpenAPI 3.x, Swagger 2.0, "
        "RAML 1.0 or a compact source) into -o OUT.yaml (default: standard output).",
    )
    normalize.add_argument("targets", nargs="*", metavar="SYSTEM|SOURCE")
    normalize.add_argument("-o", "--output", help="where to write the normalized document")
    normalize.add_argument(
        "--root", help="folder no reference may leave (default: the source's folder)"
    )
    normalize.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")
    normalize.add_argument("-q", "--quiet", action="store_true", help="say only what is wrong")
    normalize.set_defaults(run=_normalize)
    generate = commands.add_parser(
        "generate",
        help="spec -> typed Python client package",
        description="Generate the client package of each system under specs/ (all when none "
        "is named) into generated/<package>/ from its normalized openapi.yaml, or of one "
        "source file (any format `normalize` reads) into -o DIR with --package NAME.",
    )
    generate.add_argument("targets", nargs="*", metavar="SYSTEM|SOURCE")
    generate.add_argument("-o", "--output", help="folder to write packages into")
    generate.add_argument("--package", help="the package name, for a source file")
    generate.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")
    generate.add_argument("-q", "--quiet", action="store_true", help="say only what is wrong")
    generate.set_defaults(run=_generate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except SpecError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RecursionError:
        print("error: the description nests too deeply to process", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
