"""XML escaping gives what xml.sax.saxutils gives, for any text."""

from __future__ import annotations

from xml.sax import saxutils

from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.text.markup import escape, quoteattr

texts = st.text(alphabet=st.sampled_from("ab&<>\"' \t\n\rżЖ"), max_size=40)


@given(texts)
def test_same_as_saxutils(text: str) -> None:
    assert escape(text) == saxutils.escape(text)
    assert quoteattr(text) == saxutils.quoteattr(text)
