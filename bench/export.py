"""Write a guide's content as Markdown and reStructuredText, for the pandoc/rst2pdf baselines."""

from __future__ import annotations

from pathlib import Path

from guidebuilder.guide.load import load_guide
from guidebuilder.plan.build import build_plan
from guidebuilder.plan.document import (
    Bullets,
    Definitions,
    DocumentPlan,
    Ladder,
    Prose,
    Questions,
    Table,
)

from conftest import walk


def _lines(plan: DocumentPlan, rst: bool) -> list[str]:
    def heading(text: str, depth: int) -> list[str]:
        if rst:
            return [text, "=-~"[min(depth, 2)] * max(3, len(text)), ""]
        return ["#" * (depth + 1) + " " + text, ""]

    out = heading(plan.meta.title, 0)
    for depth, section in walk(plan.sections):
        out += heading(section.title, depth + 1)
        for element in section.elements:
            if isinstance(element, Prose):
                out += [element.text.plain, ""]
            elif isinstance(element, Bullets):
                out += [f"- {item.plain}" for item in element.items] + [""]
            elif isinstance(element, Definitions | Ladder):
                items = element.items if isinstance(element, Definitions) else element.levels
                for item in items:
                    out += [f"**{item.term}**", "", item.body.plain, ""]
            elif isinstance(element, Questions):
                for item in element.items:
                    out += [f"**{item.question}**", "", item.answer.plain, ""]
            elif isinstance(element, Table):
                for row in element.rows:
                    out += [f"**{row.dimension}**", ""]
                    for name, points in zip(element.columns, row.cells, strict=True):
                        out += [f"- {name}: " + " ".join(p.plain for p in points)]
                    out += [""]
    return out


def export(guide: Path, folder: Path) -> tuple[Path, Path]:
    """``folder/<stem>.md`` and ``folder/<stem>.rst`` for ``guide``."""
    plan = build_plan(load_guide(guide).guide)
    markdown = folder / f"{guide.stem}.md"
    rst = folder / f"{guide.stem}.rst"
    markdown.write_text("\n".join(_lines(plan, rst=False)), encoding="utf-8")
    rst.write_text("\n".join(_lines(plan, rst=True)), encoding="utf-8")
    return markdown, rst
