"""The folder ``guidebuilder init`` writes: a starter guide in ``source/``, a ``_brand.yml``
and the JSON Schemas the editor reads through each file's ``yaml-language-server`` line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guidebuilder.run.output import write_files
from guidebuilder.schema import schema_text

_HERE = Path(__file__).parent
GUIDE = Path("source") / "starter-guide.yaml"
BRAND = Path("_brand.yml")
SCHEMAS = Path("schemas")
PLACEHOLDER_NAME = "Example Company"  # the organisation in the starter brand.yml


@dataclass
class Starter:
    """What ``init`` wrote, and what it left alone because it was there already."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _with_schema_line(source: str, schema: Path) -> str:
    return f"# yaml-language-server: $schema={schema.as_posix()}\n" + (
        _HERE / source).read_text(encoding="utf-8")


def write_starter(folder: Path) -> Starter:
    """Write the starter files into ``folder``, all of them or (on a problem with any) none;
    an existing file is never overwritten, and nothing is written through a link."""
    files = {
        GUIDE: _with_schema_line("starter-guide.yaml", Path("..") / SCHEMAS / "guide.schema.json"),
        BRAND: _with_schema_line("brand.yml", SCHEMAS / "brand.schema.json"),
        SCHEMAS / "guide.schema.json": schema_text("guide"),
        SCHEMAS / "brand.schema.json": schema_text("brand"),
    }
    done = Starter()
    wanted: dict[Path, bytes] = {}
    for relative, text in files.items():
        target = folder / relative
        if target.is_file() and not target.is_symlink():
            done.kept.append(target)
        else:
            wanted[target] = text.encode("utf-8")
    write_files(wanted)
    done.written = list(wanted)
    return done
