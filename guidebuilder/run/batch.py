"""Run many build jobs: one guide uses a process per format, many guides a process pool."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from guidebuilder.run.job import Job, Result, output_paths, run_job
from guidebuilder.run.worker import quiet_signals


def make_jobs(guides: Iterable[Path], out_dir: Path, formats: tuple[str, ...],
              brand: Path | None, audience: str | None) -> list[Job]:
    """One job per guide, writing ``out_dir/<stem>[-audience].<format>``."""
    return [Job(guide, output_paths(guide, out_dir, formats, audience), brand, audience)
            for guide in guides]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def run_jobs(jobs: list[Job], workers: int, stop: Callable[[Result], bool]) -> Iterator[Result]:
    """Results in job order. ``stop(result)`` returning True cancels the jobs not yet started."""
    if workers <= 1 or len(jobs) == 1 or sys.platform != "linux":
        for job in jobs:
            result = run_job(job, parallel=workers > 1)
            yield result
            if stop(result):
                return
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                             initializer=quiet_signals) as pool:
        futures = [pool.submit(run_job, job) for job in jobs]
        try:
            for future in futures:
                result = future.result()
                yield result
                if stop(result):
                    break
        finally:
            for future in futures:
                future.cancel()
