"""The most likely first mistake, text holding ": " without quotes, is told with its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidebuilder.errors import GuideBuilderError, YamlError
from guidebuilder.reading.located import load

from conftest import write


@pytest.mark.parametrize("line, fix", [
    ("title: Product Manager vs Program Manager: Who Does What?",
     'title: "Product Manager vs Program Manager: Who Does What?"'),
    ("  - name: Lead: Sales", 'name: "Lead: Sales"'),
    ('    summary: Say "hi": now', 'summary: "Say \\"hi\\": now"'),
])
def test_an_unquoted_colon_says_to_quote_the_text(tmp_path: Path, line: str, fix: str) -> None:
    before = "roles:\n" if line.startswith(" ") else ""
    path = write(tmp_path, before + line + "\n")
    with pytest.raises(YamlError) as caught:
        load(path, "guide", "title, roles, …")
    said = str(caught.value.problems[0])
    assert "holds \": \", which YAML reads as the start of another key" in said
    assert said.endswith(f"put the text in quotes: {fix}.")


def test_other_syntax_errors_keep_their_words(tmp_path: Path) -> None:
    with pytest.raises(YamlError, match=r"YAML syntax error: .*; check indentation"):
        load(write(tmp_path, "title: [broken\n"), "guide", "title, roles, …")


@pytest.mark.parametrize("text, line, said", [
    ("title: T\nroles:\n\t- id: a\n", 3, "a tab indents this line; YAML indents with spaces only; "
                                         "replace the tab with spaces."),
    ("title: T\nroles:\n  - id: a\n    name: A\n  summary: S\n", 5,
     "this line is indented differently from the lines before it"),
])
def test_tabs_and_stray_indentation_are_said_in_plain_words(tmp_path: Path, text: str, line: int,
                                                            said: str) -> None:
    with pytest.raises(YamlError) as caught:
        load(write(tmp_path, text), "guide", "title, roles, …")
    problem = caught.value.problems[0]
    assert problem.line == line and said in str(problem)


@pytest.mark.parametrize(("lines", "said"), [
    ("    career:\n      levels:\n"
     "        - {title: VP, text: Owns the budget, its hiring and strategy.}\n",
     "'its hiring and strategy.' is read as a key: inside { } a comma ends a text, and "
     "anywhere ': ' does; put the whole text in quotes."),
    ("    tasks:\n      - Note: the deck is due a week before the review meeting.\n",
     "roles[0].tasks[0]: the text 'Note: the deck is due a week before the revie…' holds "
     "\": \", which YAML reads as a key and its value; put the whole text in quotes."),
])
def test_text_cut_by_yaml_says_to_quote_it(tmp_path: Path, lines: str, said: str) -> None:
    """A comma in braces or a colon in a list item cut a text: the message says to quote it."""
    from guidebuilder.guide.load import load_guide

    guide = write(tmp_path, "title: T\nroles:\n  - id: a\n    name: A\n" + lines)
    with pytest.raises(GuideBuilderError) as caught:
        load_guide(guide)
    assert str(caught.value.problems[0]).endswith(said)
