"""Layout rules both renderers follow, so the handbook and the deck present content alike."""

from __future__ import annotations

from guidebuilder.text.measure import shorten

BULLET = "•"
SUB_BULLET = "–"
FULL_NAME_COLUMNS = 3  # a table with at most this many roles names them in full in its header
HEADER_CHARS = 60  # characters of a role name in a table header (the notes have it in full)
LADDER_STEPS = 6  # career steps drawn side by side; more continue on another row or slide
WIDE_TABLE_COLUMNS = 4  # a handbook table with this many roles gets a landscape page


def bullet_marker(number: int | None, level: int) -> str:
    """The marker of a list item: its number, a bullet, or a dash for nested items."""
    if number is not None:
        return f"{number}."
    return BULLET if level == 0 else SUB_BULLET


def dimension_share(columns: int) -> float:
    """The share of a table's width its first (dimension) column takes."""
    return 0.22 if columns <= FULL_NAME_COLUMNS else 0.16


def header_names(names: tuple[str, ...], short_names: tuple[str, ...]) -> list[str]:
    """A table's role headers: full names for a few roles, else the short labels; capped."""
    shown = names if len(names) <= FULL_NAME_COLUMNS else short_names
    return [shorten(name, HEADER_CHARS) for name in shown]
