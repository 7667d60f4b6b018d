"""A forked process that imports one renderer at once, then renders the plan it is sent."""

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
from guidebuilder.run.render import render, renderer


def can_fork() -> bool:
    """Whether a worker process is worth starting here (Linux, more than one core)."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


def quiet_signals() -> None:
    """In a worker process: Ctrl-C and SIGTERM end it at once, without a traceback; the
    parent reports the interruption and removes the temporary files."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Worker:
    """Renders one format in a child process forked when the worker is made."""

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

    def send(self, plan: DocumentPlan, brand: Brand, target: Path) -> None:
        self.connection.send((plan, brand, target))

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
    try:
        plan, brand, target = connection.recv()
    except EOFError:  # the parent found an error: nothing to render
        return
    try:
        connection.send(("ok", render(fmt, plan, brand, target)))
    except GuideBuilderError as exc:
        connection.send(("error", exc))
    finally:
        connection.close()
