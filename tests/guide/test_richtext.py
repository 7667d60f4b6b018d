"""Markdown fields: the allowed subset is parsed, everything else stays literal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guidebuilder.guide.richtext import (
    MAX_LIST_LEVEL,
    MAX_LIST_NESTING,
    BulletList,
    ListItem,
    MarkdownError,
    Paragraph,
    Run,
    clean,
    parse,
)

CASES = [
    ("plain text", (Paragraph((Run("plain text"),)),)),
    ("**bold** and *it* `x<y`", (Paragraph((Run("bold", bold=True), Run(" and "),
                                            Run("it", italic=True), Run(" "),
                                            Run("x<y", code=True))),)),
    ("[site](https://a.example/x?q=1&r=2)", (Paragraph((Run("site", link="https://a.example/x?q=1&r=2"),)),)),
    ("<b>x</b> &amp; 5 < 7", (Paragraph((Run("<b>x</b> &amp; 5 < 7"),)),)),
    ("# not a heading", (Paragraph((Run("# not a heading"),)),)),
    ("> not a quote", (Paragraph((Run("> not a quote"),)),)),
    ("a\nb", (Paragraph((Run("a b"),)),)),
    ("one\n\ntwo", (Paragraph((Run("one"),)), Paragraph((Run("two"),)))),
    ("- a\n- **b**\n  - c", (BulletList((ListItem((Run("a"),)), ListItem((Run("b", bold=True),)),
                                        ListItem((Run("c"),), level=1))),)),
    ("1. a\n2. b", (BulletList((ListItem((Run("a"),), number=1), ListItem((Run("b"),), number=2))),)),
    ("[js](javascript:alert(1))", (Paragraph((Run("[js](javascript:alert(1))"),)),)),
    ("<https://x.example>", (Paragraph((Run("<https://x.example>"),)),)),
    ("a\x00b\x1bc", (Paragraph((Run("abc"),)),)),
    ("", ()),
    ("   \n\n  ", ()),
]


@pytest.mark.parametrize(("source", "blocks"), CASES, ids=[c[0][:20] for c in CASES])
def test_parse(source: str, blocks: tuple) -> None:
    assert parse(source).blocks == blocks


@given(st.text())
def test_parse_never_fails_and_keeps_words(text: str) -> None:
    parsed = parse(text)
    plain = parsed.plain
    for run in (r for b in parsed.blocks for r in getattr(b, "runs", ())):
        assert run.text
    for word in clean(text).split():
        bare = word.strip("*_`[]()#>-+.0123456789\\!<")
        if bare and not set(bare) & set("*_`[]()\\<>!&"):
            assert bare in plain or bare in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_plain_text_round_trips_when_nothing_is_markup(text: str) -> None:
    safe = "".join(ch for ch in text if ch not in "*_`[]()\\<>!&#-+=~|:\n\r\t" and not ch.isdigit())
    if clean(safe):
        assert parse(safe).plain == clean(safe)


@pytest.mark.parametrize("marker", ["-", "1."])
def test_lists_nested_twelve_deep_keep_every_item_at_the_deepest_drawn_level(marker: str) -> None:
    indent = len(marker) + 1
    source = "\n".join(" " * (indent * n) + f"{marker} item{n}" for n in range(12))
    (block,) = parse(source).blocks
    assert isinstance(block, BulletList)
    assert [item.plain for item in block.items] == [f"item{n}" for n in range(12)]
    assert [item.level for item in block.items] == [*range(MAX_LIST_LEVEL), *[MAX_LIST_LEVEL] * 4]


def test_lists_nested_past_what_is_parsed_are_an_error_not_lost_text() -> None:
    source = "\n".join("  " * n + f"- item{n}" for n in range(MAX_LIST_NESTING + 1))
    with pytest.raises(MarkdownError, match=f"more than {MAX_LIST_NESTING} levels"):
        parse(source)
    assert len(parse("\n".join(source.splitlines()[:-1])).blocks[0].items) == MAX_LIST_NESTING
