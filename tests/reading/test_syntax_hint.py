"""The most likely first mistake, text holding ": " without quotes, is told with its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidebuilder.errors import YamlError
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
