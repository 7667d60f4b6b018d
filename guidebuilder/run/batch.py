"""Run many build jobs: one guide uses a worker per format; many guides go through those workers
as a pipeline (on up to three cores) or a process pool of whole-job workers (on more). Only
this process puts outputs in place, so a stopped batch writes nothing more."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from guidebuilder.errors import GuideBuilderError, Problem
from guidebuilder.run.job import (
    Job,
    Result,
    Started,
    abandon,
    commit_job,
    finish_job,
    output_paths,
    run_job,
    stage_job,
    start_job,
)
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


PIPELINE_CORES = 3  # a pipeline keeps this process and one worker per format busy


def run_jobs(jobs: list[Job], workers: int, stop: Callable[[Result], bool],
             kept: Workers | None = None) -> Iterator[Result]:
    """Results in job order, each committed as it is yielded. ``stop(result)`` returning True
    stops the batch: nothing after it is written. An interrupt stops it the same way. With
    ``kept`` workers (one per format), one job, or a batch on up to three cores, is rendered
    by them; a batch on more cores by a pool."""
    if kept is not None and len(jobs) > 1 and workers <= PIPELINE_CORES:
        yield from _pipeline(jobs, kept, stop)
        return
    if workers <= 1 or len(jobs) == 1 or sys.platform != "linux":
        for job in jobs:
            result = run_job(job, parallel=workers > 1, workers=kept)
            yield result
            if stop(result):
                return
        return
    if kept is not None:
        kept.close()  # the pool's workers do whole jobs
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


def _pipeline(jobs: list[Job], kept: Workers, stop: Callable[[Result], bool]) -> Iterator[Result]:
    """Each job is validated and sent to the workers while they render the one before."""
    waiting: deque[Started] = deque()
    try:
        for index, job in enumerate(jobs):
            waiting.append(start_job(job, kept))
            last = index == len(jobs) - 1
            while waiting and (len(waiting) > 1 or last):
                result = commit_job(finish_job(waiting.popleft()))
                yield result
                if stop(result):
                    return
    finally:
        if waiting:  # stopped: the answers still due will not be read
            kept.close()
            for started in waiting:
                abandon(started)
