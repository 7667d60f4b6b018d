"""The command's entry point (``guidebuilder``, ``python -m guidebuilder``). A command that
renders forks its render workers before anything else is loaded, so that the renderers import
while the command line is read and the guide is validated: a cold build then costs little more
than its slowest import."""

from __future__ import annotations

import gc
import sys

RENDERS = {"build": ("pdf", "pptx"), "pdf": ("pdf",), "slides": ("pptx",)}


def main() -> None:
    # the top-level options (--help, --version) take no value: the first word is the command
    command = next((word for word in sys.argv[1:] if not word.startswith("-")), "")
    workers = None
    if command in RENDERS:
        from guidebuilder.run.worker import Workers, can_fork

        if can_fork():
            workers = Workers(RENDERS[command]).start()
    from guidebuilder.cli import main as run

    try:
        run(workers)
    finally:
        # the process ends here: skip the final garbage collection over every object it ever
        # loaded (a tenth of a second after a build); its outputs are closed already
        gc.freeze()


if __name__ == "__main__":
    main()
