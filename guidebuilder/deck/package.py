"""Save a presentation deterministically: fixed core properties and zip entry times."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from pptx.opc.serialized import _ZipPkgWriter

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
    """Write ``prs`` with every zip entry dated ``timestamp`` (or 2000-01-01), not "now"."""
    date_time = max((timestamp or FIXED).timetuple()[:6], (1980, 1, 1, 0, 0, 0))

    def write(self: Any, pack_uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(pack_uri.membername, date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o600 << 16
        self._zipf.writestr(entry, blob, compresslevel=1)  # fast; XML compresses well anyway

    original = _ZipPkgWriter.write
    _ZipPkgWriter.write = write  # type: ignore[method-assign]  # no option for entry times
    try:
        prs.save(str(target) if isinstance(target, Path) else target)
    finally:
        _ZipPkgWriter.write = original  # type: ignore[method-assign]


class _Frozen:
    """A finished slide or notes part whose XML is kept as bytes and whose tree is freed."""

    _frozen: bytes

    @property
    def blob(self) -> bytes:
        return self._frozen


_FROZEN_CLASSES: dict[type, type] = {}


def freeze(part: Any) -> None:
    """Serialise a finished part now and drop its XML tree: a deck of a thousand slides then
    needs a fraction of the memory. The part must not be changed afterwards."""
    blob = part.blob
    kind = type(part)
    frozen = _FROZEN_CLASSES.setdefault(kind, type(f"Frozen{kind.__name__}", (_Frozen, kind), {}))
    for cached in ("slide", "notes_slide"):  # python-pptx caches proxies of the tree here
        part.__dict__.pop(cached, None)
    part.__class__ = frozen
    part._frozen = blob
    del part._element
