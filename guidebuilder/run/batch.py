"""Run many build jobs: one guide uses a process per format, many guides a process pool whose
workers only render; this process puts outputs in place, so a stopped batch writes nothing more."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from guidebuilder.errors import GuideBuilderError, Problem
from guidebuilder.run.job import Job, Result, commit_job, output_paths, run_job, stage_job
from guidebuilder.run.output import remove_run_temporaries
from guidebuilder.run.worker import Workers, quiet_signals


def make_jobs(guides: Iterable[Path], out_dir: Path, formats: tuple[str, ...],
              brand: Path | None, audience: str | None) -> list[Job]:
    """One job per guide, writing ``out_dir/<stem>[-audience].<format>``. Two guides that
    would write the same output are an error, raised before anything is written."""
    jobs = [Job(guide, output_paths(guide, out_dir, formats, audience), brand, audience)
            for guide in dict.fromkeys(guides)]
    owners: dict[Path, Path] = {}
    problems = []
    for job in jobs:
        for target in job.targets.values():
            key = target.resolve()
            if key in owners:
                problems.append(Problem(target, f"both {owners[key]} and {job.guide} would be "
                                        "written here", hint="rename one of the guides, or "
                                        "build them into different folders"))
            owners.setdefault(key, job.guide)
    if problems:
        raise GuideBuilderError(problems)
    return jobs


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def run_jobs(jobs: list[Job], workers: int, stop: Callable[[Result], bool],
             kept: Workers | None = None) -> Iterator[Result]:
    """Results in job order, each committed as it is yielded. ``stop(result)`` returning True
    stops the batch: nothing after it is written. An interrupt stops it the same way. One job
    (or one worker) is built here, its formats rendered by ``kept`` workers when given."""
    if workers <= 1 or len(jobs) == 1 or sys.platform != "linux":
        for job in jobs:
            result = run_job(job, parallel=workers > 1, workers=kept)
            yield result
            if stop(result):
                return
        return
    pool = multiprocessing.get_context("fork").Pool(min(workers, len(jobs)),
                                                      initializer=quiet_signals)
    try:
        for result in pool.imap(stage_job, jobs):
            yield commit_job(result)
            if stop(result):
                break
    finally:
        pool.terminate()  # workers render only; what they staged is removed below
        pool.join()
        remove_run_temporaries(t for job in jobs for t in job.targets.values())
