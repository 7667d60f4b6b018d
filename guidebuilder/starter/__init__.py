"""The folder ``guidebuilder init`` writes: a starter guide in ``source/``, a ``_brand.yml``
and the JSON Schemas the editor reads through each file's ``yaml-language-server`` line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guidebuilder.schema import schema_text

_HERE = Path(__file__).parent
GUIDE = Path("source") / "starter-guide.yaml"
BRAND = Path("_brand.yml")
SCHEMAS = Path("schemas")


@dataclass
class Starter:
    """What ``init`` wrote, and what it left alone because it was there already."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _with_schema_line(source: str, schema: Path) -> str:
    return f"# yaml-language-server: $schema={schema.as_posix()}\n" + (
        _HERE / source).read_text(encoding="utf-8")


def write_starter(folder: Path) -> Starter:
    """Write the starter files into ``folder``; an existing file is never overwritten."""
    files = {
        GUIDE: _with_schema_line("starter-guide.yaml", Path("..") / SCHEMAS / "guide.schema.json"),
        BRAND: _with_schema_line("brand.yml", SCHEMAS / "brand.schema.json"),
        SCHEMAS / "guide.schema.json": schema_text("guide"),
        SCHEMAS / "brand.schema.json": schema_text("brand"),
    }
    done = Starter()
    for relative, text in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with target.open("x", encoding="utf-8") as stream:
                stream.write(text)
        except FileExistsError:
            done.kept.append(target)
            continue
        done.written.append(target)
    return done
