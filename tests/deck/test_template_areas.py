"""A template whose placeholders cannot hold text (no height, off the slide) is not followed:
the built-in areas are used, a warning says so, and the build finishes."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from guidebuilder.run.job import Job, output_paths, run_job

from conftest import SEED, write


def test_a_template_with_flat_placeholders_builds_with_a_warning(tmp_path: Path) -> None:
    prs = Presentation()
    layout = next(lo for lo in prs.slide_layouts if lo.name == "Title and Content")
    for shape in layout.placeholders:
        shape.top, shape.height = 0, 0
    prs.save(str(tmp_path / "flat.pptx"))
    brand = write(tmp_path, "defaults:\n  guidebuilder:\n    pptx-template: flat.pptx\n",
                  "_brand.yml")
    job = Job(SEED, output_paths(SEED, tmp_path / "out", ("pptx",)), brand)
    result = run_job(job)
    assert result.error is None
    said = [str(w) for w in result.warnings]
    assert sum("placeholder of the template's 'Title and Content' layout" in w
               and "too small or off the slide" in w for w in said) == 2, said
    deck = Presentation(str(tmp_path / "out" / f"{SEED.stem}.pptx"))
    assert len(deck.slides) > 5
