"""Fonts for the scripts a guide uses that the brand's fonts miss: found among the brand's own
font files, then among installed fonts (fontconfig), the brand's declared families first."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from guidebuilder.brand.fonts import FontFileError, embeddable
from guidebuilder.brand.glyphs import charset, drawable
from guidebuilder.brand.model import Brand, Fallback, Font
from guidebuilder.brand.scripts import strings
from guidebuilder.errors import Problem
from guidebuilder.reading.located import Key, Located, format_path

EAST_ASIAN = {"CJK", "HANGUL", "HIRAGANA", "KATAKANA", "BOPOMOFO", "IDEOGRAPHIC", "FULLWIDTH",
              "HALFWIDTH", "YI"}
LATIN_SLOT = {"LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN", "COPTIC"}
SYMBOLS = "SYMBOLS"
MAX_LOOKUPS = 12  # fontconfig queries per guide (each takes some 10-50 ms)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def with_fallbacks(brand: Brand, source: Located) -> tuple[Brand, list[Problem]]:
    """``brand`` with fallback fonts for the scripts of the guide in ``source`` (and of the
    brand's name and footers) that its body and heading fonts cannot draw, and one notice
    per script set in a fallback, at its first use. What no installed font draws is left to
    :func:`guidebuilder.brand.scripts.missing_glyph_warnings`."""
    first: dict[int, Key] = {}
    for path, text in strings(source.data, ()):
        for code in map(ord, set(text)):  # each character once: they share the text's path
            first.setdefault(code, path)
    texts = [brand.meta.name, *brand.defaults.footer.values()]
    wanted = {*first, *(ord(ch) for text in texts for ch in text)}
    by_script: dict[str, list[int]] = {}
    for code in sorted(wanted - drawable(brand)):
        if _visible(code):
            by_script.setdefault(script_of(code), []).append(code)
    fallbacks: list[Fallback] = []
    notices: list[Problem] = []
    lookups = [MAX_LOOKUPS]
    for script, codes in by_script.items():
        found = _cover(brand, frozenset(codes), lookups)
        fallbacks += [Fallback(font, script, _slot(script), drawn) for font, drawn in found]
        if found:
            used = min(codes, key=lambda code: code not in first)  # one the guide uses
            line, column = source.find(chr(used), first[used]) if used in first else (None, None)
            where = format_path(first[used]) if used in first else ""
            notices.append(Problem(source.file, _used(brand, script, codes, found), line, column,
                                   where, "to choose the font, list one that has it under "
                                         "typography.fonts, first in the text's font stack"))
    typography = replace(brand.typography, fallbacks=tuple(fallbacks))
    return replace(brand, typography=typography), notices


def script_of(code: int) -> str:
    """The script of a letter or mark as its Unicode name begins (HANGUL, CJK, HEBREW, …);
    SYMBOLS for punctuation, digits and symbols."""
    name = unicodedata.name(chr(code), "")
    if not name or not unicodedata.category(chr(code)).startswith(("L", "M")):
        return SYMBOLS
    return name.split(" ")[0]


def _visible(code: int) -> bool:
    ch = chr(code)
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zs", "Zl", "Zp")


def _slot(script: str) -> str:
    return "ea" if script in EAST_ASIAN else "latin" if script in LATIN_SLOT else "cs"


def _cover(brand: Brand, codes: frozenset[int], lookups: list[int]) -> list[tuple[Font, frozenset[int]]]:
    """Fonts that draw ``codes``, each with what it draws: the fewest needed, found greedily
    (the first font with the first character not drawn yet)."""
    found: list[tuple[Font, frozenset[int]]] = []
    left = set(codes)
    while left:
        first = min(left)
        font = _spare(brand, first) or _installed(brand.typography.declared, left, first, lookups)
        if font is None:
            left.discard(first)
            continue
        drawn = frozenset(left) & charset(font.file())
        found.append((font, drawn))
        left -= drawn
    return found


def _spare(brand: Brand, code: int) -> Font | None:
    """A font file the brand lists but sets no text in, when it has ``code``."""
    return next((font for font in brand.typography.spare if code in charset(font.file())), None)


def _installed(preferred: tuple[str, ...], left: set[int], first: int,
               lookups: list[int]) -> Font | None:
    """An installed font with every character of ``left``, else one with ``first``."""
    for codes in (frozenset(left), frozenset({first})):
        if lookups[0] <= 0:
            return None
        lookups[0] -= 1
        font = _best(_fc_list(_ranges(codes)), preferred)
        if font is not None:
            return font
        if len(codes) == 1:
            break
    return None


def _best(faces: tuple[tuple[Path, str, str], ...], preferred: tuple[str, ...]) -> Font | None:
    """The family to use among ``faces`` (file, family, style): a declared one first, then
    Noto Sans, Noto, DejaVu Sans, the rest; its regular and bold faces, checked."""
    lowered = [name.lower() for name in preferred]

    def rank(family: str) -> tuple[int, int, str]:
        if family.lower() in lowered:
            return 0, lowered.index(family.lower()), family
        order = ("noto sans", "noto", "dejavu sans")
        return 1, next((i for i, p in enumerate(order) if family.lower().startswith(p)), 3), family

    for family in sorted({family for _, family, _ in faces}, key=rank):
        styles = {style.replace(" ", "").lower(): path for path, name, style in faces
                  if name == family}
        files: dict[str, Path] = {}
        for name, options in (("regular", ("regular", "book", "normal", "roman", "medium")),
                              ("bold", ("bold",))):
            path = next((styles[o] for o in options if o in styles), None)
            try:
                if path is not None:
                    files[name] = embeddable(path)
            except FontFileError:
                continue
        if "regular" in files:
            return Font(family, files)
    return None


def _ranges(codes: frozenset[int]) -> str:
    """fontconfig's charset syntax: hex code points and ranges, space separated."""
    spans: list[list[int]] = []
    for code in sorted(codes):
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in spans)


@lru_cache(maxsize=64)
def _fc_list(charset_text: str) -> tuple[tuple[Path, str, str], ...]:
    """(file, family, style) of each installed outline font with every character given."""
    if not shutil.which("fc-list"):
        return ()
    try:
        out = subprocess.run(["fc-list", f":charset={charset_text}:outline=true", "file",
                              "family", "style"], capture_output=True, text=True,
                             timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    faces = []
    for line in out.splitlines():
        file, _, rest = line.partition(": ")
        family, _, style = rest.partition(":style=")
        if file.lower().endswith(FONT_SUFFIXES) and family:
            faces.append((Path(file), family.split(",")[0].strip(), style.split(",")[0].strip()))
    return tuple(sorted(faces))


def _used(brand: Brand, script: str, codes: list[int],
          found: list[tuple[Font, frozenset[int]]]) -> str:
    """What a fallback notice says: which font sets which script, and what none draws."""
    kind = "punctuation and symbols" if script == SYMBOLS else f"{script.title()} text"
    what = kind if len(codes) > 1 else (
        f"U+{codes[0]:04X} {unicodedata.name(chr(codes[0]), 'unnamed character')}")
    names = ", ".join(dict.fromkeys(font.family for font, _ in found))
    drawn = sum(len(codes_drawn) for _, codes_drawn in found)
    partly = "" if drawn == len(codes) else f" ({len(codes) - drawn} of its characters in none)"
    return (f"the brand's font {brand.typography.base.family} has no glyphs for {what}; it is "
            f"set in the installed font {names}{partly}")
