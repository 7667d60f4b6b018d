"""Forked processes that import one renderer at once, then render each plan they are sent:
one per format, forked before the command line loads and kept for a whole batch or watch."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from multiprocessing.connection import Connection
from pathlib import Path

from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem, RenderError
from guidebuilder.plan.document import DocumentPlan
from guidebuilder.run.render import render, renderer, warm


def can_fork() -> bool:
    """Whether a worker process is worth starting here (Linux, more than one core)."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def quiet_signals() -> None:
    """In a worker process: Ctrl-C and SIGTERM end it at once, without a traceback; the
    parent reports the interruption and removes the temporary files."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Worker:
    """Renders one format in a child process forked when the worker is made, one plan at a
    time, for as long as it is open."""

    def __init__(self, fmt: str) -> None:
        context = multiprocessing.get_context("fork")
        self.fmt = fmt
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, fmt), daemon=True)
        gc.freeze()  # the child's collections then skip (and so do not copy) inherited objects
        # Ctrl-C and SIGTERM are held back until the child has reset its handlers, so the
        # parent's (which raise KeyboardInterrupt) never run in it and print a traceback
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            gc.unfreeze()
        child.close()

    def warm(self, brand: Brand) -> None:
        """Have the worker load what ``brand`` needs (its fonts) before the plan comes."""
        self.connection.send(("warm", brand))

    def send(self, plan: DocumentPlan, brand: Brand, target: Path) -> None:
        self.connection.send(("render", plan, brand, target))

    def alive(self) -> bool:
        return not self.connection.closed and self.process.is_alive()

    def result(self) -> list[Problem]:
        """The warnings of the render; its error is raised here."""
        try:
            kind, payload = self.connection.recv()
        except EOFError:
            self.process.join()
            raise RenderError(f"the {self.fmt.upper()} renderer stopped unexpectedly (exit code "
                              f"{self.process.exitcode})") from None
        if kind == "error":
            raise payload
        return list(payload)

    def close(self) -> None:
        """End the worker; one still running is killed (it only ever writes a temporary,
        which the caller removes)."""
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _serve(connection: Connection, fmt: str) -> None:
    quiet_signals()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    renderer(fmt)  # import while the parent validates
    gc.freeze()  # what the import made lives as long as the worker: never scan it again
    with connection:
        while True:
            try:
                kind, *message = connection.recv()
            except EOFError:  # the parent is done (or found an error: nothing to render)
                return
            if kind == "warm":
                warm(fmt, *message)
                continue
            try:
                connection.send(("ok", render(fmt, *message)))
            except GuideBuilderError as exc:
                connection.send(("error", exc))


class Workers:
    """A worker per format, made when first asked for and made again if one has ended; kept
    open across jobs until closed."""

    def __init__(self, formats: tuple[str, ...]) -> None:
        self.formats = formats
        self._open: dict[str, Worker] = {}

    def start(self) -> Workers:
        """Fork every worker now: each imports its renderer while this process goes on."""
        for fmt in self.formats:
            self.get(fmt)
        return self

    def get(self, fmt: str) -> Worker | None:
        """The open worker for ``fmt`` (None when this format is rendered here)."""
        if fmt not in self.formats:
            return None
        worker = self._open.get(fmt)
        if worker is None or not worker.alive():
            if worker is not None:
                worker.close()
            worker = self._open[fmt] = Worker(fmt)
        return worker

    def discard(self, fmt: str) -> None:
        """End the worker of ``fmt`` (a format this run does not make; ``get`` makes it
        again if asked)."""
        worker = self._open.pop(fmt, None)
        if worker is not None:
            worker.close()

    def close(self) -> None:
        for fmt in list(self._open):
            self.discard(fmt)
