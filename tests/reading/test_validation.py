"""Validation errors become located, plain-words problems with a fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from guidebuilder.errors import Problem
from guidebuilder.reading import located
from guidebuilder.reading.validation import describe, problems_from

from conftest import write


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    colour: str


class Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    items: list[Inner] = []


def _problems(tmp_path: Path, text: str) -> list[Problem]:
    source = located.load(write(tmp_path, text), "test", "name, …")
    with pytest.raises(ValidationError) as caught:
        Outer.model_validate(source.data)
    return problems_from(caught.value, source, Outer)


def test_unknown_key_suggests_the_closest(tmp_path: Path) -> None:
    [problem] = _problems(tmp_path, "name: n\nitems:\n  - colour: red\n    color: blue\n")
    assert (problem.line, problem.column, problem.path) == (4, 5, "items[0].color")
    assert problem.message == "unknown key 'color'" and problem.hint == "did you mean 'colour'?"


def test_missing_key_and_wrong_type_in_file_order(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "items: {a: 1}\n")
    assert [(p.line, p.message) for p in problems] == [
        (1, "required key 'name' is missing"), (1, "expected a list, found a mapping")]


@pytest.mark.parametrize(("value", "words"), [
    ({}, "a mapping"), ([], "a list"), (None, "an empty value"), ("x", "the text 'x'"),
    ("y" * 50, "the text '" + "y" * 40 + "…'")])
def test_describe(value: object, words: str) -> None:
    assert describe(value) == words


def test_problem_line_format() -> None:
    problem = Problem("g.yaml", "bad thing.", 3, 7, "roles[0].id", "fix it.")
    assert str(problem) == "g.yaml:3:7: roles[0].id: bad thing; fix it."
    assert str(Problem("g.yaml", "did you mean x?")) == "g.yaml: did you mean x?"


@pytest.mark.parametrize(("value", "found"), [
    ("7", "a number (7)"), ("1.5", "a number (1.5)"), ("yes", "true/false (yes)"),
    ("2024-05-01", "a date (2024-05-01)"), ("'7'", "the text '7'"), ("", "an empty value")])
def test_messages_name_the_yaml_type(tmp_path: Path, value: str, found: str) -> None:
    [problem] = _problems(tmp_path, f"name: n\nitems: {value}\n")
    assert problem.message == f"expected a list, found {found}"
