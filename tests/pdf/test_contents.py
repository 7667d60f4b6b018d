"""The contents page is seeded from the last build: one pass when the guess holds, and the
same bytes whatever the cache holds (nothing, the right pages, wrong pages, garbage)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from guidebuilder import cache
from guidebuilder.brand.model import DEFAULT_BRAND
from guidebuilder.pdf import document
from guidebuilder.pdf import render as render_pdf
from guidebuilder.plan.document import RenderOptions


@pytest.fixture
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache._folder.cache_clear()
    yield tmp_path / "cache" / "guidebuilder"
    cache._folder.cache_clear()


def _render(plan, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, int]:
    """The handbook's bytes and how many layout passes made it."""
    passes = []
    begin = document._Handbook.beforeDocument
    monkeypatch.setattr(document._Handbook, "beforeDocument",
                        lambda self: (passes.append(1), begin(self)))
    stream = io.BytesIO()
    render_pdf(plan, DEFAULT_BRAND, stream, RenderOptions())
    return stream.getvalue(), len(passes)


def _records(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_a_second_build_takes_one_pass_and_the_same_bytes(seed_plan, private_cache,
                                                          monkeypatch) -> None:
    first, first_passes = _render(seed_plan, monkeypatch)
    again, again_passes = _render(seed_plan, monkeypatch)
    assert first_passes >= 2 and again_passes == 1
    assert again == first
    [record] = _records(private_cache)
    pages = json.loads(record.read_text())
    outline = PdfReader(io.BytesIO(again)).outline
    assert len(pages) >= len(seed_plan.sections) and pages == sorted(pages)
    assert outline  # the bookmarks the pages came from are still there


@pytest.mark.parametrize("planted", [
    "wrong pages", "not json {", '"a string"', "[1, 2]", '[true, "2", -4, 1e9]', "huge"])
def test_whatever_the_cache_holds_the_bytes_are_the_same(seed_plan, private_cache, monkeypatch,
                                                         planted: str) -> None:
    truth, _ = _render(seed_plan, monkeypatch)
    [record] = _records(private_cache)
    count = len(json.loads(record.read_text()))
    record.write_text({"wrong pages": json.dumps([1] * count),
                       "huge": json.dumps([10**6] * count) + " " * cache.MAX_RECORD_BYTES,
                       }.get(planted, planted))
    rebuilt, passes = _render(seed_plan, monkeypatch)
    assert rebuilt == truth
    assert passes >= 2
    assert json.loads(record.read_text()) != [1] * count  # the right pages are kept again


def test_without_a_private_cache_folder_nothing_is_remembered(seed_plan, tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    (shared / "guidebuilder").mkdir(parents=True, mode=0o777)
    (shared / "guidebuilder").chmod(0o777)  # not private: never read nor written
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    cache._folder.cache_clear()
    try:
        _, first = _render(seed_plan, monkeypatch)
        _, again = _render(seed_plan, monkeypatch)
    finally:
        cache._folder.cache_clear()
    assert first == again >= 2
    assert not list((shared / "guidebuilder").iterdir())


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    def walk(items):
        for item in items:
            yield from walk(item) if isinstance(item, list) else [item]
    return [(item.title, reader.get_destination_page_number(item) + 1)
            for item in walk(reader.outline)]


def test_bookmarks_and_contents_links_go_to_the_pages_their_headings_are_on(seed_pdf) -> None:
    """Pages are held until the last one (for "page 2 of 10"): a bookmark made meanwhile named
    the first page, and every bookmark and contents link went to the cover."""
    reader = PdfReader(seed_pdf)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    outline = _outline(reader)
    assert len({page for _, page in outline}) > 5
    for title, page in outline[1:]:  # the cover's title first
        assert title in texts[page - 1], (title, page)
    links = [(str(a.get_object().get("/Contents")),
              reader.get_page_number(a.get_object()["/Dest"][0].get_object()) + 1)
             for a in reader.pages[1]["/Annots"]]
    entries, numbers = links[1::2], links[0::2]  # each entry's text, then its page number
    assert [(text, page) for text, page in entries] == [
        (title, page) for title, page in outline[2:]]  # the cover and the contents not listed
    assert all(text == f"Page {page}" for text, page in numbers)
