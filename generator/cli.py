"""``python -m generator``: the toolkit's command line.

Exit codes: 0 fine, 1 a difference found, 2 bad input or usage. Errors are one line naming the
file and the line or JSON pointer; no traceback for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.build_cache import Stamp, digest, files_below, fresh_results, toolchain
from generator.emit.record import HandEditError, generated_files
from generator.project.systems import (
    MANIFEST_NAME,
    SPEC_NAME,
    default_specs_folder,
    load_systems,
    named_systems,
)
from generator.shared.errors import SpecError, Warnings

if TYPE_CHECKING:
    from generator.emit.generate import PackageSource
    from generator.normalize.normalize import Normalized
    from generator.project.manifest import Manifest

EXIT_OK, EXIT_DIFFERENT, EXIT_BAD_INPUT = 0, 1, 2

# What a source file is called; a target like these that does not exist is a missing file, not
# an unknown system (system ids are folder names under specs/, without a suffix or a slash).
_SOURCE_SUFFIXES = (".yaml", ".yml", ".json", ".raml")


class UsageError(SpecError):
    """Arguments that do not go together: answered with the subcommand's own usage."""


def _is_url(target: str) -> bool:
    """A target to download. Answered here, not by generator.sources.remote, whose import of
    httpx was a sixth of `generate SYSTEM` when the CLI imported it only to ask this."""
    return target.lower().startswith(("http://", "https://"))


def _source_targets(targets: list[str]) -> list[str]:
    """The targets naming a source file or URL rather than a system; a path that names
    nothing is said to be one, so that it is not reported as an unknown system."""
    sources = []
    for target in targets:
        path = Path(target)
        if _is_url(target) or path.is_file():
            sources.append(target)
        elif path.exists():
            raise SpecError(f"not a file: {target}")
        elif "/" in target or os.sep in target or path.suffix.lower() in _SOURCE_SUFFIXES:
            raise SpecError(f"no such file: {target}")
    return sources


@contextlib.contextmanager
def _local_source(target: str, arguments: argparse.Namespace) -> Iterator[tuple[Path, Path | None]]:
    """The source file of ``target`` and the folder its references may not leave; a URL is
    downloaded into a temporary folder first, and errors then name the URL, not that folder."""
    if not _is_url(target):
        yield Path(target), Path(arguments.root) if arguments.root else None
        return
    if arguments.root:
        raise UsageError("--root goes with a source file, not with a URL")
    from generator.sources.remote import Downloader

    with tempfile.TemporaryDirectory(prefix="generator-url-") as folder:
        downloader = Downloader(Path(folder), follow_refs=arguments.follow_refs)
        file = downloader.fetch(target)
        try:
            yield file, Path(folder)
        except SpecError as error:
            if error.file is not None:
                error.file = downloader.urls.get(Path(error.file).resolve(), error.file)
            raise


def _print_warnings(warnings: Warnings) -> None:
    """The one place warnings are printed: each once, then their count."""
    for warning in warnings.items:
        print(f"warning: {warning}", file=sys.stderr)
    summary = warnings.summary()
    if summary:
        print(f"warning: {summary}", file=sys.stderr)


def _normalize(arguments: argparse.Namespace) -> int:
    targets: list[str] = arguments.targets
    sources = _source_targets(targets)
    if sources:
        # Imported here, as in every command: a run the cache answers should not pay for it.
        from generator.normalize.canonical import write_atomically
        from generator.normalize.normalize import normalize_source

        if len(targets) != 1:
            raise UsageError("give one source file, or system ids only")
        with _local_source(sources[0], arguments) as (source, root):
            result = normalize_source(source, root=root, strict=arguments.strict)
        _print_warnings(result.warnings)
        if arguments.output in (None, "-"):
            sys.stdout.write(result.to_yaml())
        else:
            write_atomically(Path(arguments.output), result.to_yaml())
        return EXIT_OK
    if arguments.output or arguments.root or arguments.follow_refs:
        raise UsageError("-o, --root and --follow-refs go with a source file, not with system ids")
    specs, stale = _stale_specs(arguments)
    return _normalize_systems(specs, stale, arguments.quiet)


