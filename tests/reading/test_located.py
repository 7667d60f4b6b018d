"""Safe YAML reading: positions, no object construction, bounded alias expansion."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from guidebuilder.errors import YamlError
from guidebuilder.reading import located as yamlsource
from guidebuilder.reading.located import format_path

from conftest import write

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))


def load(path: Path) -> yamlsource.Located:
    return yamlsource.load(path, "guide", "title, roles")


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(YamlError, match=r"guide.yaml:1:1: a guide file must be a mapping of keys "
                                        r"\(title, roles\); start the file with 'title:'"):
        load(write(tmp_path, "- a\n- b\n"))


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    source = load(write(tmp_path, "title: T\nroles:\n  - id: a\n    name: A\n"))
    assert source.data == {"title": "T", "roles": [{"id": "a", "name": "A"}]}
    assert source.values[("roles", 0, "name")] == (4, 11)
    assert source.keys[("roles", 0, "name")] == (4, 5)
    assert source.position(("roles", 0, "missing", 3)) == (3, 5)


def test_billion_laughs_fails_fast(tmp_path: Path) -> None:
    path = write(tmp_path, BILLION_LAUGHS)
    started = time.perf_counter()
    with pytest.raises(YamlError, match="values once aliases"):
        load(path)
    assert time.perf_counter() - started < 2.0  # bounded, not exponential


def test_recursive_alias_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(YamlError, match="nested deeper than"):
        load(write(tmp_path, "a: &a [*a]\n"))


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system",
                                 "!!binary", "!custom", "!!set"])
def test_tags_that_build_objects_are_refused(tmp_path: Path, tag: str) -> None:
    with pytest.raises(YamlError, match="is not allowed"):
        load(write(tmp_path, f"title: {tag} x\n"))


def test_oversized_file(tmp_path: Path) -> None:
    path = write(tmp_path, "title: " + "x" * (yamlsource.MAX_FILE_BYTES + 10) + "\n")
    with pytest.raises(YamlError, match="file is larger than"):
        load(path)


def test_control_characters_in_yaml_are_a_syntax_error(tmp_path: Path) -> None:
    with pytest.raises(YamlError, match=r"guide.yaml:1:9: the control character U\+0007 is not"):
        load(write(tmp_path, "title: a\x07b\n"))


@pytest.mark.parametrize(("path", "text"), [
    (("roles", 1, "id"), "roles[1].id"), (("a",), "a"), ((), ""), (("x", 0, 2), "x[0][2]")])
def test_format_path(path: tuple, text: str) -> None:
    assert format_path(path) == text
