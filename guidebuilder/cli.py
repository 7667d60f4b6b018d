"""The guidebuilder command line: options in, calls out, errors as one-line messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from guidebuilder import __version__
from guidebuilder.run.formats import ALL, COMMANDS, FORMATS

if TYPE_CHECKING:
    from guidebuilder.errors import Problem
    from guidebuilder.run.job import Job, Result
    from guidebuilder.run.renderers import Renderers, RenderSet

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


class SchemaKind(StrEnum):
    guide = "guide"
    brand = "brand"


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


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)


def _warn(warnings: list[Problem], shown: set[Problem]) -> None:
    for warning in warnings:
        if warning not in shown:
            shown.add(warning)
            typer.echo(f"warning: {warning}", err=True)


def _audience(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise typer.BadParameter("give an audience name, such as recruiter")
    return value.strip() if value else value


FORMAT_CHOICES = (*FORMATS, "all")


def _format(value: str) -> str:
    if value not in FORMAT_CHOICES:
        raise typer.BadParameter(f"'{value}' is not an output format; use one of: "
                                 + ", ".join(FORMAT_CHOICES))
    return value


def _default_guides() -> list[Path]:
    guides = sorted(p for p in SOURCE_DIR.glob("*.yaml") if not p.name.startswith("_"))
    if not guides:
        typer.echo(f"error: no guides in {SOURCE_DIR}/ (looked for {SOURCE_DIR}/*.yaml); put a "
                   f"guide there, pass GUIDE files, or run 'guidebuilder init' here for a "
                   "starter to edit.", err=True)
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
    ctx: typer.Context,
    guides: GuidesArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR",
                                      help="Folder for the outputs.")] = OUTPUT_DIR,
    brand: BrandOpt = None,
    audience: Annotated[str | None, typer.Option(
        metavar="NAME", callback=lambda value: _audience(value),
        help="Keep only items for this audience (and items with none); outputs are named "
             "<guide>-NAME.pdf/.pptx.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="[" + "|".join(FORMAT_CHOICES) + "]",
                                     callback=lambda value: _format(value),
                                     help="Which outputs to write.")] = "all",
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N",
                                             help="Processes to use (default: all cores).")]
    = None,
    fail_fast: Annotated[bool, typer.Option("--fail-fast",
                                            help="Stop at the first guide that fails.")] = False,
    watch: Annotated[bool, typer.Option("--watch", "-w", help="Keep running and rebuild a "
                                                              "guide when it or its brand file "
                                                              "is saved.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build every guide, also those "
                                                            "whose outputs are up to date.")]
    = False,
) -> None:
    """Build the PDF handbook and the PowerPoint deck for each guide."""
    from guidebuilder.run.batch import default_processes, run_jobs
    from guidebuilder.run.renderers import Renderers

    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file; give a folder for the outputs",
                                 param_hint="--out")
    formats = ALL if fmt == "all" else (fmt,)
    work = _jobs(guides or _default_guides(), out, formats, brand, audience, rebuild)
    renderers = Renderers(formats, jobs or default_processes(), first=ctx.obj)
    reporter = _Reporter()
    results = []
    try:
        with _interruptible(reporter), _progress(len(work)) as advance:
            for result in run_jobs(work, renderers, lambda r: fail_fast and r.error is not None):
                advance()
                reporter(result)
                results.append(result)
        reporter.summary()
        if watch:
            _watch(work, reporter, renderers, results)
            return
    finally:
        renderers.close()
    if reporter.failed:
        raise typer.Exit(1)


def _jobs(guides: list[Path], out: Path, formats: tuple[str, ...], brand: Path | None,
          audience: str | None, rebuild: bool) -> list[Job]:
    """The jobs of a build, checked before anything is written: two guides with one output
    exit 1, an audience no guide names is a usage error."""
    from guidebuilder.errors import GuideBuilderError
    from guidebuilder.run.batch import check_audience, make_jobs

    try:
        work = make_jobs(guides, out, formats, brand, audience, rebuild)
    except GuideBuilderError as exc:
        _report(exc.problems)
        raise typer.Exit(1) from None
    try:
        check_audience(work, audience)
    except GuideBuilderError as exc:
        raise typer.BadParameter(str(exc.problems[0]).rstrip("."),
                                 param_hint="--audience") from None
    return work


def _watch(work: list[Job], reporter: _Reporter, renderers: Renderers,
           results: list[Result]) -> None:
    """Rebuild on save until interrupted, with the render processes of the first build."""
    from guidebuilder.run.watch import watch_jobs

    typer.echo("watching for changes; press Ctrl-C to stop", err=True)
    with _interruptible(None):
        watch_jobs(work, reporter, renderers.for_jobs(1)[0], first=results)


class _Reporter:
    """Prints one line per file written and one per problem; counts failed guides."""

    def __init__(self) -> None:
        self.failed = 0
        self.written = 0
        self.current = 0
        self.shown: set[Problem] = set()

    def __call__(self, result: Result) -> None:
        self.current += result.up_to_date
        _warn(result.warnings, self.shown)
        for path in result.written:
            self.written += 1
            typer.echo(f"wrote {path}")
        if result.error:
            self.failed += 1
            _report(result.error.problems)

    def summary(self) -> None:
        """How many guides were up to date (nothing said when none was)."""
        if self.current:
            typer.echo(f"{self.current} guide(s) up to date (--rebuild builds them anyway)")


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on a terminal for batches; nothing otherwise."""
    import sys

    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task("building", total=total)
        yield lambda: progress.advance(task)


