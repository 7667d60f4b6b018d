"""One guide's build: what to make and where, loading everything it needs, and rendering every
format so that the outputs change only when all of them succeed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem, RenderError
from guidebuilder.plan.document import DocumentPlan
from guidebuilder.run.output import staged
from guidebuilder.run.render import render
from guidebuilder.run.worker import Worker, can_fork


@dataclass(frozen=True)
class Job:
    """One guide to build: which formats, where, for which audience and brand."""

    guide: Path
    targets: dict[str, Path]
    brand: Path | None = None
    audience: str | None = None


@dataclass
class Result:
    """What a job wrote, what it warned about, and the error that stopped it, if any."""

    job: Job
    written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error: GuideBuilderError | None = None


class Prepared(NamedTuple):
    """Everything a job renders from, validated."""

    plan: DocumentPlan
    brand: Brand
    warnings: list[Problem]


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


def prepare(job: Job) -> Prepared:
    """Load and validate everything a job needs; raises before any output is touched."""
    from guidebuilder.brand.glyphs import missing_glyph_warnings
    from guidebuilder.brand.locate import find_brand, load_brand
    from guidebuilder.guide.load import load_guide
    from guidebuilder.plan.build import build_plan

    guide, source = load_guide(job.guide)
    brand, warnings = load_brand(find_brand(job.guide, job.brand))
    warnings = warnings + missing_glyph_warnings(source, brand)
    edited = datetime.fromtimestamp(int(job.guide.stat().st_mtime), UTC).replace(tzinfo=None)
    return Prepared(build_plan(guide, job.audience, build_timestamp() or edited), brand, warnings)


def run_job(job: Job, parallel: bool = False, offload: str = "pptx") -> Result:
    """Build every target of ``job``. With ``parallel``, the ``offload`` format is rendered by a
    worker process forked first: in a cold process the deck, so python-pptx imports while this
    process validates; in a warm one (watch mode) the PDF, which forks more cheaply.
    Errors are captured in the result, never raised; outputs change only when all succeed."""
    result = Result(job)
    worker = (Worker(offload) if parallel and offload in job.targets and len(job.targets) > 1
              and can_fork() else None)
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
