"""A run with other text keeps every part of its style."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.guide.richtext import Run


@given(st.builds(Run, st.text(), st.booleans(), st.booleans(), st.booleans(),
                 st.none() | st.text()), st.text())
def test_with_text_is_a_replace_of_the_text(run: Run, text: str) -> None:
    assert run.with_text(text) == dataclasses.replace(run, text=text)
