"""Build the outputs of one guide: load, plan, render, write atomically. No printing, no CLI."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from guidebuilder.brand import Brand
from guidebuilder.brandfile import find_brand, load_brand
from guidebuilder.content import load_guide_source
from guidebuilder.errors import GuideBuilderError, RenderError
from guidebuilder.glyphs import missing_glyph_warnings
from guidebuilder.output import staged
from guidebuilder.plan import DocumentPlan, build_plan

FORMATS = ("pdf", "pptx")


@dataclass(frozen=True)
class Job:
    """One guide to build: which formats, where, for which audience and brand."""

    guide: Path
    targets: dict[str, Path]
    brand: Path | None = None
    audience: str | None = None


@dataclass
class Result:
    job: Job
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: GuideBuilderError | None = None


def output_paths(guide: Path, out_dir: Path, formats: tuple[str, ...],
                 audience: str | None = None) -> dict[str, Path]:
    """``out_dir/<stem>[-audience].<format>``: names come from the file stem only."""
    stem = guide.stem + (f"-{_safe(audience)}" if audience else "")
    return {fmt: out_dir / f"{stem}.{fmt}" for fmt in formats}


def _safe(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in name).strip("-.")
    return cleaned or "audience"


def build_timestamp() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC datetime, when set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        return None


def prepare(job: Job) -> tuple[DocumentPlan, Brand, list[str]]:
    """Load and validate everything a job needs; raises before any output is touched."""
    guide, source = load_guide_source(job.guide)
    brand, warnings = load_brand(find_brand(job.guide, job.brand))
    warnings = warnings + missing_glyph_warnings(source, brand)
    return build_plan(guide, job.audience, build_timestamp()), brand, warnings


def renderer(fmt: str) -> Callable[..., object]:
    """The render function for a format, imported only when needed."""
    if fmt == "pdf":
        from guidebuilder.pdf import render_pdf

        return render_pdf
    from guidebuilder.deck import render_deck

    return render_deck


def render(fmt: str, plan: DocumentPlan, brand: Brand, target: Path) -> list[str]:
    """Render one format into ``target``; unexpected failures become RenderError."""
    try:
        with target.open("wb") as stream:
            produced = renderer(fmt)(plan, brand, stream)
    except GuideBuilderError:
        raise
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the file ({exc.strerror}); check the folder "
                          "is writable and has free space") from None
    except Exception as exc:
        raise RenderError(f"the {fmt.upper()} could not be rendered ({type(exc).__name__}: "
                          f"{exc}); please report this with the guide file") from None
    return produced if isinstance(produced, list) else []


def run_job(job: Job, parallel: bool = False) -> Result:
    """Build every target of ``job`` (formats in parallel processes when ``parallel``).
    Errors are captured in the result, never raised; outputs change only when all succeed."""
    result = Result(job)
    try:
        plan, brand, result.warnings = prepare(job)
        with staged(job.targets.values()) as temporaries:
            tasks = [(fmt, temporaries[target]) for fmt, target in job.targets.items()]
            if parallel and len(tasks) > 1 and _can_fork():
                result.warnings += _render_forked(tasks, plan, brand)
            else:
                for fmt, temporary in tasks:
                    result.warnings += render(fmt, plan, brand, temporary)
        result.written = list(job.targets.values())
    except GuideBuilderError as exc:
        result.error = exc
    except OSError as exc:
        folder = Path(exc.filename).parent if exc.filename else "the output folder"
        result.error = RenderError(f"{exc.filename or folder}: cannot write the output "
                                   f"({exc.strerror}); check the output folder is a writable "
                                   "folder with free space")
    return result


def _can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def _render_forked(tasks: list[tuple[str, Path]], plan: DocumentPlan, brand: Brand) -> list[str]:
    """Render the first tasks in forked children and the last one here, at the same time."""
    context = multiprocessing.get_context("fork")
    children = []
    for fmt, temporary in tasks[:-1]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(send, fmt, plan, brand, temporary))
        child.start()
        send.close()
        children.append((fmt, child, receive))
    warnings: list[str] = []
    try:
        warnings += render(tasks[-1][0], plan, brand, tasks[-1][1])
        for fmt, child, receive in children:
            outcome = receive.recv() if receive.poll(None) else None
            child.join()
            if outcome is None:
                raise RenderError(f"the {fmt.upper()} renderer stopped unexpectedly "
                                  f"(exit code {child.exitcode})")
            kind, payload = outcome
            if kind == "error":
                raise payload
            warnings += payload
    except EOFError:
        raise RenderError("a renderer stopped unexpectedly") from None
    finally:
        for _, child, _ in children:
            if child.is_alive():
                child.terminate()
            child.join()
    return warnings


def quiet_signals() -> None:
    """In a worker process: Ctrl-C and SIGTERM end it at once, without a traceback; the
    parent reports the interruption and removes the temporary files."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _child(send, fmt: str, plan: DocumentPlan, brand: Brand, target: Path) -> None:
    quiet_signals()
    try:
        send.send(("ok", render(fmt, plan, brand, target)))
    except GuideBuilderError as exc:
        send.send(("error", exc))
    finally:
        send.close()