def _stale_specs(arguments: argparse.Namespace) -> tuple[Path, dict[str, tuple[Stamp, str]]]:
    """The specs folder, and the systems in it whose spec is not the one their sources make
    now (a stamp each, with the hash of those sources)."""
    specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
    # One stamp a system: after an edit to one system's sources, only that one is normalized.
    chain = arguments.toolchain or toolchain()
    stale = {}
    for system in named_systems(specs, arguments.targets):
        stamp = Stamp(specs.parent, f"normalize-{system}")
        inputs = digest(files_below(specs / system, skip_names=[SPEC_NAME]), chain)
        if arguments.no_cache or not stamp.fresh(inputs, _spec_outputs(specs / system)):
            stale[system] = (stamp, inputs)
    return specs, stale


def _normalize_systems(specs: Path, stale: dict[str, tuple[Stamp, str]], quiet: bool) -> int:
    if not stale:
        return EXIT_OK
    from generator.normalize.canonical import write_atomically
    from generator.normalize.normalize import normalize_system

    manifests = load_systems(specs, list(stale))
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
            if not quiet:
                print(f"wrote {path}", file=sys.stderr)
    for system, (stamp, inputs) in stale.items():
        stamp.record(inputs, _spec_outputs(specs / system))
    return EXIT_OK


def _spec_outputs(system: Path) -> str:
    return digest([system / SPEC_NAME])


def _check_package(arguments: argparse.Namespace) -> None:
    """--package, held to the rule a manifest's package is; before anything is read or written
    (``generate`` makes a folder of it)."""
    if arguments.package is not None:
        from generator.project.manifest import package_name_problem

        problem = package_name_problem(arguments.package)
        if problem is not None:
            raise SpecError(f"--package {arguments.package!r}: {problem}")


def _generate(arguments: argparse.Namespace) -> int:
    if arguments.no_cache:  # all the work: no stamp, and no result kept from an earlier run
        with fresh_results():
            return _generate_unless_fresh(arguments)
    return _generate_unless_fresh(arguments)


def _generate_unless_fresh(arguments: argparse.Namespace) -> int:
    _check_package(arguments)
    targets: list[str] = arguments.targets
    sources = _source_targets(targets)
    if sources:
        return _generate_source(sources, arguments)
    if arguments.package:
        raise UsageError("--package goes with a source file; systems name their own")
    if arguments.root or arguments.follow_refs:
        raise UsageError("--root and --follow-refs go with a source file, not with system ids")
    specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
    output = Path(arguments.output) if arguments.output else specs.parent / "generated"
    # One stamp a system, naming its package: only the systems whose spec, manifest or
    # package changed are generated again (with the toolchain, all of them).
    chain, owned = arguments.toolchain or toolchain(), _files_by_package(output)
    stale = {}
    for system in named_systems(specs, targets):
        stamp = Stamp(specs.parent, f"generate-{system}")
        files = [specs / system / SPEC_NAME, specs / system / MANIFEST_NAME]
        inputs = digest(files, chain, str(output.resolve()))
        package = stamp.recorded("package")
        outputs = digest(owned.get(package or "", []))
        if arguments.no_cache or not stamp.fresh(inputs, outputs, package=package or ""):
            stale[system] = (stamp, inputs)
    if not stale:
        return EXIT_OK
    manifests = load_systems(specs, list(stale))
    _generate_systems(manifests, output, arguments)
    owned = _files_by_package(output)
    for manifest in manifests:
        stamp, inputs = stale[manifest.folder.name]
        stamp.record(inputs, digest(owned.get(manifest.package, [])), package=manifest.package)
    return EXIT_OK


