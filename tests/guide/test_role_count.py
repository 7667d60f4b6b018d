"""Up to ten roles; more is said together with every other problem of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidebuilder.errors import ContentError
from guidebuilder.guide.load import load_guide

from conftest import write


def _roles(count: int) -> str:
    return "".join(f"  - {{id: r{i}, name: Role {i}}}\n" for i in range(count))


def test_ten_roles_are_a_guide(tmp_path: Path) -> None:
    guide = load_guide(write(tmp_path, "title: T\nroles:\n" + _roles(10))).guide
    assert len(guide.roles) == 10


def test_too_many_roles_are_said_with_every_other_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\nroles:\n  - {id: a, name: A, respnsibilities: []}\n"
                           + _roles(10) + "faq: [{question: Q, extra: 1}]\n")
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    said = [str(problem) for problem in caught.value.problems]
    assert said == [
        f"{path}:2:1: roles: needs at most 10 item(s), found 11; a guide compares up to 10 "
        "roles; split it into two guides.",
        f"{path}:3:22: roles[0].respnsibilities: unknown key 'respnsibilities'; did you mean "
        "'responsibilities'?",
        f"{path}:14:21: faq[0].extra: unknown key 'extra'; allowed keys: question, answer, "
        "audience."]
