"""A private, verified, per-user cache: files made from brand files (TrueType copies of web
fonts, PNG renderings of SVG and ICO logos), named by content and checked on every read, and
small remembered hints (the page numbers of the last handbook), which are only ever guesses
their user verifies."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

MAX_RECORD_BYTES = 1_000_000


@cache
def _folder() -> Path | None:
    """``$XDG_CACHE_HOME/guidebuilder`` (or ``~/.cache``), when it is ours and private."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "guidebuilder"
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = root.stat()
        if status.st_uid == os.geteuid() and not status.st_mode & 0o077:
            return root
    except OSError:
        pass
    return None


@cache
def _scratch() -> Path:
    """A fresh private temporary folder for this process, when there is no cache folder."""
    return Path(tempfile.mkdtemp(prefix="guidebuilder-"))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(folder: Path, path: Path, content: bytes) -> None:
    handle, partial = tempfile.mkstemp(dir=folder, suffix=".part")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
    os.replace(partial, path)


def derived(source: bytes, kind: str, suffix: str, make: Callable[[bytes], bytes]) -> Path:
    """The file ``make(source)`` as cached: found by the digest of ``kind`` and ``source``,
    used only if its bytes still hash to the name they were stored under; else made again."""
    folder = _folder() or _scratch()
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
    _write(folder, stored, data)
    _write(folder, reference, digest.encode())
    return stored


def _record(kind: str, key: bytes) -> Path | None:
    folder = _folder()
    name = _digest(kind.encode() + b"\0" + key)
    return folder / f"{name}.json" if folder else None


def recall(kind: str, key: bytes) -> object:
    """The JSON value last kept under ``kind`` and ``key``, or None. Anyone able to write the
    cache folder can change it, so callers treat it as a guess they check."""
    import json  # here: only a renderer remembers anything

    path = _record(kind, key)
    try:
        if path is None or path.stat().st_size > MAX_RECORD_BYTES:
            return None
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def keep(kind: str, key: bytes, value: object) -> None:
    """Keep ``value`` (JSON) under ``kind`` and ``key``; a cache that cannot be written is
    no error."""
    import json

    path = _record(kind, key)
    if path is not None:
        with contextlib.suppress(OSError):
            _write(path.parent, path, json.dumps(value).encode())