def _build(arguments: argparse.Namespace) -> int:
    """``normalize``, then ``generate``, of the systems: what ``make generate`` runs. One
    interpreter for both, the imports generating needs made ahead on the other core
    (``step_ahead``): after an edit to one system, start-up and imports were most of the run."""
    if _source_targets(arguments.targets):
        raise UsageError("build takes system ids; normalize or generate a source file")
    steps = {
        "targets": arguments.targets,
        "specs": arguments.specs,
        "quiet": arguments.quiet,
        "no_cache": arguments.no_cache,
        "root": None,
        "follow_refs": False,
        "strict": False,
        "toolchain": toolchain(),  # hashing the generator's code and templates once, not twice
        "command_parser": arguments.command_parser,
    }
    generate = argparse.Namespace(
        **steps, output=arguments.output, package=None, force=arguments.force
    )
    specs, stale = _stale_specs(argparse.Namespace(**steps))
    if not stale:  # nothing to normalize: generating may have nothing to do either
        return _generate(generate)
    from generator.step_ahead import StepAhead

    with StepAhead(_import_generating, lambda: _reported(_generate, generate)) as step:
        _normalize_systems(specs, stale, arguments.quiet)  # an error here stops the step
        return step.run()


def _import_generating() -> None:
    """What generating a package imports and reads before it writes anything."""
    from generator.changes import changelog  # noqa: F401 - imports the rest of generating
    from generator.emit.render import environment

    templates = environment()
    for name in templates.list_templates():
        templates.get_template(name)


def _files_by_package(output: Path) -> dict[str, list[Path]]:
    """The generated files below ``output``, by the package (folder) they are in."""
    found: dict[str, list[Path]] = {}
    for path in generated_files(output):
        found.setdefault(path.relative_to(output).parts[0], []).append(path)
    return found


def _generate_source(sources: list[str], arguments: argparse.Namespace) -> int:
    from generator.emit.generate import PackageSource
    from generator.normalize.normalize import normalize_source

    if len(arguments.targets) != 1 or not arguments.output or not arguments.package:
        raise UsageError("a source file needs -o DIR and --package NAME, and comes alone")
    # Generated inside: what generating says about the source names its URL, if it has one.
    with _local_source(sources[0], arguments) as (source, root):
        result = normalize_source(source, root=root, strict=arguments.strict)
        package = PackageSource(result.document, arguments.package, result.source)
        _write_packages(
            [package], Path(arguments.output), arguments.quiet, result.warnings, arguments.force
        )
    return EXIT_OK


def _generate_systems(
    manifests: list[Manifest], output: Path, arguments: argparse.Namespace
) -> None:
    from generator.changes.changelog import update_changelogs
    from generator.emit.generate import system_package_source

    packages = [system_package_source(m) for m in manifests]
    _write_packages(packages, output, arguments.quiet, Warnings(), arguments.force)
    update_changelogs(packages, output)


def _write_packages(
    packages: list[PackageSource], output: Path, quiet: bool, warnings: Warnings, force: bool
) -> None:
    """Write ``packages``; then ``warnings`` (normalizing's, if any) with generating's, or
    before the error that stopped it. ``force``: overwrite generated files edited by hand."""
    from generator.emit.generate import write_packages

    try:
        # a package written anywhere names its own install and spec paths in its README
        written = write_packages(packages, output, name_output=True, warnings=warnings, force=force)
    finally:
        _print_warnings(warnings)
    for path in written:
        if not quiet:
            print(f"wrote {path}", file=sys.stderr)


def _fail_level(name: str) -> int | None:
    from generator.changes.rules import Level

    return None if name == "never" else int(Level[name])


def _emit_reports(reports: list[Any], arguments: argparse.Namespace) -> int:
    from generator.changes.report import write
    from generator.normalize.canonical import write_atomically

    if arguments.output:
        buffer = io.StringIO()
        write(reports, arguments.format, buffer)
        write_atomically(Path(arguments.output), buffer.getvalue())
    else:
        write(reports, arguments.format)
    threshold = _fail_level(arguments.fail_on)
    worst = max((int(r.worst() or 0) for r in reports), default=0)
    return EXIT_DIFFERENT if threshold is not None and worst >= threshold else EXIT_OK


def _diff(arguments: argparse.Namespace) -> int:
    from generator.changes.diff import diff_descriptions
    from generator.changes.inputs import load_description
    from generator.changes.rules import RULES

    if arguments.list_rules:
        if arguments.format == "markdown":
            print("| id | level | meaning |\n|---|---|---|")
            for rule in RULES.values():
                print(f"| `{rule.id}` | {rule.level.name} | {rule.meaning} |")
        else:
            for rule in RULES.values():
                print(f"{rule.level.name:<4}  {rule.id:<58}  {rule.meaning}")
        return EXIT_OK
    if len(arguments.descriptions) != 2:
        raise UsageError("diff needs OLD and NEW (or --list-rules)")
    _check_package(arguments)
    specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
    old, new = (load_description(argument, specs) for argument in arguments.descriptions)
    report = diff_descriptions(old, new, client=not arguments.no_client, package=arguments.package)
    return _emit_reports([report], arguments)


