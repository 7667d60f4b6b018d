"""Text escaped for XML (PowerPoint's and reportlab's paragraph markup), as xml.sax.saxutils
does it; that module imports urllib, which a renderer's start-up need not pay for."""

from __future__ import annotations

_ATTRIBUTE = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """``text`` escaped and quoted for an XML attribute value."""
    text = escape(text)
    for char, entity in _ATTRIBUTE.items():
        text = text.replace(char, entity)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))
