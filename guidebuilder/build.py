"""Build the outputs of one guide: load, plan, render, write atomically. No printing, no CLI."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from guidebuilder.brand import Brand
from guidebuilder.errors import GuideBuilderError, RenderError
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
    """``SOURCE_DATE_EPOCH`` as a UTC datetime, when set (else the guide's last edit is used:
    both keep builds of the same input byte-identical)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        return None


def prepare(job: Job) -> tuple[DocumentPlan, Brand, list[str]]:
    """Load and validate everything a job needs; raises before any output is touched."""
    from guidebuilder.brandfile import find_brand, load_brand
    from guidebuilder.content import load_guide_source
    from guidebuilder.glyphs import missing_glyph_warnings

    guide, source = load_guide_source(job.guide)
    brand, warnings = load_brand(find_brand(job.guide, job.brand))
    warnings = warnings + missing_glyph_warnings(source, brand)
    edited = datetime.fromtimestamp(int(job.guide.stat().st_mtime), UTC).replace(tzinfo=None)
    return build_plan(guide, job.audience, build_timestamp() or edited), brand, warnings


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


def run_job(job: Job, parallel: bool = False, offload: str = "pptx") -> Result:
    """Build every target of ``job``. With ``parallel``, the ``offload`` format is rendered by a
    worker process forked first: in a cold process the deck, so python-pptx imports while this
    process validates; in a warm one (watch mode) the PDF, which forks more cheaply.
    Errors are captured in the result, never raised; outputs change only when all succeed."""
    result = Result(job)
    worker = (_Worker(offload) if parallel and offload in job.targets and len(job.targets) > 1
              and _can_fork() else None)
    try:
        plan, brand, result.warnings = prepare(job)
        with staged(job.targets.values()) as temporaries:
            if worker:
                worker.send(plan, brand, temporaries[job.targets[offload]])
            for fmt, target in job.targets.items():
                if not (worker and fmt == offload):
                    result.warnings += render(fmt, plan, brand, temporaries[target])
            if worker:
                result.warnings += worker.result()
        result.written = list(job.targets.values())
    except GuideBuilderError as exc:
        result.error = exc
    except OSError as exc:
        result.error = RenderError(f"{exc.filename or 'the output folder'}: cannot write the "
                                   f"output ({exc.strerror}); check the output folder is a "
                                   "writable folder with free space")
    finally:
        if worker:
            worker.close()
    return result


def _can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def quiet_signals() -> None:
    """In a worker process: Ctrl-C and SIGTERM end it at once, without a traceback; the
    parent reports the interruption and removes the temporary files."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class _Worker:
    """A forked process that imports one renderer straight away, then renders what it is sent."""

    def __init__(self, fmt: str) -> None:
        context = multiprocessing.get_context("fork")
        self.fmt = fmt
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, fmt), daemon=True)
        gc.freeze()  # the child's collections then skip (and so do not copy) inherited objects
        self.process.start()
        gc.unfreeze()
        child.close()

    def send(self, plan: DocumentPlan, brand: Brand, target: Path) -> None:
        self.connection.send((plan, brand, target))

    def result(self) -> list[str]:
        try:
            kind, payload = self.connection.recv()
        except EOFError:
            self.process.join()
            raise RenderError(f"the {self.fmt.upper()} renderer stopped unexpectedly (exit code "
                              f"{self.process.exitcode})") from None
        if kind == "error":
            raise payload
        return payload

    def close(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _serve(connection, fmt: str) -> None:
    quiet_signals()
    renderer(fmt)  # import while the parent validates
    try:
        plan, brand, target = connection.recv()
    except EOFError:  # the parent found an error: nothing to render
        return
    try:
        connection.send(("ok", render(fmt, plan, brand, target)))
    except GuideBuilderError as exc:
        connection.send(("error", exc))
    finally:
        connection.close()
