"""The render processes, owned here alone. A format is rendered by a Renderer: in this process,
or in a forked one that imports its renderer while this one validates the guide. A RenderSet
holds one renderer per format; a batch renders through as many sets as it has processes for.
Forked renderers end with the build however it ends: they hold no end of another's pipe nor
the caller's output, and die with the process that forked them."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Protocol

from guidebuilder import cache
from guidebuilder.brand.model import Brand
from guidebuilder.errors import GuideBuilderError, Problem, RenderError
from guidebuilder.plan.document import DocumentPlan, RenderOptions
from guidebuilder.run.formats import Format, format_named
from guidebuilder.run.render import render, warm


def can_fork() -> bool:
    """Whether a render process is worth forking here (Linux, more than one core)."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


class Renderer(Protocol):
    """Renders one format, one plan at a time: ``start`` it, then read its ``result``."""

    fmt: Format

    def warm(self, brand: Brand) -> None:
        """Load what ``brand`` needs (its fonts) before the plan comes."""

    def start(self, plan: DocumentPlan, brand: Brand, target: Path,
              options: RenderOptions) -> None:
        """Render ``plan`` into ``target`` (here: at once; forked: in the background)."""

    def result(self) -> list[Problem]:
        """The warnings of the render started last; its error is raised here."""

    def alive(self) -> bool:
        """Whether it can take another plan."""

    def close(self) -> None:
        """End it; a render still under way is abandoned (its temporary is the caller's)."""


class LocalRenderer:
    """Renders in this process."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        self._outcome: list[Problem] | GuideBuilderError | OSError = []

    def warm(self, brand: Brand) -> None:
        warm(self.fmt, brand)

    def start(self, plan: DocumentPlan, brand: Brand, target: Path,
              options: RenderOptions) -> None:
        try:
            self._outcome = render(self.fmt, plan, brand, target, options)
        except (GuideBuilderError, OSError) as exc:
            self._outcome = exc

    def result(self) -> list[Problem]:
        outcome, self._outcome = self._outcome, []
        if isinstance(outcome, GuideBuilderError | OSError):
            raise outcome
        return outcome

    def alive(self) -> bool:
        return True

    def close(self) -> None:
        self._outcome = []


_PIPES: set[Connection] = set()  # this process's ends of its forked renderers' pipes
_CUES: set[int] = set()  # this process's ends of the pipes that cue a render process's import


class ForkedRenderer:
    """Renders in a child process forked when it is made, for as long as it is open. The
    child imports its renderer at once; or, given ``after`` (a pipe's reading end), when that
    pipe is closed or it is first sent something, whichever comes first. It closes ``then``
    (the writing end of the next one's ``after``) once imported."""

    def __init__(self, fmt: Format, after: int | None = None, then: int | None = None) -> None:
        context = multiprocessing.get_context("fork")
        self.fmt = fmt
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, fmt, os.getpid(), after, then),
                                       daemon=True)
        _PIPES.add(self.connection)
        gc.freeze()  # the child's collections then skip (and so do not copy) inherited objects
        # signals are held back until the child has set its own handlers, so the parent's
        # (which raise KeyboardInterrupt) never run in it
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            gc.unfreeze()
        child.close()

    def warm(self, brand: Brand) -> None:
        self._send(("warm", brand))

    def start(self, plan: DocumentPlan, brand: Brand, target: Path,
              options: RenderOptions) -> None:
        self._send(("render", plan, brand, target, options))

    def _send(self, message: tuple[object, ...]) -> None:
        with contextlib.suppress(OSError):  # it has ended: result() reports how
            self.connection.send(message)

    def alive(self) -> bool:
        return not self.connection.closed and self.process.is_alive()

    def result(self) -> list[Problem]:
        try:
            kind, payload = self.connection.recv()
        except (EOFError, OSError):
            self.process.join()
            raise RenderError(f"the {self.fmt.what} renderer stopped unexpectedly (exit code "
                              f"{self.process.exitcode})") from None
        if kind == "error":
            raise payload
        return list(payload)

    def close(self) -> None:
        _PIPES.discard(self.connection)
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


