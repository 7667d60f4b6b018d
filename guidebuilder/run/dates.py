"""The date a build puts in its outputs: SOURCE_DATE_EPOCH when set, else the guide's ``date``
when it reads as one, else the guide file's last save; so that builds of the same input give
the same bytes, and a record can tell whether the date would change."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %Y",
                 "%d.%m.%Y", "%d/%m/%Y")


@dataclass(frozen=True)
class Stamp:
    """A build's date (ISO) and where it came from: ``epoch``, ``date`` or ``mtime``."""

    source: str
    value: str

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.value)


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(int(seconds), UTC).replace(tzinfo=None)


def current_stamps(guide: Path) -> dict[str, Stamp]:
    """The stamps that do not need the guide read: SOURCE_DATE_EPOCH's (when set and valid)
    and the guide's last save's."""
    stamps = {"mtime": Stamp("mtime", _utc(guide.stat().st_mtime).isoformat())}
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    with contextlib.suppress(ValueError, OverflowError, OSError):  # unset, or not a time
        stamps["epoch"] = Stamp("epoch", _utc(int(value)).isoformat())
    return stamps


def build_stamp(guide: Path, date: str) -> Stamp:
    """The stamp a build of ``guide``, whose ``date`` field is ``date``, uses."""
    stamps = current_stamps(guide)
    if "epoch" in stamps:
        return stamps["epoch"]
    for pattern in _DATE_FORMATS:
        try:
            return Stamp("date", datetime.strptime(date.strip(), pattern).isoformat())
        except ValueError:
            continue
    return stamps["mtime"]
