"""Rebuild on save: watch guides and brand files, rebuild only the jobs whose inputs changed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from guidebuilder.brand.locate import BRAND_FILE
from guidebuilder.run.job import Job, Result, run_job
from guidebuilder.run.renderers import RenderSet


def _inputs(job: Job) -> set[Path]:
    """Files whose change should rebuild ``job``: the guide and every brand file it may use."""
    candidates = [job.guide, job.guide.parent / BRAND_FILE, Path.cwd() / BRAND_FILE]
    if job.brand is not None:
        candidates.append(job.brand)
    return {path.resolve() for path in candidates}


def watch_jobs(jobs: list[Job], report: Callable[[Result], None], renderers: RenderSet,
               stop: threading.Event | None = None) -> None:
    """Block, rebuilding affected jobs with ``renderers`` (kept warm between rebuilds) after
    each batch of saved changes, until ``stop`` is set (Ctrl-C raises KeyboardInterrupt). A
    watched folder that is deleted and made again (a checkout, a sync) is watched again."""
    import logging

    from watchfiles import watch

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its own log lines are not ours
    inputs = [(job, _inputs(job)) for job in jobs]
    folders = {path.parent for _, paths in inputs for path in paths}
    while stop is None or not stop.is_set():
        watched = sorted({str(p) for folder in folders for p in (folder, folder.parent)
                          if p.is_dir()})
        restart = False
        for changes in watch(*watched, stop_event=stop, debounce=150, step=10,
                             recursive=False, raise_interrupt=True):
            changed = {Path(path).resolve() for _, path in changes}
            restart = bool(changed & folders)  # a folder went or came back: watch it anew
            for job, paths in inputs:
                if paths & changed:
                    report(run_job(job, renderers))
            if restart:
                break
        if not restart:
            return