def _single(ctx: typer.Context, guide: Path, output: Path | None, brand: Path | None) -> None:
    """Build the one format of this command (``pdf``, ``slides``) for one guide."""
    from guidebuilder.run.batch import default_processes, run_jobs
    from guidebuilder.run.job import Job, output_paths
    from guidebuilder.run.renderers import Renderers

    formats = COMMANDS[ctx.command.name or ""]
    targets = {formats[0]: output} if output else output_paths(guide, OUTPUT_DIR, formats)
    renderers = Renderers(formats, default_processes(), first=ctx.obj)
    reporter = _Reporter()
    try:
        with _interruptible(reporter):
            for result in run_jobs([Job(guide, targets, brand)], renderers, lambda r: False):
                reporter(result)
    finally:
        renderers.close()
    if reporter.failed:
        raise typer.Exit(1)


GuideArg = Annotated[Path, typer.Argument(metavar="GUIDE", help="The guide file.")]


@app.command()
def pdf(
    ctx: typer.Context,
    guide: GuideArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Where to write the PDF "
                                                     "(default: output/<guide>.pdf).")] = None,
    brand: BrandOpt = None,
) -> None:
    """Build only the PDF handbook of one guide."""
    _single(ctx, guide, output, brand)


@app.command()
def slides(
    ctx: typer.Context,
    guide: GuideArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Where to write the deck "
                                                     "(default: output/<guide>.pptx).")] = None,
    brand: BrandOpt = None,
) -> None:
    """Build only the PowerPoint deck of one guide."""
    _single(ctx, guide, output, brand)


@app.command()
def check(
    guides: GuidesArg = None, brand: BrandOpt = None,
    slides: Annotated[bool, typer.Option("--slides", help="Also say which texts the slides "
                                                          "show shortened.")] = False,
) -> None:
    """Validate guides (and their brand file) without writing anything."""
    from guidebuilder.errors import GuideBuilderError
    from guidebuilder.run.job import Job, prepare
    from guidebuilder.run.notices import shortened_notes

    failed = 0
    shown: set[Problem] = set()
    for guide in guides or _default_guides():
        try:
            account = prepare(Job(guide, {}, brand)).account
            _warn(account.warnings(), shown)
        except GuideBuilderError as exc:
            failed += 1
            _report(exc.problems)
            continue
        notes = shortened_notes(account.guide, account.source)
        for note in notes if slides else ():
            typer.echo(f"note: {note}", err=True)
        if notes and not slides:
            typer.echo(f"note: {guide}: slides show {len(notes)} text(s) shortened; "
                       "'guidebuilder check --slides' lists them with where to add a slide: "
                       "form.", err=True)
        typer.echo(f"ok {guide}")
    if failed:
        raise typer.Exit(1)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="[DIR]", help="The folder to set up "
                                                                  "(default: this one).")]
    = Path("."),
) -> None:
    """Set up a folder that builds as it is: a commented starter guide in source/, a
    _brand.yml, and JSON Schemas for editors. Existing files are never overwritten."""
    from guidebuilder.errors import GuideBuilderError
    from guidebuilder.starter import GUIDE, write_starter

    try:
        done = write_starter(folder)
    except GuideBuilderError as exc:
        _report(exc.problems)
        raise typer.Exit(1) from None
    for path in done.written:
        typer.echo(f"wrote {path}")
    for path in done.kept:
        typer.echo(f"kept {path} (it exists; init never overwrites)")
    if not done.written:
        typer.echo(f"nothing to do: {folder} is set up already.")
    steps = ([f"cd {folder}"] if folder != Path(".") else []) + ["guidebuilder build"]
    typer.echo(f"\nnext: edit {folder / GUIDE}, then run\n"
               + "".join(f"  {step}\n" for step in steps)
               + f"to write {OUTPUT_DIR}/{GUIDE.stem}.pdf and {OUTPUT_DIR}/{GUIDE.stem}.pptx.")


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which format.")] = SchemaKind.guide,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Write to FILE instead of printing.")]
    = None,
) -> None:
    """Print the JSON Schema of guide or brand files, for editors (VS Code and others)."""
    from guidebuilder.errors import GuideBuilderError
    from guidebuilder.run.output import write_files
    from guidebuilder.schema import schema_text

    text = schema_text(kind.value)
    if output is None:
        typer.echo(text, nl=False)
        return
    if output.suffix.lower() != ".json":
        raise typer.BadParameter(f"{output}: a JSON Schema is written to a .json file, such as "
                                 f"{kind.value}.schema.json", param_hint="--output")
    try:
        write_files({output: text.encode("utf-8")})
    except GuideBuilderError as exc:
        _report(exc.problems)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {output}")


def main(renderers: RenderSet | None = None) -> None:
    """Run the command line; a rendering command adopts ``renderers``, forked for it before
    the command line was loaded (see __main__)."""
    try:
        app(obj=renderers)
    finally:
        if renderers is not None:
            renderers.close()


@contextmanager
def _interruptible(reporter: _Reporter | None) -> Iterator[None]:
    """An interrupt (Ctrl-C, SIGTERM, SIGHUP): one line, and exit code 130, instead of a
    traceback; during a build the line says what was written before it (``reporter``)."""
    try:
        yield
    except KeyboardInterrupt:
        if reporter is None:
            message = "stopped watching"
        elif reporter.written:
            message = (f"interrupted; the {reporter.written} file(s) written before stay, no "
                       "other output was changed")
        else:
            message = "interrupted; no output was changed"
        typer.echo(message, err=True)
        raise typer.Exit(130) from None
