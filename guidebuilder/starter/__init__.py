"""The starter files ``guidebuilder init`` writes: a commented guide and a brand file."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent
FILES = {"starter-guide.yaml": "starter-guide.yaml", "_brand.yml": "brand.yml"}


def write_starter(folder: Path, force: bool = False) -> list[Path]:
    """Copy the starter files into ``folder``; refuse to overwrite unless ``force``."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = {folder / name: _HERE / source for name, source in FILES.items()}
    for target in targets:
        if target.exists() and not force:
            raise FileExistsError(0, "exists", str(target))
    for target, source in targets.items():
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return list(targets)
