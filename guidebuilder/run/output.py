"""Write outputs atomically: temporary files in the target folder, renamed when all are complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".part"


@contextmanager
def staged(targets: Iterable[Path]) -> Iterator[dict[Path, Path]]:
    """Yield a temporary file beside each target. When the block completes, every temporary
    replaces its target; on any failure or interrupt they are all removed and the targets are
    left exactly as they were."""
    temporaries: dict[Path, Path] = {}
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                            suffix=TEMP_SUFFIX)
            os.close(handle)
            temporaries[target] = Path(name)
        yield temporaries
        mode = 0o666 & ~_umask()
        for target, temporary in temporaries.items():
            os.chmod(temporary, mode)
            os.replace(temporary, target)
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