def _drift(arguments: argparse.Namespace) -> int:
    from generator.changes.drift import default_upstream_root, drift_report

    root = Path(arguments.upstream_root) if arguments.upstream_root else default_upstream_root()
    if root is None or not root.is_dir():
        raise SpecError(
            "no upstream mirror: pass --upstream-root DIR, a folder with one checkout per "
            "system named as the manifests' upstream.mirror says",
            file=root,
        )
    specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
    manifests = load_systems(specs, arguments.systems)
    reports = [drift_report(m, root, client=arguments.client) for m in manifests]
    return _emit_reports(reports, arguments)


def _check(arguments: argparse.Namespace) -> int:
    from generator.check import check, summary

    specs = Path(arguments.specs) if arguments.specs else default_specs_folder()
    generated = Path(arguments.generated) if arguments.generated else specs.parent / "generated"
    differences = check(specs, generated)
    if not arguments.quiet:
        for difference in differences:
            sys.stdout.write(difference.diff)
    sys.stderr.write(summary(differences))
    return EXIT_DIFFERENT if differences else EXIT_OK


def _add_report_options(command: argparse.ArgumentParser, fail_on: str) -> None:
    from generator.changes.report import FORMATS

    command.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    command.add_argument(
        "--fail-on",
        choices=("ERR", "WARN", "INFO", "never"),
        default=fail_on,
        help=f"exit 1 when a change of this level or worse is found (default: {fail_on})",
    )
    command.add_argument("-o", "--output", help="write the report to this file")
    command.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")


def _add_url_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--follow-refs",
        action="store_true",
        help="for a SOURCE given as an http(s) URL: also download the files its references "
        "name, from the same origin (default: refuse a description that refers to others)",
    )


def _add_strict_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--strict",
        action="store_true",
        help="refuse a source file's defects instead of repairing them with a warning "
        "(docs/repairs.md); the systems under specs/ are always strict",
    )


