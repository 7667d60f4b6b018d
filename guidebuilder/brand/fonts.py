"""Check brand font files and turn WOFF, WOFF2 and CFF-outline fonts into embeddable TrueType."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

MAX_FONT_BYTES = 30_000_000


class FontFileError(Exception):
    """The file is not a font we can embed; the message says why and what to do."""


def _cache_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "guidebuilder-fonts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def embeddable(path: Path) -> Path:
    """A TrueType file for ``path``: the file itself, or a converted copy in a cache folder."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FontFileError(f"cannot read the font file ({exc.strerror})") from None
    if size > MAX_FONT_BYTES:
        raise FontFileError(f"the font file is larger than {MAX_FONT_BYTES // 1_000_000} MB")
    data = path.read_bytes()
    try:
        with TTFont(io.BytesIO(data), lazy=True, fontNumber=0) as font:
            flavor = font.flavor
            tables = set(font.keys())
    except (TTLibError, OSError, ValueError, AssertionError) as exc:
        raise FontFileError(f"not a font file ({exc})".replace("TTLibError: ", "")) from None
    if "glyf" in tables and not flavor:
        return path
    digest = hashlib.sha256(data).hexdigest()[:24]
    target = _cache_dir() / f"{digest}.ttf"
    if target.exists():
        return target
    try:
        with TTFont(io.BytesIO(data), fontNumber=0) as font:
            font.flavor = None
            if "CFF " in tables or "CFF2" in tables:
                _cff_to_glyf(font)
            elif "glyf" not in tables:
                raise FontFileError("the font has no outlines reportlab can embed; "
                                    "use a TrueType (.ttf) file")
            partial = target.with_suffix(f".{os.getpid()}.part")
            font.save(str(partial))
        partial.replace(target)
    except FontFileError:
        raise
    except Exception as exc:  # fontTools raises many kinds on odd fonts
        raise FontFileError(f"could not convert the font to TrueType ({exc}); "
                            "convert it to a .ttf file with TrueType outlines") from None
    return target


def _cff_to_glyf(font) -> None:
    """Replace CFF outlines with quadratic TrueType ones (fontTools' otf2ttf recipe)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"


def system_font(family: str, bold: bool = False, italic: bool = False) -> Path | None:
    """The file fontconfig picks for ``family``, only when its family name really matches."""
    if not shutil.which("fc-match"):
        return None
    pattern = family + (":weight=200" if bold else "") + (":slant=100" if italic else "")
    try:
        found = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", pattern],
                               capture_output=True, text=True, timeout=10).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(found) < 2 or family.lower() not in found[0].lower().split(","):
        return None
    return Path(found[1]) if found[1].lower().endswith((".ttf", ".otf")) else None
