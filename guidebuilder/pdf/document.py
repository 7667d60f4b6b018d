"""The handbook as a PDF file: page templates, bookmarks and contents entries, and the layout passes."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from guidebuilder.brand.model import Brand
from guidebuilder.errors import Problem
from guidebuilder.pdf.contents import Entry, remember_contents, seed_contents
from guidebuilder.pdf.flowables import Heading
from guidebuilder.pdf.pages import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    RunningText,
    cover_band,
    make_canvas_class,
    page_background,
    page_size,
)
from guidebuilder.pdf.story import Story
from guidebuilder.pdf.structure import StructTree
from guidebuilder.pdf.styles import build_styles
from guidebuilder.pdf.tables import ComparisonTables
from guidebuilder.plan.document import DocumentPlan, RenderOptions
from guidebuilder.text.direction import is_rtl_language
from guidebuilder.text.hyphens import hyphenator
from guidebuilder.text.hyphens import remember as remember_hyphens


class _Handbook(BaseDocTemplate):
    """Doc template that turns Heading flowables into bookmarks, outline and contents entries;
    ``entries`` holds the contents entries of the latest layout pass."""

    entries: list[Entry]

    def beforeDocument(self) -> None:
        self.entries = []

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading) and flowable.key:
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline, flowable.key, flowable.level, closed=False)
            if flowable.contents:
                entry = (flowable.level, flowable.contents, self.page, flowable.key)
                self.entries.append(entry)
                self.notify("TOCEntry", entry)


def render_pdf(plan: DocumentPlan, brand: Brand, target: Path | BinaryIO,
               options: RenderOptions) -> list[Problem]:
    """Write the handbook for ``plan`` styled by ``brand`` to ``target`` (no warnings)."""
    rtl = is_rtl_language(plan.meta.language)
    styles = build_styles(brand, rtl, None if rtl else hyphenator(plan.meta.language,
                                                                  options.use_cache))
    bold = {styles.fonts["bold"]} | ({styles.fonts["heading"]} if brand.typography.heading_bold else set())
    line = RunningText(styles.markup, styles.rtl, frozenset(bold))
    size = page_size(brand)
    wide = page_size(brand, wide=True)
    meta = plan.meta

    def frame(dimensions: tuple[float, float], name: str) -> Frame:
        return Frame(MARGIN_X, MARGIN_BOTTOM, dimensions[0] - 2 * MARGIN_X,
                     dimensions[1] - MARGIN_TOP - MARGIN_BOTTOM, id=name,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    doc = _Handbook(
        target if isinstance(target, str) else (str(target) if isinstance(target, Path) else target),
        pagesize=size, title=meta.title, author=brand.meta.name, subject=meta.subtitle or meta.title,
        creator="guidebuilder", producer="guidebuilder", lang=meta.language, invariant=1,
        initialFontName=styles.fonts["base"], initialFontSize=brand.typography.base_size,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, displayDocTitle=1,
    )
    doc.addPageTemplates([
        PageTemplate("cover", [frame(size, "cover")], pagesize=size,
                     onPage=cover_band(brand, styles.fonts["heading"], line)),
        PageTemplate("body", [frame(size, "body")], pagesize=size, onPage=page_background(brand)),
        PageTemplate("wide", [frame(wide, "wide")], pagesize=wide, onPage=page_background(brand)),
    ])
    height = size[1] - MARGIN_TOP - MARGIN_BOTTOM
    tables = ComparisonTables(brand, styles, height)
    tree = StructTree(meta.title, meta.language, meta.timestamp)
    story = Story(plan, brand, styles, (size[0] - 2 * MARGIN_X, height),
                  (wide[0] - 2 * MARGIN_X, wide[1] - MARGIN_TOP - MARGIN_BOTTOM), tables, tree)
    flowables = story.build()
    canvas_class = make_canvas_class(brand, meta.title, meta.labels.page, styles.fonts,
                                     line, tree)
    if story.toc is not None and options.use_cache:
        seed_contents(story.toc, story.headings)
    doc.multiBuild(flowables, canvasmaker=canvas_class)
    if options.use_cache:
        remember_contents(doc.entries)
        remember_hyphens()
    return []
