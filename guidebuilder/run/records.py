"""What built each output, so that a build renders only what changed. Beside the outputs, in a
``.guidebuilder`` folder, a record per output names everything that shaped it: the tool (its
version and its own files), the options, each file read (by content), the brand files that
were looked for and not there, and where the date came from; and the digest of the output as
written. An output is up to date when all of these still hold; a deleted or hand-edited
output, a copied folder whose inputs differ, or a newer tool is rebuilt."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from guidebuilder import __version__
from guidebuilder.run.dates import Stamp

FOLDER = ".guidebuilder"
MAX_RECORD_BYTES = 1_000_000


@dataclass(frozen=True)
class Record:
    """What built one job's outputs."""

    tool: str
    options: str
    stamp: Stamp
    inputs: dict[str, str | None]  # path → content digest, None: looked for and absent
    outputs: dict[str, str] = field(default_factory=dict)  # output name → its digest


def record_path(target: Path) -> Path:
    return target.parent / FOLDER / f"{target.name}.json"


@cache
def tool_identity() -> str:
    """The version, and the name, size and last change of each file of the package's code
    and data: a changed (or reinstalled) tool rebuilds; its fonts are inputs of the builds
    that use them."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml", ".yaml", ".yml") and "__pycache__" not in path.parts:
            status = path.stat()
            digest.update(f"{path.relative_to(package)}\0{status.st_size}\0"
                          f"{status.st_mtime_ns}\0".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


_DIGESTS: dict[tuple[str, int, int, int], str] = {}


def _digest(path: Path) -> str:
    """The sha256 of a file's bytes, read once per version of the file in this process."""
    status = path.stat()
    key = (str(path), status.st_size, status.st_mtime_ns, status.st_ino)
    if key not in _DIGESTS:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        _DIGESTS[key] = digest.hexdigest()
    return _DIGESTS[key]


def digest_or_none(path: Path) -> str | None:
    """The digest of a regular file, or None when there is none (or it cannot be read)."""
    try:
        return _digest(path) if path.is_file() else None
    except OSError:
        return None


def make_record(options: str, stamp: Stamp, inputs: list[Path], absent: list[Path]) -> Record:
    """The record of a build from these inputs (read now, as the build read them)."""
    found = {str(path.resolve()): digest_or_none(path) for path in inputs}
    found.update({str(path.resolve()): None for path in absent if not path.is_file()})
    return Record(tool_identity(), options, stamp, found)


def up_to_date(targets: list[Path], options: str, now: dict[str, Stamp]) -> bool:
    """Whether every target exists as last written, from inputs that are all as they were
    then, by this tool with these options, dated the same; ``now`` holds the stamps of
    SOURCE_DATE_EPOCH (when set) and of the guide's last save."""
    records = [_read(record_path(target)) for target in targets]
    if not records or any(record is None for record in records):
        return False
    record = records[0]
    assert record is not None
    if any(other != record for other in records[1:]) or record.tool != tool_identity():
        return False
    source = "epoch" if "epoch" in now else record.stamp.source
    same_date = source == "date" or now.get(source) == record.stamp  # a date is in the guide
    if record.options != options or not same_date:
        return False
    if any(digest_or_none(Path(path)) != digest for path, digest in record.inputs.items()):
        return False
    return all(digest_or_none(target) == record.outputs.get(target.name) for target in targets)


def contents(record: Record, targets: list[Path]) -> dict[Path, bytes]:
    """The record files of ``targets``, written after them, naming their digests."""
    done = Record(record.tool, record.options, record.stamp, record.inputs,
                  {target.name: digest_or_none(target) or "" for target in targets})
    data = json.dumps(asdict(done), indent=1, sort_keys=True).encode()
    return {record_path(target): data for target in targets}


def _read(path: Path) -> Record | None:
    """The record at ``path``, or None when there is none or it is not one of ours."""
    try:
        if os.path.islink(path) or not path.is_file() or path.stat().st_size > MAX_RECORD_BYTES:
            return None
        data = json.loads(path.read_bytes())
        return Record(str(data["tool"]), str(data["options"]), Stamp(**data["stamp"]),
                      dict(data["inputs"]), dict(data["outputs"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
