"""Rebuild on save: watch every file a guide's build reads (the guide, the brand files it may
use, the fonts, logos and template its brand names) and rebuild only the jobs whose inputs
changed."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from pathlib import Path

from guidebuilder.brand.locate import BRAND_FILE
from guidebuilder.errors import Problem
from guidebuilder.run.job import Job, Result, run_job
from guidebuilder.run.renderers import RenderSet


class _Watched:
    """One job, the files whose change rebuilds it, and the brand file its last build used."""

    def __init__(self, job: Job) -> None:
        self.job = job
        candidates = [job.guide, job.guide.parent / BRAND_FILE, Path.cwd() / BRAND_FILE]
        self.candidates = {path.resolve() for path in (*candidates, *filter(None, [job.brand]))}
        self.paths = set(self.candidates)
        self.brand: Path | None = None

    def rebuild(self, renderers: RenderSet) -> Result:
        """Build again; the files watched become those this build read, and a brand file the
        last build used that is gone is said."""
        result = run_job(self.job, renderers)
        if result.inputs:
            brand = next((p for p, what in result.inputs.items() if what == "the brand file"), None)
            if self.brand is not None and brand != self.brand and not self.brand.exists():
                instead = f"the brand file {brand}" if brand else "the built-in brand"
                result.warnings.append(Problem(self.brand, "is gone, so the guide was built "
                                               f"with {instead}", hint="restore the file, or "
                                               "pass --brand"))
            self.brand = brand
            self.paths = self.candidates | {path.resolve() for path in result.inputs}
        return result


def watch_jobs(jobs: list[Job], report: Callable[[Result], None], renderers: RenderSet,
               stop: threading.Event | None = None, first: list[Result] | None = None) -> None:
    """Block, rebuilding affected jobs with ``renderers`` (kept warm between rebuilds) after
    each batch of saved changes, until ``stop`` is set (Ctrl-C raises KeyboardInterrupt).
    ``first`` holds the results of the build before watching, whose inputs are watched. A
    watched folder that is deleted and made again (a checkout, a sync) is watched again, and
    so is one that a rebuild starts reading from."""
    import logging

    from watchfiles import watch

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its own log lines are not ours
    gc.freeze()  # a long life: collect garbage again (see __main__), but never rescan the start
    gc.enable()
    watched = [_Watched(job) for job in jobs]
    for entry, result in zip(watched, first or (), strict=False):
        entry.brand = next((p for p, what in result.inputs.items() if what == "the brand file"),
                           None)
        entry.paths |= {path.resolve() for path in result.inputs}
    while stop is None or not stop.is_set():
        folders = {path.parent for entry in watched for path in entry.paths}
        places = sorted({str(p) for folder in folders for p in (folder, folder.parent)
                         if p.is_dir()})
        restart = False
        for changes in watch(*places, stop_event=stop, debounce=150, step=10,
                             recursive=False, raise_interrupt=True):
            changed = {Path(path).resolve() for _, path in changes}
            restart = bool(changed & folders)  # a folder went or came back: watch it anew
            for entry in watched:
                if entry.paths & changed:
                    report(entry.rebuild(renderers))
            restart = restart or folders != {p.parent for e in watched for p in e.paths}
            if restart:
                break
        if not restart:
            return
