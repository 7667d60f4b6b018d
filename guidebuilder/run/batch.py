"""Run many build jobs through the command's render sets, in order; only this process puts
outputs in place, so a stopped batch writes nothing more."""

from __future__ import annotations

import os
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
    start_job,
)
from guidebuilder.run.output import remove_run_temporaries
from guidebuilder.run.renderers import Renderers


def make_jobs(guides: Iterable[Path], out_dir: Path, formats: tuple[str, ...],
              brand: Path | None, audience: str | None, rebuild: bool = False) -> list[Job]:
    """One job per guide, writing ``out_dir/<stem>[-audience].<format>`` (all rendered with
    ``rebuild``, else only those not up to date). Two guides that would write the same output
    are an error, raised before anything is written."""
    jobs = [Job(guide, output_paths(guide, out_dir, formats, audience), brand, audience,
                rebuild=rebuild) for guide in dict.fromkeys(guides)]
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


def check_audience(jobs: list[Job], audience: str | None) -> None:
    """Refuse an audience that no guide names (a typo would otherwise drop every item meant
    for the intended one), naming those the guides use; before anything is written."""
    if audience is None:
        return
    from guidebuilder.errors import YamlError
    from guidebuilder.reading import located

    used: set[str] = set()
    for job in jobs:
        try:
            used |= _audiences(located.load(job.guide, "guide", "title, roles, …").data)
        except YamlError:
            return  # the build reports the file's problem
    if audience not in used:
        names = ", ".join(sorted(used)) if used else "none (no item has an audience list)"
        raise GuideBuilderError(Problem("", f"no item of the guides is for the audience "
                                        f"'{audience}'", hint=f"the audiences they name: {names}"))


def _audiences(data: object) -> set[str]:
    """Every name in an ``audience`` list anywhere in a guide's data."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "audience":
                found |= {str(v).strip() for v in (value if isinstance(value, list) else [value])}
            else:
                found |= _audiences(value)
    elif isinstance(data, list):
        for item in data:
            found |= _audiences(item)
    return found


def default_processes() -> int:
    """The cores this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def run_jobs(jobs: list[Job], renderers: Renderers,
             stop: Callable[[Result], bool]) -> Iterator[Result]:
    """Results in job order, each committed as it is yielded; ``stop(result)`` returning True
    stops the batch, and nothing after it is written (an interrupt stops it the same way).
    Jobs go round the render sets: with forked ones, each job is validated and sent while
    the ones before it render, and a set's next job waits in its pipe while it renders the one
    before; rendered here, one job after the other."""
    sets = renderers.for_jobs(len(jobs))
    ahead = len(sets) if renderers.forked else 0  # jobs under way beside the one finished next
    waiting: deque[Started] = deque()
    finished = False
    try:
        for index, job in enumerate(jobs):
            waiting.append(start_job(job, sets[index % len(sets)]))
            last = index == len(jobs) - 1
            while waiting and (len(waiting) > ahead or last):
                result = commit_job(finish_job(waiting.popleft()))
                yield result
                if stop(result):
                    return
        finished = True
    finally:
        if not finished:  # stopped or interrupted: the renders still under way are ended
            renderers.close()
            for started in waiting:
                abandon(started)
            remove_run_temporaries(t for job in jobs for t in job.targets.values())
