"""The command's entry point (``guidebuilder``, ``python -m guidebuilder``). Signals are set up
first, so an interrupt at any moment ends the command with one line and exit code 130. A
command that renders forks its render processes before anything else is loaded, so that the
renderers import while the command line is read and the guide validated (the slowest at once,
the others once the command line is read: ``run.renderers.preforked``)."""

from __future__ import annotations

import gc
import os
import signal
import sys

STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # Ctrl-C, `timeout`, a closed terminal


def _stop(signum: int, frame: object) -> None:
    """The first stopping signal interrupts the command; later ones do nothing, so nothing
    can break the clean-up that follows."""
    for number in STOPPING:
        signal.signal(number, _again)
    raise KeyboardInterrupt


def _again(signum: int, frame: object) -> None:
    """A stopping signal during the clean-up of the first: the clean-up goes on (a handler
    that does nothing, not SIG_IGN: a signal already on its way would then raise)."""


def main() -> None:
    # loading the command makes objects by the hundred thousand and no garbage worth a
    # collection (a tenth of its time); a render collects its own (run/render.py), watch
    # mode turns collection back on (run/watch.py)
    gc.disable()
    # pydantic looks for plugins among every installed package's entry points before it
    # validates the first model; guidebuilder uses none (a user may still ask for some)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    for number in STOPPING:
        signal.signal(number, _stop)
    try:
        from guidebuilder.run.formats import planned_formats

        formats = planned_formats(sys.argv[1:])
        renderers = None
        if formats:
            from guidebuilder.run.renderers import preforked

            renderers = preforked(formats)
        from guidebuilder.cli import main as run

        run(renderers)
    except KeyboardInterrupt:  # before the command line could report it
        print("interrupted; no output was changed", file=sys.stderr)
        sys.exit(130)
    finally:
        # the process ends here: skip the final garbage collection over every object it ever
        # loaded (a tenth of a second after a build); its outputs are closed already
        gc.freeze()


if __name__ == "__main__":
    main()
