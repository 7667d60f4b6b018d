"""A private, verified, per-user cache: files made from brand files (TrueType copies of web
fonts, PNG renderings of SVG and ICO logos), named by content and checked on every read, and
small remembered hints (the page numbers of the last handbook), which are only ever guesses
their user verifies. The cache is an optimisation: when it cannot be read or written, files
are made in a scratch folder of the process instead (removed when the process ends), and the
first such failure gives one notice (:func:`notices`)."""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from guidebuilder.errors import Problem

MAX_RECORD_BYTES = 1_000_000  # a remembered hint
MAX_DERIVED_BYTES = 200_000_000  # a made file (a converted font, a rendered logo)
_SCRATCH_PREFIX = "guidebuilder-"
_SCRATCH_NAME = re.compile(r"^guidebuilder-(\d+)-")

_state: dict[str, object] = {"noticed": False, "scratch_owner": None}
_pending: list[Problem] = []


def notices() -> list[Problem]:
    """The notice about an unusable cache not yet shown (at most one per process), cleared."""
    found = list(_pending)
    _pending.clear()
    return found


def _notice(folder: Path | str, reason: str) -> None:
    """Say once per process that the cache cannot be used, and why."""
    if _state["noticed"]:
        return
    _state["noticed"] = True
    _pending.append(Problem(folder, f"the cache cannot be used ({reason}); building without it",
                            hint="make the folder a private one of yours (chmod 700), or set "
                                 "XDG_CACHE_HOME to the absolute path of one"))


def _root() -> Path:
    """``$XDG_CACHE_HOME/guidebuilder``; a relative XDG_CACHE_HOME is ignored, as the XDG spec
    says, for ``~/.cache/guidebuilder``."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(configured) if os.path.isabs(configured) else Path.home() / ".cache"
    return base / "guidebuilder"


@cache
def _folder() -> Path | None:
    """The cache folder, when it is a folder of ours that only we can read and write."""
    try:
        root = _root()
    except RuntimeError:  # no home folder to be found
        _notice("~/.cache", "there is no home folder")
        return None
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = root.stat()
    except OSError as exc:
        _notice(root, exc.strerror or type(exc).__name__)
        return None
    if not stat.S_ISDIR(status.st_mode):
        _notice(root, "it is not a folder")
    elif status.st_uid != os.geteuid():
        _notice(root, "it belongs to another user")
    elif status.st_mode & 0o077:
        _notice(root, "others can read or write it")
    elif not os.access(root, os.W_OK | os.X_OK):
        _notice(root, "it cannot be written")
    else:
        return root
    return None


@cache
def _scratch() -> Path:
    """A private temporary folder for this process, named with its pid and removed when the
    process ends; scratch folders of processes that have ended are removed first."""
    _remove_stale_scratch()
    folder = Path(tempfile.mkdtemp(prefix=f"{_SCRATCH_PREFIX}{os.getpid()}-"))
    _state["scratch_owner"] = os.getpid()
    return folder


def cleanup() -> None:
    """Remove this process's scratch folder. Runs at exit; a process that leaves with
    ``os._exit`` (a forked renderer) calls it first. A forked process never removes the
    folder its parent made."""
    if _state["scratch_owner"] != os.getpid() or _scratch.cache_info().currsize == 0:
        return
    shutil.rmtree(_scratch(), ignore_errors=True)
    _scratch.cache_clear()
    _state["scratch_owner"] = None


@atexit.register
def _at_exit() -> None:
    """Remove this process's scratch folder and, when it had no cache to use, those left by
    the render processes it started that have ended (they leave with ``os._exit``)."""
    cleanup()
    if _state["noticed"]:
        _remove_stale_scratch()


def _remove_stale_scratch() -> None:
    """Remove the scratch folders of this user's processes that no longer run."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            match = _SCRATCH_NAME.match(entry.name)
            if not match or process_alive(int(match[1])):
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(status.st_mode) and status.st_uid == os.geteuid():
                    shutil.rmtree(entry.path, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Whether a process ``pid`` still runs (names of scratch folders and temporaries carry
    the pid of the process that made them)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def identity(path: Path) -> tuple[int, int, int, int]:
    """What tells one version of a file from another (size, modification time, inode and
    device): memoised readings of a file in a long-lived process are keyed by it, never by the
    path alone, so a replaced file is read again. All zero when the file cannot be seen."""
    try:
        status = os.stat(path)
    except OSError:
        return (0, 0, 0, 0)
    return (status.st_size, status.st_mtime_ns, status.st_ino, status.st_dev)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` when it is a regular file (not a link, FIFO or device) of at
    most ``limit`` bytes; None otherwise. Opening never blocks and never follows a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        data = stream.read(limit + 1)
    return data if len(data) <= limit else None


def _write(folder: Path, path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary in ``folder``, removed on failure."""
    handle, partial = tempfile.mkstemp(dir=folder, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _stored(folder: Path, key: str, suffix: str) -> Path | None:
    """The file kept under ``key``, when its bytes still hash to the name it is stored under."""
    reference = _read(folder / f"{key}.ref", 64)
    digest = reference.decode("ascii", "replace").strip() if reference else ""
    if len(digest) != 64:
        return None
    stored = folder / f"{digest}{suffix}"
    data = _read(stored, MAX_DERIVED_BYTES)
    return stored if data is not None and _digest(data) == digest else None


def _store(folder: Path, key: str, suffix: str, data: bytes) -> Path:
    digest = _digest(data)
    stored = folder / f"{digest}{suffix}"
    _write(folder, stored, data)
    _write(folder, folder / f"{key}.ref", digest.encode())
    return stored


def derived(source: bytes, kind: str, suffix: str, make: Callable[[bytes], bytes]) -> Path:
    """The file ``make(source)`` as cached: found by the digest of ``kind`` and ``source``,
    used only if its bytes still hash to the name they were stored under; else made again
    (in the scratch folder when the cache cannot be written)."""
    key = _digest(kind.encode() + b"\0" + source)
    folder = _folder()
    made = _scratch() if _scratch.cache_info().currsize else None
    for place in (folder, made):
        found = _stored(place, key, suffix) if place is not None else None
        if found is not None:
            return found
    data = make(source)
    if folder is not None:
        try:
            return _store(folder, key, suffix, data)
        except OSError as exc:
            _notice(folder, exc.strerror or type(exc).__name__)
    return _store(_scratch(), key, suffix, data)


def _record(kind: str, key: bytes) -> Path | None:
    folder = _folder()
    name = _digest(kind.encode() + b"\0" + key)
    return folder / f"{name}.json" if folder else None


def recall(kind: str, key: bytes) -> object:
    """The JSON value last kept under ``kind`` and ``key``, or None. Anyone able to write the
    cache folder can change it, so callers treat it as a guess they check."""
    import json  # here: only a renderer remembers anything

    path = _record(kind, key)
    data = _read(path, MAX_RECORD_BYTES) if path is not None else None
    try:
        return json.loads(data) if data is not None else None
    except ValueError:
        return None


def keep(kind: str, key: bytes, value: object) -> None:
    """Keep ``value`` (JSON) under ``kind`` and ``key``; a cache that cannot be written is
    no error (one notice)."""
    import json

    path = _record(kind, key)
    if path is not None:
        try:
            _write(path.parent, path, json.dumps(value).encode())
        except OSError as exc:
            _notice(path.parent, exc.strerror or type(exc).__name__)
