"""Built-in words per language: every language complete, chosen by tag with region fallback,
overridden word by word by the guide, an unknown tag said; the outputs print them."""

from __future__ import annotations

import string
import subprocess
import sys
import unicodedata
from dataclasses import fields
from pathlib import Path

import pytest

from guidebuilder.plan.document import Labels
from guidebuilder.plan.labels import (
    RIGHT_TO_LEFT,
    _words,
    base_language,
    closest_languages,
    labels_for,
    languages,
)

from conftest import ROOT, write

EU = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt",
      "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}
MORE = {"nb", "no", "tr", "uk", "ja", "zh", "ko", "he", "ar"}


def test_every_language_the_issue_names_is_built_in() -> None:
    assert set(languages()) >= EU | MORE


@pytest.mark.parametrize("tag", sorted(EU | MORE))
def test_every_table_has_every_word(tag: str) -> None:
    words = _words()[tag]
    assert set(words) == {field.name for field in fields(Labels)}
    assert all(value.strip() == value and value for value in words.values())
    placeholders = {name for _, name, _, _ in string.Formatter().parse(words["page"]) if name}
    assert placeholders == {"page", "pages"}
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for v in words.values() for ch in v)
    if tag in RIGHT_TO_LEFT:
        assert all(unicodedata.bidirectional(ch) in ("R", "AL")
                   for ch in words["contents"] if ch.isalpha())


@pytest.mark.parametrize("tag, base", [
    ("de", "de"), ("de-AT", "de"), ("DE-ch", "de"), ("no", "nb"), ("nb-NO", "nb"),
    ("zh-Hans", "zh"), ("zh-CN", "zh"), ("pt-BR", "pt"), ("en-GB", "en"), ("xx", None),
    ("klingon", None),
])
def test_a_tag_falls_back_to_its_language(tag: str, base: str | None) -> None:
    assert base_language(tag) == base


def test_the_guides_own_words_replace_single_words() -> None:
    labels = labels_for("de-AT", {"faq": "Fragen und Antworten", "page": None})
    assert labels.faq == "Fragen und Antworten"
    assert (labels.contents, labels.page) == ("Inhaltsverzeichnis", "Seite {page} von {pages}")
    assert labels_for("xx", {}).contents == "Contents"


def test_close_tags_are_suggested() -> None:
    assert "de" in closest_languages("dee")


@pytest.mark.parametrize("name, tag", [("german", "de"), ("Deutsch", "de"), ("polski", "pl"),
                                       ("Greek", "el"), ("Ελληνικά", "el"), ("Hebrew", "he"),
                                       ("Chinese", "zh"), ("Norwegian Bokmål", "nb")])
def test_a_language_named_instead_of_tagged_is_told_its_tag(name: str, tag: str) -> None:
    assert closest_languages(name) == [tag]


def test_a_german_guide_prints_german_words_and_an_unknown_tag_is_said(tmp_path: Path) -> None:
    from pypdf import PdfReader

    guide = write(tmp_path, "title: Rollen\nlanguage: de-AT\nsummary: Eine Einführung.\n"
                            "roles:\n  - id: a\n    name: A\n    tasks: [Etwas tun.]\n"
                            "faq: [{question: Warum?, answer: Darum.}]\n", "de.yaml")
    result = subprocess.run([sys.executable, "-m", "guidebuilder", "build", str(guide), "--out",
                             str(tmp_path / "out"), "-f", "pdf"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "out" / "de.pdf").pages)
    for german in ("Inhaltsverzeichnis", "Einleitung", "Beispielaufgaben",
                   "Häufig gestellte Fragen", "Seite 2 von"):
        assert german in text
    for english in ("Contents", "Introduction", "Task examples", "Page 2 of", "Q:"):
        assert english not in text
    unknown = write(tmp_path, "title: T\nlanguage: dee\nroles: [{id: a, name: A}]\n", "u.yaml")
    check = subprocess.run([sys.executable, "-m", "guidebuilder", "check", str(unknown)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0
    assert (f"warning: {unknown}:2:11: language: no built-in words for the language 'dee', so "
            "the words the outputs add stay English; did you mean 'de'") in check.stderr


@pytest.mark.parametrize("tag, separator", [("ar-SA", "، "), ("ja", "、"), ("zh-Hans", "、"),
                                            ("de", ", "), ("he", ", "), ("xx", ", ")])
def test_a_list_is_written_with_its_languages_separator(tag: str, separator: str) -> None:
    from guidebuilder.plan.labels import list_separator

    assert list_separator(tag) == separator
