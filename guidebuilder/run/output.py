"""Every file the tool writes goes through here: targets checked first (never a link, a folder,
a device, nor through a file standing where a folder should be), temporary files beside them,
renamed over them only when all are complete; the old files stay on any failure, and
temporaries of a stopped build are never left behind."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from guidebuilder.cache import process_alive
from guidebuilder.errors import Problem, RenderError

TEMP_SUFFIX = ".part"
RUN = f"gb-{os.getpid()}"  # names this build's temporaries; forked workers keep the parent's


def _pattern(target: Path, run: str = "gb-*") -> str:
    return f".{target.name}.{run}-*{TEMP_SUFFIX}"


def check_targets(targets: Iterable[Path]) -> None:
    """Problems that would stop a file from being written, found before any is: a link (even
    one to nowhere: writing through it would change a file elsewhere), a folder or a device
    where the file goes, or a file where one of its folders goes."""
    problems = []
    for target in targets:
        if target.is_symlink():
            problems.append(Problem(target, "is a symbolic link; guidebuilder never writes "
                                    "through links", hint="remove the link, or choose another "
                                    "path"))
        elif target.exists() and not target.is_file() and not target.is_dir():
            problems.append(Problem(target, "is not a regular file (a pipe or a device), so "
                                    "nothing can be written there", hint="choose another path"))
        elif target.is_dir():
            problems.append(Problem(target, "is a folder, so the output cannot be written there",
                                    hint="remove or rename the folder, or choose another output"))
        elif next((p for p in target.parents if p.exists()), Path(".")).is_file():
            problems.append(Problem(target, "cannot be written: a file stands where its folder "
                                            "should be", hint="choose another output folder"))
    if problems:
        raise RenderError(problems)


def stage(targets: Iterable[Path]) -> dict[Path, Path]:
    """A new, empty temporary file beside each target (stale ones of dead builds removed)."""
    temporaries: dict[Path, Path] = {}
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale(target)
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{RUN}-",
                                            suffix=TEMP_SUFFIX)
            os.close(handle)
            temporaries[target] = Path(name)
    except BaseException:
        discard(temporaries)
        raise
    return temporaries


def commit(temporaries: dict[Path, Path]) -> None:
    """Rename every temporary over its target, keeping a replaced file's permissions. All of
    them or none: if one rename fails, the targets already replaced get their old files back."""
    default = 0o666 & ~_umask()
    backups: dict[Path, Path] = {}
    replaced: list[Path] = []
    try:
        for target, temporary in temporaries.items():
            mode = default
            if target.is_file():
                mode = stat.S_IMODE(target.stat().st_mode)
                backups[target] = temporary.with_name(temporary.name + ".old")
                os.link(target, backups[target])
            os.chmod(temporary, mode)
            os.replace(temporary, target)
            replaced.append(target)
    except BaseException:
        for target in replaced:
            if target in backups:
                os.replace(backups.pop(target), target)
            else:
                target.unlink(missing_ok=True)
        raise
    finally:
        for backup in backups.values():
            backup.unlink(missing_ok=True)


def write_files(contents: dict[Path, bytes]) -> None:
    """Write every file of ``contents`` or, on any failure, none; raises RenderError naming the
    file (never a temporary)."""
    check_targets(contents)
    temporaries: dict[Path, Path] = {}
    try:
        temporaries = stage(contents)
        for target, data in contents.items():
            temporaries[target].write_bytes(data)
        commit(temporaries)
    except OSError as exc:
        raise RenderError(write_problem(exc, list(contents))) from None
    finally:
        discard(temporaries)


def write_problem(exc: OSError, targets: list[Path]) -> Problem:
    """An OS error while writing, named by the file it concerns (a temporary by its target)."""
    named = Path(exc.filename) if exc.filename else None
    target = next((t for t in targets if named and (
        named == t or named.name.startswith(f".{t.name}."))), named or "the output folder")
    return Problem(target, f"cannot be written ({exc.strerror})",
                   hint="check the folder is writable and has free space")


def discard(temporaries: dict[Path, Path]) -> None:
    for temporary in temporaries.values():
        temporary.unlink(missing_ok=True)


def remove_run_temporaries(targets: Iterable[Path]) -> None:
    """Remove every temporary this build (or its workers) made beside ``targets``."""
    for target in targets:
        for leftover in target.parent.glob(_pattern(target, RUN) + "*"):
            leftover.unlink(missing_ok=True)


def remove_stale(target: Path) -> None:
    """Remove temporaries beside ``target`` left by builds whose process is gone (killed)."""
    for leftover in target.parent.glob(_pattern(target) + "*"):
        try:
            pid = int(leftover.name.split(".gb-", 1)[1].split("-", 1)[0])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not process_alive(pid):
            leftover.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