def _add_force_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force",
        action="store_true",
        help="overwrite generated files changed by hand (default: refuse, naming them)",
    )


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
        "RAML 1.0 or a compact source; a file or an http(s) URL) into -o OUT.yaml (default: "
        "standard output).",
    )
    normalize.add_argument("targets", nargs="*", metavar="SYSTEM|SOURCE")
    normalize.add_argument("-o", "--output", help="where to write the normalized document")
    normalize.add_argument(
        "--root", help="folder no reference may leave (default: the source's folder)"
    )
    _add_url_options(normalize)
    normalize.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")
    _add_strict_option(normalize)
    normalize.add_argument("-q", "--quiet", action="store_true", help="say only what is wrong")
    normalize.add_argument(
        "--no-cache", action="store_true", help="normalize even when nothing has changed"
    )
    normalize.set_defaults(run=_normalize, toolchain=None)
    generate = commands.add_parser(
        "generate",
        help="spec -> typed Python client package",
        description="Generate the client package of each system under specs/ (all when none "
        "is named) into generated/<package>/ from its normalized openapi.yaml, or of one "
        "source file (any format `normalize` reads) or http(s) URL of one into -o DIR with "
        "--package NAME. Files a package's .generated.json does not list (src/<package>/custom/ "
        "and any you added) are kept; a generated file edited by hand stops it, exit 1, "
        "unless --force.",
    )
    generate.add_argument("targets", nargs="*", metavar="SYSTEM|SOURCE")
    generate.add_argument("-o", "--output", help="folder to write packages into")
    generate.add_argument("--package", help="the package name, for a source file")
    generate.add_argument(
        "--root", help="folder no reference may leave (default: the source's folder)"
    )
    _add_url_options(generate)
    generate.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")
    _add_strict_option(generate)
    generate.add_argument("-q", "--quiet", action="store_true", help="say only what is wrong")
    generate.add_argument(
        "--no-cache", action="store_true", help="generate even when nothing has changed"
    )
    _add_force_option(generate)
    generate.set_defaults(run=_generate, toolchain=None)
    build = commands.add_parser(
        "build",
        help="normalize, then generate, the systems under specs/ (make generate)",
        description="Normalize the systems under specs/ (all when none is named), then "
        "generate their client packages, in one run: `normalize` followed by `generate`, "
        "each skipping what has not changed. This is what `make generate` runs.",
    )
    build.add_argument("targets", nargs="*", metavar="SYSTEM")
    build.add_argument(
        "-o", "--output", help="folder to write packages into (default: generated/ beside specs/)"
    )
    build.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")
    build.add_argument("-q", "--quiet", action="store_true", help="say only what is wrong")
    build.add_argument(
        "--no-cache", action="store_true", help="do all the work even when nothing has changed"
    )
    _add_force_option(build)
    build.set_defaults(run=_build)
    diff = commands.add_parser(
        "diff",
        help="classify the changes between two API descriptions",
        description="Report every change from OLD to NEW with its level (ERR breaks callers, "
        "WARN may break them, INFO does not), rule id, operation and place, and what it "
        "changes in the generated client. OLD and NEW are files in any format `normalize` "
        "reads, system ids, or either at a git revision: specs/alma-jobs/openapi.yaml@HEAD~1, "
        "alma-jobs@main.",
    )
    diff.add_argument("descriptions", nargs="*", metavar="OLD NEW")
    diff.add_argument("--no-client", action="store_true", help="skip the client comparison")
    diff.add_argument("--list-rules", action="store_true", help="print every rule and exit")
    diff.add_argument(
        "--package",
        help="the package the client symbols are named after (default: the system's, for a "
        "system or a file in its folder; else 'api')",
    )
    _add_report_options(diff, fail_on="ERR")
    diff.set_defaults(run=_diff)
    drift = commands.add_parser(
        "drift",
        help="compare each system's upstream description with our committed spec",
        description="Normalize each system's upstream description (where its manifest says "
        "it is, in a mirror under --upstream-root), apply the manifest's corrections, and "
        "report what still differs from specs/<system>/openapi.yaml. Corrections are listed "
        "as known differences, not as drift.",
    )
    drift.add_argument("systems", nargs="*", metavar="SYSTEM")
    drift.add_argument(
        "--upstream-root",
        help="folder holding the upstream checkouts (default: ../shared/upstream beside "
        "this checkout)",
    )
    drift.add_argument("--client", action="store_true", help="also compare the clients")
    _add_report_options(drift, fail_on="INFO")
    drift.set_defaults(run=_drift)
    check = commands.add_parser(
        "check",
        help="regenerate into a temporary folder and diff against what is committed",
        description="Regenerate every spec and client into a temporary folder and compare "
        "them with the committed specs/ and generated/: exit 0 when identical, else exit 1 "
        "with the files that differ (standard error: each a hand edit or stale) and a unified "
        "diff (standard output). Files a package's .generated.json does not list are yours "
        "and not compared.",
    )
    check.add_argument("--specs", help="the specs folder (default: this checkout's specs/)")
    check.add_argument("--generated", help="the generated folder (default: beside specs/)")
    check.add_argument("-q", "--quiet", action="store_true", help="the summary only, no diff")
    check.set_defaults(run=_check)
    for command in commands.choices.values():
        # Which usage an error answers with: the subcommand's, not the top level's.
        command.set_defaults(command_parser=command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments, unknown = _parser().parse_known_args(argv)
    if unknown:
        arguments.command_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return _reported(arguments.run, arguments)


def _reported(run: Callable[[argparse.Namespace], int], arguments: argparse.Namespace) -> int:
    """``run(arguments)``'s exit code, with its errors said in one line each (no traceback)."""
    usage: argparse.ArgumentParser = arguments.command_parser
    try:
        return int(run(arguments))
    except UsageError as error:
        usage.error(str(error))
    except HandEditError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_DIFFERENT
    except SpecError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RecursionError:
        print("error: the description nests too deeply to process", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): nothing left to say, and nobody to say it to.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
