"""Rebuild on save: watch guides and brand files, rebuild only the jobs whose inputs changed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from guidebuilder.brand.locate import BRAND_FILE
from guidebuilder.run.job import Job, Result, run_job
from guidebuilder.run.render import FORMATS, renderer


def _inputs(job: Job) -> set[Path]:
    """Files whose change should rebuild ``job``: the guide and every brand file it may use."""
    candidates = [job.guide, job.guide.parent / BRAND_FILE, Path.cwd() / BRAND_FILE]
    if job.brand is not None:
        candidates.append(job.brand)
    return {path.resolve() for path in candidates}


def watch_jobs(jobs: list[Job], report: Callable[[Result], None],
               stop: threading.Event | None = None, parallel: bool = True) -> None:
    """Block, rebuilding affected jobs after each batch of saved changes, until ``stop`` is set."""
    from watchfiles import watch

    for fmt in FORMATS:  # import both renderers here once: forked workers then start warm
        renderer(fmt)
    inputs = [(job, _inputs(job)) for job in jobs]
    folders = sorted({str(path.parent) for _, paths in inputs for path in paths
                      if path.parent.is_dir()})
    for changes in watch(*folders, stop_event=stop, debounce=150, step=30, recursive=False,
                         raise_interrupt=False):
        changed = {Path(path).resolve() for _, path in changes}
        for job, paths in inputs:
            if paths & changed:
                report(run_job(job, parallel=parallel, offload="pdf"))
