"""Save a presentation deterministically: fixed core properties and zip entry times."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from pptx.presentation import Presentation as PresentationType

from guidebuilder.deck.pptx_internals import package_items

FIXED = datetime(2000, 1, 1)


def set_properties(prs: PresentationType, title: str, author: str, subject: str, language: str,
                   timestamp: datetime | None) -> None:
    """Fill the core properties, dated ``timestamp`` (or 2000-01-01) rather than now."""
    props = prs.core_properties
    when = (timestamp or FIXED).replace(tzinfo=None, microsecond=0)
    title, author, subject = (text[:255] for text in (title, author, subject))  # OOXML's limit
    props.title, props.author, props.subject = title, author, subject
    props.last_modified_by, props.language = author, language[:255]
    props.created = props.modified = when
    props.revision = 1
    props.keywords = props.comments = props.category = ""


def save(prs: PresentationType, target: Path | BinaryIO, timestamp: datetime | None) -> None:
    """Write ``prs`` with every zip entry dated ``timestamp`` (or 2000-01-01), not "now" as
    python-pptx dates them: its package items are written into an archive of our own."""
    date_time = max((timestamp or FIXED).timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in package_items(prs):
            entry = zipfile.ZipInfo(name, date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            archive.writestr(entry, data, compresslevel=1)  # fast; XML packs well
