"""A paragraph measured again at the same width keeps the lines it broke: the handbook is the
one breaking every line again draws, right-to-left bullets included, with far less breaking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Paragraph

from guidebuilder.pdf.tagged import TaggedParagraph
from guidebuilder.run.job import Job, run_job

from conftest import HEBREW, SEED


def _handbook(guide: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, int]:
    """The handbook's bytes, and how many times reportlab broke a paragraph's lines."""
    calls = 0
    breaking = Paragraph.breakLines

    def counted(self: Paragraph, width: Any) -> Any:
        nonlocal calls
        calls += 1
        return breaking(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    target = folder / f"{guide.stem}.pdf"
    result = run_job(Job(guide, {"pdf": target}, rebuild=True))
    assert result.error is None, result.error
    monkeypatch.setattr(Paragraph, "breakLines", breaking)
    return target.read_bytes(), calls


@pytest.mark.parametrize("guide", [SEED, HEBREW], ids=["seed", "hebrew"])
def test_kept_lines_draw_what_breaking_again_draws(guide: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The Hebrew guide's numbered lists: reportlab places a right-to-left bullet by the
    first-line width it narrowed while breaking; a kept result must narrow it the same."""
    _handbook(guide, tmp_path / "first", monkeypatch)  # seeds the contents' page numbers
    kept, kept_calls = _handbook(guide, tmp_path / "kept", monkeypatch)
    keeping = TaggedParagraph.breakLines

    def again(self: TaggedParagraph, width: Any) -> Any:
        self._lines = None
        return keeping(self, width)

    monkeypatch.setattr(TaggedParagraph, "breakLines", again)
    broken, broken_calls = _handbook(guide, tmp_path / "again", monkeypatch)
    assert kept == broken
    assert kept_calls < 0.7 * broken_calls


@pytest.mark.parametrize("rtl", [False, True])
def test_every_item_of_a_numbered_list_starts_its_text_at_one_place(rtl: bool) -> None:
    """"10." fits between the bullet's place and the text as "9." does: reportlab moves a
    first line right when its bullet runs into the text (by its own rule: the bullet's width
    and 0.6 of its size), which set items 10 and on further in than 1 to 9 and their own
    second lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from guidebuilder.brand.model import DEFAULT_BRAND
    from guidebuilder.guide.richtext import parse
    from guidebuilder.pdf.blocks import rich_flowables
    from guidebuilder.pdf.structure import StructTree
    from guidebuilder.pdf.styles import build_styles

    styles = build_styles(DEFAULT_BRAND, rtl=rtl)
    text = parse("".join(f"{n}. Item {n}\n" for n in range(1, 12)))
    items = rich_flowables(text, styles.markup, styles.body, styles.bullet,
                           StructTree("T", "en").root)
    side = "rightIndent" if rtl else "leftIndent"
    starts = {getattr(item.style, side) for item in items}
    assert len(starts) == 1
    for item in items:
        style = item.style
        width = stringWidth(item.bulletText, style.bulletFontName, style.bulletFontSize)
        assert style.bulletIndent + width + 0.6 * style.bulletFontSize <= getattr(style, side)


@pytest.mark.parametrize(("items", "kept"), [(3, True), (4, True), (6, False)])
def test_a_short_list_is_kept_on_one_page(items: int, kept: bool) -> None:
    """A list of a few items moves to the next page whole rather than leave one item there."""
    from reportlab.platypus import KeepTogether

    from guidebuilder.brand.model import DEFAULT_BRAND
    from guidebuilder.guide.richtext import parse
    from guidebuilder.pdf.blocks import rich_flowables
    from guidebuilder.pdf.structure import StructTree
    from guidebuilder.pdf.styles import build_styles

    styles = build_styles(DEFAULT_BRAND)
    text = parse("Lead-in:\n\n" + "".join(f"- item {n}\n" for n in range(items)))
    flow = rich_flowables(text, styles.markup, styles.body, styles.bullet,
                          StructTree("T", "en").root, kept=4)
    assert isinstance(flow[1], KeepTogether) is kept
    assert len(flow) == (2 if kept else 1 + items)
