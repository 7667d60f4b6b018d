"""The guidebuilder command line: options in, calls out, errors as one-line messages."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from guidebuilder import __version__

app = typer.Typer(
    name="guidebuilder",
    help="Turn role descriptions written in YAML into a PDF handbook and a PowerPoint deck.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SOURCE_DIR = Path("source")
OUTPUT_DIR = Path("output")


class Format(StrEnum):
    pdf = "pdf"
    pptx = "pptx"
    all = "all"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"guidebuilder {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn role descriptions written in YAML into a PDF handbook and a PowerPoint deck."""


def _report(problems: list, stream_err: bool = True) -> None:
    for problem in problems:
        typer.echo(f"error: {problem}", err=stream_err)


def _warn(warnings: list[str], shown: set[str]) -> None:
    for warning in warnings:
        if warning not in shown:
            shown.add(warning)
            typer.echo(f"warning: {warning}", err=True)


def _default_guides() -> list[Path]:
    guides = sorted(p for p in SOURCE_DIR.glob("*.yaml") if not p.name.startswith("_"))
    if not guides:
        typer.echo(f"error: no guides found in {SOURCE_DIR}/; pass a GUIDE file or run "
                   "'guidebuilder init' to start one.", err=True)
        raise typer.Exit(1)
    return guides


GuidesArg = Annotated[list[Path] | None, typer.Argument(
    metavar="[GUIDE]...", help="Guide files (default: every *.yaml in source/ not starting "
                               "with '_').", show_default=False)]
BrandOpt = Annotated[Path | None, typer.Option(
    "--brand", "-b", metavar="FILE", help="Brand file (default: _brand.yml beside the guide, "
                                          "then in the current folder, then the built-in brand).")]


@app.command()
def build(
    guides: GuidesArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR",
                                      help="Folder for the outputs.")] = OUTPUT_DIR,
    brand: BrandOpt = None,
    audience: Annotated[str | None, typer.Option(
        metavar="NAME", help="Keep only items for this audience (and items with none); "
                             "outputs are named <guide>-NAME.pdf/.pptx.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Which outputs to write.")]
    = Format.all,
    fail_fast: Annotated[bool, typer.Option("--fail-fast",
                                            help="Stop at the first guide that fails.")] = False,
) -> None:
    """Build the PDF handbook and the PowerPoint deck for each guide."""
    from guidebuilder.build import FORMATS, Job, output_paths, run_job

    formats = FORMATS if fmt is Format.all else (fmt.value,)
    jobs = [Job(guide, output_paths(guide, out, formats, audience), brand, audience)
            for guide in (guides or _default_guides())]
    failed = 0
    shown: set[str] = set()
    for job in jobs:
        result = run_job(job)
        _warn(result.warnings, shown)
        for path in result.written:
            typer.echo(f"wrote {path}")
        if result.error:
            failed += 1
            _report(result.error.problems)
            if fail_fast:
                break
    if failed:
        raise typer.Exit(1)


def _single(guide: Path, output: Path | None, brand: Path | None, fmt: str) -> None:
    from guidebuilder.build import Job, output_paths, run_job

    target = output or output_paths(guide, OUTPUT_DIR, (fmt,))[fmt]
    result = run_job(Job(guide, {fmt: target}, brand))
    _warn(result.warnings, set())
    if result.error:
        _report(result.error.problems)
        raise typer.Exit(1)
    typer.echo(f"wrote {target}")


GuideArg = Annotated[Path, typer.Argument(metavar="GUIDE", help="The guide file.")]


@app.command()
def pdf(
    guide: GuideArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Where to write the PDF "
                                                     "(default: output/<guide>.pdf).")] = None,
    brand: BrandOpt = None,
) -> None:
    """Build only the PDF handbook of one guide."""
    _single(guide, output, brand, "pdf")


@app.command()
def slides(
    guide: GuideArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Where to write the deck "
                                                     "(default: output/<guide>.pptx).")] = None,
    brand: BrandOpt = None,
) -> None:
    """Build only the PowerPoint deck of one guide."""
    _single(guide, output, brand, "pptx")


@app.command()
def check(guides: GuidesArg = None, brand: BrandOpt = None) -> None:
    """Validate guides (and their brand file) without writing anything."""
    from guidebuilder.brandfile import find_brand, load_brand
    from guidebuilder.content import load_guide
    from guidebuilder.errors import GuideBuilderError

    failed = 0
    shown: set[str] = set()
    for guide in guides or _default_guides():
        try:
            load_guide(guide)
            _warn(load_brand(find_brand(guide, brand))[1], shown)
        except GuideBuilderError as exc:
            failed += 1
            _report(exc.problems)
            continue
        typer.echo(f"ok {guide}")
    if failed:
        raise typer.Exit(1)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="[DIR]", help="Where to create the files.")]
    = SOURCE_DIR,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
) -> None:
    """Create a commented starter guide and _brand.yml to edit."""
    from guidebuilder.starter import write_starter

    try:
        for path in write_starter(folder, force):
            typer.echo(f"wrote {path}")
    except FileExistsError as exc:
        typer.echo(f"error: {exc.filename} already exists; pass --force to overwrite it.",
                   err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"error: {exc.filename}: cannot write ({exc.strerror}).", err=True)
        raise typer.Exit(1) from None


def main() -> None:
    """Console-script entry point."""
    app()
