"""Property tests: generated guides either load or fail with a located error of our own, and
whatever loads renders to files that reopen and hold the text.

``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py`` runs the longer local profile."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.deck import render as render_deck
from guidebuilder.errors import ContentError
from guidebuilder.guide.load import load_guide
from guidebuilder.guide.richtext import clean
from guidebuilder.pdf import render as render_pdf
from guidebuilder.plan.build import build_plan
from guidebuilder.plan.document import RenderOptions

from stressguide import LONG_WORD

MARKUP = ["<b>", "</font>", "&amp;", "&", "5 < 7", "**", "*x*", "`c`", "[x](javascript:y)",
          "[ok](https://example.com)", "- ", "\u200f", "\u200d", "😀", "\t", " ", "", LONG_WORD,
          "Zażółć", "Съешь", "Ελληνικά", "\x07"]
texts = st.one_of(st.text(max_size=80), st.sampled_from(MARKUP),
                  st.lists(st.sampled_from(MARKUP), max_size=5).map(" ".join))
named = texts.filter(lambda t: bool(clean(t)))
required = st.one_of(named, named, named, named, named, st.just(""))  # mostly valid
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)


@st.composite
def guides(draw) -> dict:
    ids = draw(st.lists(slugs, min_size=1, max_size=6, unique=True))
    items = lambda key, other: st.fixed_dictionaries({key: required, other: texts})  # noqa: E731
    roles = [{"id": role_id, "name": draw(required), "summary": draw(texts),
              "responsibilities": draw(st.lists(items("title", "text"), max_size=3)),
              "tasks": draw(st.lists(texts, max_size=3)),
              "career": {"levels": draw(st.lists(items("title", "text"), max_size=7)),
                         "notes": draw(texts)}} for role_id in ids]
    comparisons = [{"title": draw(required), "rows": [
        {"dimension": draw(required),
         "cells": {r: draw(st.one_of(texts, st.lists(texts, max_size=3)))
                   for r in draw(st.lists(st.sampled_from(ids), unique=True))}}
        for _ in range(draw(st.integers(0, 3)))]} for _ in range(draw(st.integers(0, 2)))]
    return {"title": draw(required), "subtitle": draw(texts), "summary": draw(texts),
            "roles": roles, "comparisons": comparisons,
            "faq": draw(st.lists(items("question", "answer"), max_size=4)),
            "closing": draw(texts)}


@given(guides())
def test_generated_guides_load_or_fail_with_a_location_and_render(tmp_path_factory,
                                                                  data: dict) -> None:
    path = tmp_path_factory.mktemp("prop") / "g.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        guide = load_guide(path).guide
    except ContentError as error:
        assert error.problems
        assert all(p.line is not None and str(p).startswith(f"{path}:") for p in error.problems)
        return
    plan = build_plan(guide)
    pdf, deck = io.BytesIO(), io.BytesIO()
    render_pdf(plan, DEFAULT_BRAND, pdf, RenderOptions())
    render_deck(plan, DEFAULT_BRAND, deck, RenderOptions())
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    assert reader.metadata.title == guide.title
    prs = Presentation(deck)
    title_slide = prs.slides[0]
    assert title_slide.notes_slide.notes_text_frame.text.startswith(clean(guide.title))
    shown = title_slide.shapes.title.text
    assert shown == guide.title or shown.endswith("…")
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    for entry in guide.faq:
        assert entry.question in notes


def test_long_profile_is_registered() -> None:
    from hypothesis import settings

    assert settings.get_profile("long").max_examples > settings.get_profile("ci").max_examples


def test_yaml_round_trip_of_generated_text(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump({"title": "x\u200f😀", "roles": [{"id": "a", "name": "Ω"}]},
                                   allow_unicode=True), encoding="utf-8")
    assert load_guide(path).guide.title == "x\u200f😀"
