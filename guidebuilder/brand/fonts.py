"""Check brand font files and turn WOFF, WOFF2 and CFF-outline fonts into embeddable TrueType."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from guidebuilder.cache import derived

MAX_FONT_BYTES = 30_000_000

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont


def load_reportlab_fonts() -> None:
    """Import reportlab's TrueType module without HarfBuzz: reportlab imports uharfbuzz when
    it is installed (some 8 ms a process), which only right-to-left guides need; those load
    it then (``pdf.reportlab_internals.enable_shaping``). Does nothing once it is imported."""
    if "reportlab.pdfbase.ttfonts" in sys.modules:
        return
    hide = "uharfbuzz" not in sys.modules
    if hide:
        sys.modules["uharfbuzz"] = None  # type: ignore[assignment]  # "import uharfbuzz" fails
    try:
        import reportlab.pdfbase.ttfonts  # noqa: F401
    finally:
        if hide and sys.modules.get("uharfbuzz", False) is None:
            del sys.modules["uharfbuzz"]


class FontFileError(Exception):
    """The file is not a font we can embed; the message says why and what to do."""


def embeddable(path: Path) -> Path:
    """A TrueType file for ``path``: the file itself, or a converted copy in the cache."""
    from fontTools.ttLib import TTFont

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
            font.getBestCmap()  # a truncated or corrupt font fails here, not at render time
            font["hmtx"]
    except Exception as exc:  # fontTools raises many kinds on broken fonts
        raise FontFileError(f"not a usable font file ({exc})".replace("TTLibError: ", "")) from None
    if not tables & {"CFF ", "CFF2", "glyf"}:
        raise FontFileError("the font has no outlines reportlab can embed; "
                            "use a TrueType (.ttf) file")
    usable = path
    if "glyf" not in tables or flavor:
        try:
            usable = derived(data, "truetype", ".ttf", _to_truetype)
        except Exception as exc:  # fontTools raises many kinds on odd fonts
            raise FontFileError(f"could not convert the font to TrueType ({exc}); "
                                "convert it to a .ttf file with TrueType outlines") from None
    _check_embeddable(usable)
    return usable


def _check_embeddable(path: Path) -> None:
    """Read the font the way the PDF writer will, so a truncated or damaged file is found
    now, with its key and line, rather than when the handbook is rendered."""
    load_reportlab_fonts()
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        TTFontFile(str(path))
    except Exception as exc:  # reportlab raises many kinds on damaged fonts
        raise FontFileError(f"the font file is damaged or incomplete ({exc})") from None


def _to_truetype(data: bytes) -> bytes:
    """``data`` (WOFF, WOFF2, or CFF outlines) as a plain TrueType font."""
    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(data), fontNumber=0) as font:
        font.flavor = None
        if "CFF " in font or "CFF2" in font:
            _cff_to_glyf(font)
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _cff_to_glyf(font: TTFont) -> None:
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