_STOPPING = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _detach(parent: int, cues: set[int]) -> None:
    """In a new render process: end with the parent (even killed with SIGKILL), hold none of
    the parent's pipe ends (its own included: the parent's end closing is how it learns the
    build is over) and no cue but its own, nor the caller's output; leave signals to the
    parent."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    for pipe in _PIPES:
        pipe.close()
    _PIPES.clear()
    for cue in _CUES - cues:
        os.close(cue)
    _CUES.clear()
    null = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):  # a reader of the build's output sees its end when the build ends
        os.dup2(null, stream)
    os.close(null)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C (and a closed terminal) reach the
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # whole group: the parent stops the build
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how the parent's clean-up may end us
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(0)


def _serve(connection: Connection, fmt: Format, parent: int, after: int | None,
           then: int | None) -> None:
    """Render what the parent sends until it is done; the process leaves with os._exit, so
    it removes its scratch files itself."""
    try:
        _render_what_is_sent(connection, fmt, parent, after, then)
    finally:
        cache.cleanup()


def _render_what_is_sent(connection: Connection, fmt: Format, parent: int, after: int | None,
                         then: int | None) -> None:
    cues = {cue for cue in (after, then) if cue is not None}
    _detach(parent, cues)
    if after is not None:
        wait([connection, after])
    fmt.renderer()  # import while the parent validates
    gc.freeze()  # what the import made lives as long as the process: never scan it again
    for cue in cues:
        os.close(cue)
    with connection:
        while True:
            try:
                kind, *message = connection.recv()
            except (EOFError, OSError):  # the parent is done (or found nothing to render)
                return
            if kind == "warm":
                warm(fmt, *message)
                continue
            try:
                answer: tuple[str, object] = ("ok", render(fmt, *message) + cache.notices())
            except (GuideBuilderError, OSError) as exc:
                answer = ("error", exc)
            try:
                connection.send(answer)
            except OSError:
                return


class RenderSet:
    """One renderer per format, forked or here; a forked one that has ended is forked again
    when next asked for."""

    def __init__(self, formats: tuple[str, ...], forked: bool) -> None:
        self.formats = formats
        self.forked = forked
        self._open: dict[str, Renderer] = {}

    def start(self, in_turn: bool = False) -> RenderSet:
        """Make every renderer now: a forked one imports its renderer meanwhile; ``in_turn``,
        each once the one before has imported its own (or it is sent something first)."""
        after = None
        for index, fmt in enumerate(self.formats):
            following = then = None
            if in_turn and self.forked and index + 1 < len(self.formats):
                following, then = os.pipe()
                _CUES.update((following, then))
            self.get(fmt, after, then)
            after = following
        for cue in list(_CUES):  # the render processes hold the ends they use
            os.close(cue)
        _CUES.clear()
        return self

    def get(self, fmt: str, after: int | None = None, then: int | None = None) -> Renderer:
        renderer = self._open.get(fmt)
        if renderer is None or not renderer.alive():
            if renderer is not None:
                renderer.close()
            renderer = self._open[fmt] = (ForkedRenderer(format_named(fmt), after, then)
                                          if self.forked else LocalRenderer(format_named(fmt)))
        return renderer

    def keep_only(self, formats: tuple[str, ...]) -> None:
        """End the renderers of formats this run does not make."""
        for fmt in set(self._open) - set(formats):
            self._open.pop(fmt).close()
        self.formats = formats

    def close(self) -> None:
        for fmt in list(self._open):
            self._open.pop(fmt).close()


class Renderers:
    """Every render process of one command: render sets for up to ``processes`` processes
    (one set rendering here when there is only one), the first of them perhaps forked
    before the command line was read (see ``preforked``)."""

    def __init__(self, formats: tuple[str, ...], processes: int,
                 first: RenderSet | None = None) -> None:
        self.formats = formats
        self.forked = processes > 1 and can_fork()
        self.limit = max(1, processes // len(formats)) if self.forked else 1
        self.sets: list[RenderSet] = []
        if first is not None and first.forked == self.forked:
            first.keep_only(formats)
            self.sets.append(first)
        elif first is not None:
            first.close()

    def for_jobs(self, count: int) -> list[RenderSet]:
        """The sets a run of ``count`` jobs uses, made now when missing."""
        wanted = max(1, min(count, self.limit))
        while len(self.sets) < wanted:
            self.sets.append(RenderSet(self.formats, self.forked).start())
        return self.sets[:wanted]

    def close(self) -> None:
        for render_set in self.sets:
            render_set.close()
        self.sets = []


def preforked(formats: tuple[str, ...]) -> RenderSet | None:
    """The render set of a command that renders ``formats`` (see ``formats.planned_formats``),
    forked now, before the command line is read in full; None where forking does not pay.
    The processes import their renderers in turn, the slowest first (see ``FORMATS``):
    three processes importing at once on two cores slowed the command's own work, which
    every render waits for. Forked now, not then, they share little memory with the command
    (a later fork made both copy each page they touched)."""
    return RenderSet(formats, forked=True).start(in_turn=True) if can_fork() else None
