"""Check that outputs stay byte-identical across a behaviour-neutral change.

    .venv/bin/python bench/identical.py --record   # before: write bench/output-hashes.json
    .venv/bin/python bench/identical.py            # after: rebuild and compare, exit 1 on change

Builds the seed guide (built-in and example brand), the 1x stress guide, a six-role stress
guide and both examples through the command line with a fixed SOURCE_DATE_EPOCH, and hashes
every output. Each case is built twice, with an empty cache and then with the cache the first
build left (remembered page numbers, converted fonts): both must give the same bytes."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "bench" / "output-hashes.json"
sys.path.insert(0, str(ROOT / "tests"))


def build_all(work: Path) -> dict[str, str]:
    """``name -> sha256`` for every output of every case."""
    from stressguide import write_stress_guide

    seed = ROOT / "source" / "product-vs-program-manager.yaml"
    examples = ROOT / "examples"
    cases = {
        "seed": (seed, []),
        "seed-northwind": (seed, ["--brand", str(examples / "northwind" / "_brand.yml")]),
        "stress": (write_stress_guide(work, name="stress"), []),
        "six-roles": (write_stress_guide(work, name="six-roles", roles=6), []),
        "engineering": (next((examples / "engineering").glob("*.yaml")), []),
        "data-team": (next((examples / "data-team").glob("*.yaml")), []),
        "seed-template": (seed, ["--brand", str(_template_brand(work))]),
        "code-spans": (_with_code(seed, work), []),
    }
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "XDG_CACHE_HOME": str(work / "cache")}
    hashes: dict[str, str] = {}
    for name, (guide, options) in cases.items():
        for attempt in ("first", "again"):
            out = work / attempt / name
            subprocess.run([sys.executable, "-m", "guidebuilder", "build", str(guide), "--out",
                            str(out), "--jobs", "1", *options], check=True, env=env,
                           capture_output=True)
            for path in sorted(filter(Path.is_file, out.iterdir())):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                if hashes.setdefault(f"{name}{path.suffix}", digest) != digest:
                    hashes[f"{name}{path.suffix}"] = "differs from the first build"
    return hashes


def _with_code(seed: Path, work: Path) -> Path:
    """The seed with code spans, plain, bold and italic (no guide above has any)."""
    text = seed.read_text(encoding="utf-8")
    for word, marked in (("roadmap", "`roadmap`"), ("stakeholders", "**`stakeholders`**"),
                         ("timelines", "*`timelines`*")):
        text = text.replace(f" {word}", f" {marked}")
    guide = work / "code-spans.yaml"
    guide.write_text(text, encoding="utf-8")
    return guide


def _template_brand(work: Path) -> Path:
    """A brand whose PowerPoint template is python-pptx's own, at 4:3, with a sample slide."""
    from pptx import Presentation
    from pptx.util import Inches

    template = Presentation()
    template.slide_width, template.slide_height = Inches(10), Inches(7.5)
    template.slides.add_slide(template.slide_layouts[1]).shapes.title.text = "Sample"
    template.save(work / "template.pptx")
    brand = work / "_brand.yml"
    brand.write_text("meta:\n  name: Template Co\ncolor:\n  primary: '#7A1F5C'\n"
                     "defaults:\n  guidebuilder:\n    pptx-template: template.pptx\n")
    return brand


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="write the hashes as the baseline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        hashes = build_all(Path(folder))
    if args.record:
        RECORD.write_text(json.dumps(hashes, indent=2) + "\n", encoding="utf-8")
        print(f"recorded {len(hashes)} outputs in {RECORD.relative_to(ROOT)}")
        return 0
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    changed = sorted(name for name in recorded.keys() | hashes.keys()
                     if recorded.get(name) != hashes.get(name))
    for name in sorted(recorded.keys() | hashes.keys()):
        print(f"{'CHANGED' if name in changed else 'same   '} {name}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
