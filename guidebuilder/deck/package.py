"""Save a presentation deterministically: fixed core properties and zip entry times."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

FIXED = datetime(2000, 1, 1)


def set_properties(prs: Any, title: str, author: str, subject: str, language: str,
                   timestamp: datetime | None) -> None:
    props = prs.core_properties
    when = (timestamp or FIXED).replace(tzinfo=None, microsecond=0)
    title, author, subject = (text[:255] for text in (title, author, subject))  # OOXML's limit
    props.title, props.author, props.subject = title, author, subject
    props.last_modified_by, props.language = author, language[:255]
    props.created = props.modified = when
    props.revision = 1
    props.keywords = props.comments = props.category = ""


def save(prs: Any, target: Path | BinaryIO, timestamp: datetime | None) -> None:
    """Write ``prs`` with every zip entry dated ``timestamp`` (or 2000-01-01)."""
    raw = io.BytesIO()
    prs.save(raw)
    date_time = (timestamp or FIXED).timetuple()[:6]
    date_time = max(date_time, (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            zipped.writestr(entry, source.read(info.filename))
    data = out.getvalue()
    if isinstance(target, Path):
        target.write_bytes(data)
    else:
        target.write(data)
