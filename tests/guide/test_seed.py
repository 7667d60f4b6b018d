"""The seed guide holds the whole article: every item, in counts and in text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from guidebuilder.guide.load import load_guide
from guidebuilder.guide.richtext import RichText

from conftest import SEED

ARTICLE = Path(__file__).parent.parent / "data" / "seed-article.txt"
# Blog furniture and headings the guide expresses through its structure, not as text.
FURNITURE = (
    "Diana Ipacs", "November 3, 2023", "Follow us:", "Product Manager vs Program Manager – Bluebird Blog",
    "If your company is looking for IT professionals", "To be the first to know",
    "More Content In This Topic",
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@pytest.fixture(scope="module")
def guide():
    return load_guide(SEED).guide


def all_text(value: object) -> list[str]:
    """Every piece of text in a model, Markdown fields as their plain text."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, RichText):
        return [value.plain]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in all_text(getattr(value, name))]
    if isinstance(value, dict):
        return [t for item in value.values() for t in all_text(item)]
    if isinstance(value, tuple | list):
        return [t for item in value for t in all_text(item)]
    return []


@pytest.fixture(scope="module")
def guide_text(guide) -> str:
    return _norm(" | ".join(all_text(guide)))


def _article_lines() -> list[str]:
    lines = []
    for raw in ARTICLE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"\d+\.?( \d+)?", line):
            continue
        if any(line.startswith(f) for f in FURNITURE):
            continue
        line = re.sub(r"^(Q: |• )", "", line)
        line = re.sub(r"^(Product Manager vs Program Manager|Product Manager Vs Program Manager): ",
                      "", line)
        lines.append(line)
    return lines


def _covered(line: str, text: str) -> bool:
    """A line is covered when the guide has it, or (level lines) its title and its text."""
    norm = _norm(line)
    if norm in text:
        return True
    title, _, rest = norm.partition(": ")
    return bool(rest) and title in text and rest in text


def test_every_line_of_the_article_is_in_the_guide(guide_text: str) -> None:
    missing = [line for line in _article_lines() if not _covered(line, guide_text)
               and not _is_heading(line)]
    assert missing == []


STRUCTURAL_HEADINGS = {
    "Product Manager Responsibilities", "Program Manager Responsibilities",
    "Product Manager: Task Examples", "Program Manager: Task Examples", "Career Pathways",
    "Career Pathway for a Product Manager", "Career Pathway for a Program Manager", "FAQs",
}


def _is_heading(line: str) -> bool:
    """Headings the guide expresses as structure (chapters, labels), not as text."""
    return line in STRUCTURAL_HEADINGS


def test_roles_and_their_items(guide) -> None:
    product, program = guide.roles
    assert (product.id, product.name, program.id, program.name) == (
        "product", "Product Manager", "program", "Program Manager")
    for role in guide.roles:
        assert len(role.responsibilities) == 5
        assert all(r.text.plain for r in role.responsibilities)
        assert len(role.tasks) == 5
        assert len(role.career.levels) == 5
        assert all(level.text.plain for level in role.career.levels)
        assert role.career.notes.plain
    assert [r.title for r in product.responsibilities] == [
        "Product Strategy and Vision Development", "Feature Roadmapping and Prioritization",
        "Cross-Functional Leadership and Coordination", "Customer and Market Research",
        "Performance Tracking and Optimization"]
    assert [lv.title for lv in program.career.levels] == [
        "Junior Program Manager", "Program Manager", "Senior Program Manager",
        "Director of Program Management", "VP of Programs / Chief Program Officer"]
    assert len(program.career.notes.blocks) == 2


def test_comparisons(guide) -> None:
    differences, skills = guide.comparisons
    assert [r.dimension for r in differences.rows] == [
        "Scope and Objectives", "Communication and Stakeholder Interaction", "Data Use",
        "Tools and Technologies"]
    assert [len(r.cells["product"]) for r in differences.rows] == [2, 2, 1, 1]
    assert [len(r.cells["program"]) for r in differences.rows] == [2, 2, 1, 1]
    assert "smaller ones" in differences.notes.plain
    assert len(skills.rows) == 5
    assert len(skills.intro.blocks) == 4


def test_faq_summary_closing_credits(guide) -> None:
    assert len(guide.faq) == 8
    assert guide.faq[0].question == ("What skill sets are unique to Product Managers compared "
                                     "to Program Managers?")
    assert all(entry.answer.plain for entry in guide.faq)
    assert len(guide.summary.blocks) == 6
    assert guide.closing.plain.startswith("We hope you enjoyed")
    assert "Diana Ipacs" in guide.credits and "Bluebird Blog" in guide.credits


def test_furniture_stays_out(guide_text: str) -> None:
    for text in ("IT recruitment", "follow us on LinkedIn", "Follow us:"):
        assert text not in guide_text
