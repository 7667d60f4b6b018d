"""A private, verified cache for files made from brand files (TrueType copies of web fonts,
PNG renderings of SVG and ICO logos): a folder of the user's own, named by content, checked
on every read."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path


@cache
def _folder() -> Path:
    """``$XDG_CACHE_HOME/guidebuilder`` (or ``~/.cache``), when it is ours and private; else a
    fresh private temporary folder for this process."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "guidebuilder"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = root.stat()
        if status.st_uid == os.geteuid() and not status.st_mode & 0o077:
            return root
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="guidebuilder-"))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def derived(source: bytes, kind: str, suffix: str, make: Callable[[bytes], bytes]) -> Path:
    """The file ``make(source)`` as cached: found by the digest of ``kind`` and ``source``,
    used only if its bytes still hash to the name they were stored under; else made again."""
    folder = _folder()
    key = _digest(kind.encode() + b"\0" + source)
    reference = folder / f"{key}.ref"
    try:
        digest = reference.read_text(encoding="ascii").strip()
        stored = folder / f"{digest}{suffix}"
        if len(digest) == 64 and _digest(stored.read_bytes()) == digest:
            return stored
    except (OSError, UnicodeDecodeError):
        pass
    data = make(source)
    digest = _digest(data)
    stored = folder / f"{digest}{suffix}"
    for path, content in ((stored, data), (reference, digest.encode())):
        handle, partial = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(partial, path)
    return stored
