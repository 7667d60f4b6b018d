"""Build outputs for guides: load, plan, render, write atomically. No printing, no CLI."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from guidebuilder.brand import Brand
from guidebuilder.brandfile import find_brand, load_brand
from guidebuilder.content import load_guide
from guidebuilder.errors import GuideBuilderError, RenderError
from guidebuilder.output import write_atomic
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
    guide = load_guide(job.guide)
    brand, warnings = load_brand(find_brand(job.guide, job.brand))
    return build_plan(guide, job.audience, build_timestamp()), brand, warnings


def renderer(fmt: str) -> Callable[[DocumentPlan, Brand, BinaryIO], object]:
    """The render function for a format, imported only when needed."""
    if fmt == "pdf":
        from guidebuilder.pdf import render_pdf

        return render_pdf
    from guidebuilder.deck import render_deck

    return render_deck


def render_one(fmt: str, plan: DocumentPlan, brand: Brand, target: Path) -> list[str]:
    """Render one format to ``target`` atomically; unexpected failures become RenderError."""
    warnings: list[str] = []

    def write(stream: BinaryIO) -> None:
        produced = renderer(fmt)(plan, brand, stream)
        if isinstance(produced, list):
            warnings.extend(produced)

    try:
        write_atomic(target, write)
    except GuideBuilderError:
        raise
    except OSError as exc:
        raise RenderError(f"{target}: cannot write the file ({exc.strerror}); "
                          "check the folder exists, is writable and has free space") from None
    except Exception as exc:
        raise RenderError(f"{target}: the {fmt.upper()} could not be rendered "
                          f"({type(exc).__name__}: {exc}); please report this with the guide "
                          "file") from None
    return warnings


def run_job(job: Job) -> Result:
    """Build every target of ``job``; errors are captured in the result, never raised."""
    result = Result(job)
    try:
        plan, brand, result.warnings = prepare(job)
        for fmt, target in job.targets.items():
            result.warnings += render_one(fmt, plan, brand, target)
            result.written.append(target)
    except GuideBuilderError as exc:
        result.error = exc
    return result
