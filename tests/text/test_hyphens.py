"""Hyphenation of words too long for a table column: by the rules of the guide's language,
after a compound's own hyphens, remembered for the next build; the handbook's narrow columns
break such a word at one of its points, with a hyphen."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from guidebuilder.run.job import Job, run_job
from guidebuilder.text import hyphens
from guidebuilder.text.hyphens import hyphenator

from conftest import require_tool, write


def test_words_are_hyphenated_by_their_languages_rules() -> None:
    english, german = hyphenator("en-US"), hyphenator("de-AT")
    assert english is not None and german is not None
    assert ("Communi", "cates") in english("Communicates")
    assert ("Daten", "schutzbeauftragten") in german("Datenschutzbeauftragten")
    assert german("Self-Service") == [("Self-Ser", "vice"), ("Self-", "Service")]  # not "Sel-f"
    hebrew = hyphenator("he")
    assert hebrew is not None and hebrew("שלום-עולם") == [] and hyphenator("") is None


def test_points_found_once_are_read_from_the_cache_the_next_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    hyphens.points("pl", "przedsiębiorstwo")
    hyphens.remember()
    monkeypatch.setattr(hyphens, "_KNOWN", {})  # a new process

    def no_rules(rules: str) -> None:
        raise AssertionError("the rules were loaded again")

    monkeypatch.setattr(hyphens, "_dictionary", no_rules)
    assert hyphens.points("pl", "przedsiębiorstwo") == [5, 8, 12]


def test_a_long_word_in_a_narrow_column_breaks_at_a_hyphenation_point(tmp_path: Path) -> None:
    require_tool("pdftotext")
    word = "Internationalisation"
    roles = "".join(f"  - {{id: r{i}, name: Role {i}}}\n" for i in range(8))
    cells = "".join(f"          r{i}: {word} matters\n" for i in range(8))
    guide = write(tmp_path, f"title: T\nlanguage: en-GB\nroles:\n{roles}comparisons:\n"
                            f"  - title: C\n    rows:\n      - dimension: D\n        cells:\n{cells}")
    target = tmp_path / "guide.pdf"
    assert run_job(Job(guide, {"pdf": target})).error is None
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    heads = {head for head, _ in hyphenator("en-GB")(word)}
    broken = [line.split()[1] for line in text.splitlines()
              if len(line.split()) > 1 and line.split()[1].startswith("Intern")]
    assert broken and all(piece.endswith("-") and piece[:-1] in heads for piece in broken)
