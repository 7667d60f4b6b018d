"""Generate large guides that push every layout limit (used by tests and the benchmark)."""

from __future__ import annotations

from pathlib import Path

import yaml

LONG_WORD = "https://example.com/" + "a-very-long-path-segment" * 12  # > 300 characters
WORDS = ("coordinate", "stakeholders", "roadmap", "delivery", "quality", "budget", "hiring",
         "mentoring", "analysis", "strategy", "research", "prototype", "launch", "metrics",
         "feedback", "integration", "planning", "review")


def sentence(seed: int, length: int) -> str:
    words = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def stress_guide(scale: int = 1, roles: int = 4, faqs: int = 40) -> dict:
    """A guide with ``roles`` roles; every list in it grows linearly with ``scale``, so the
    mix of content (and so the cost per page) stays the same at every scale."""
    role_ids = [f"role-{i}" for i in range(1, roles + 1)]
    guide: dict = {
        "title": "Stress guide with a rather long title to test wrapping in headers and slides",
        "subtitle": "Every limit at once",
        "credits": "Generated for testing",
        "summary": "\n\n".join(sentence(i, 40) for i in range(4 * scale)) + f"\n\nSee {LONG_WORD}.",
        "roles": [],
        "comparisons": [],
        "faq": [],
        "closing": "Thank you. " + sentence(99, 30),
    }
    for r, role_id in enumerate(role_ids):
        guide["roles"].append({
            "id": role_id,
            "name": f"Role number {r + 1} with a descriptive name",
            "short": f"R{r + 1}",
            "summary": sentence(r, 60),
            "responsibilities": [
                {"title": f"Responsibility {j + 1}: " + sentence(j, 6).rstrip("."),
                 "text": " ".join(sentence(j + k, 25) for k in range(3))}
                for j in range(12 * scale)],
            "tasks": [sentence(j, 18) for j in range(10 * scale)],
            "career": {
                "levels": [{"title": f"Level {k + 1} " + sentence(k, 3).rstrip("."),
                            "text": sentence(k, 40)} for k in range((5 + r % 3) * scale)],
                "notes": sentence(r, 50),
            },
        })
    rows = []
    for d in range(8 * scale):
        cells = {role_id: [sentence(d + i, 20 + (d % 3) * 30) for i in range(1 + d % 3)]
                 for role_id in role_ids}
        if d % 8 == 1:  # a cell taller than a page, once per eight rows
            cells[role_ids[0]] = [sentence(k, 60) for k in range(14)]
        if d % 8 == 2:
            cells[role_ids[1]] = LONG_WORD
        rows.append({"dimension": f"Dimension {d + 1} " + sentence(d, 4).rstrip("."),
                     "cells": cells})
    guide["comparisons"].append({"title": "Big comparison", "intro": sentence(1, 30),
                                 "rows": rows})
    guide["faq"] = [{"question": sentence(q, 14).rstrip(".") + "?",
                     "answer": " ".join(sentence(q + k, 20) for k in range(1 + q % 4))}
                    for q in range(faqs * scale)]
    return guide


def write_stress_guide(folder: Path, scale: int = 1, name: str = "stress", **options) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(stress_guide(scale, **options), allow_unicode=True,
                                   sort_keys=False, width=1000), encoding="utf-8")
    return path
