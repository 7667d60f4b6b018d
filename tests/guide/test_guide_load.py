"""Loading guides: every bad input gives located, plain-words errors; good input loads."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from guidebuilder.errors import ContentError
from guidebuilder.guide.load import load_guide

from conftest import MINIMAL, SEED, write

BAD_INPUTS = [
    ("yaml-syntax", "title: T\nroles:\n  - id: a\n   name: [unclosed\n",
     [r"guide.yaml:\d+:\d+: YAML syntax error"]),
    ("duplicate-role", MINIMAL + "  - id: a\n    name: B\n",
     [r"guide.yaml:5:9: roles\[1\].id: duplicate role id 'a'"]),
    ("unknown-cell-role", MINIMAL.replace("id: a", "id: product") + "comparisons:\n  - title: C\n"
     "    rows:\n      - dimension: D\n        cells:\n          prodct: x\n          zzz: y\n",
     [r"guide.yaml:10:11: comparisons\[0\].rows\[0\].cells.prodct: unknown role id 'prodct'; "
      r"did you mean 'product'\?",
      r"guide.yaml:11:11: .*cells.zzz: unknown role id 'zzz'; use one of the role ids: product"]),
    ("misspelt-key", MINIMAL + "    responsibilites: []\n",
     [r"guide.yaml:5:5: roles\[0\].responsibilites: unknown key 'responsibilites'; "
      r"did you mean 'responsibilities'\?"]),
    ("string-for-list", MINIMAL + "    tasks: do things\n",
     [r"guide.yaml:5:12: roles\[0\].tasks: expected a list, found the text 'do things'"]),
    ("number-for-mapping", MINIMAL + "    career: 5\n",
     [r"guide.yaml:5:13: roles\[0\].career: expected a mapping, found a number \(5\)"]),
    ("no-roles", "title: T\nroles: []\n", [r"guide.yaml:2:8: roles: needs at least 1 item"]),
    ("eleven-roles", "title: T\nroles:\n" + "".join(f"  - {{id: r{i}, name: R}}\n" for i in range(11)),
     [r"roles: needs at most 10 item"]),
    ("empty-file", "", [r"guide.yaml:1:1: the file is empty"]),
    ("comment-only", "# nothing here\n", [r"guide.yaml:1:1: the file is empty"]),
    ("not-utf8", "title: caf\xe9\n".encode("latin-1"),
     [r"guide.yaml:1:11: is not UTF-8 text \(byte 0xe9\); save the file with UTF-8 encoding"]),
    ("random-bytes", bytes(range(256)) * 4, [r"guide.yaml(:\d+:\d+)?: (is not UTF-8|YAML syntax)"]),
    ("path-role-id", "title: T\nroles:\n  - id: ../../etc/passwd\n    name: A\n",
     [r"guide.yaml:3:9: roles\[0\].id: '../../etc/passwd' is not a valid role id"]),
    ("python-object", "title: !!python/object:os.system echo hi\nroles:\n  - {id: a, name: A}\n",
     [r"guide.yaml:1:8: title: the YAML tag 'tag:yaml.org,2002:python/object:os.system' "
      r"is not allowed"]),
    ("python-apply", "title: T\nroles: !!python/object/apply:os.system [echo hi]\n",
     [r"guide.yaml:2:8: roles: the YAML tag .* is not allowed"]),
    ("missing-title", "roles:\n  - id: a\n    name: A\n",
     [r"guide.yaml:1:1: title: required key 'title' is missing; add 'title:' here"]),
    ("empty-name", "title: T\nroles:\n  - id: a\n    name: ''\n",
     [r"guide.yaml:4:11: roles\[0\].name: must not be empty"]),
    ("top-level-list", "- a\n- b\n", [r"guide.yaml:1:1: a guide file must be a mapping of keys"]),
    ("bad-language", MINIMAL + 'language: \'en" onload="x\'\n',
     [r"guide.yaml:5:11: language: 'en\" onload=\"x' is not a language tag; use a language tag"]),
    ("duplicate-key", "title: T\ntitle: U\nroles:\n  - {id: a, name: A}\n",
     [r"guide.yaml:2:1: title: the key 'title' appears twice"]),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_reported_with_location(tmp_path: Path, name: str, text, expected) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    message = str(caught.value)
    for pattern in expected:
        assert any(re.search(pattern, line) for line in message.splitlines()), message
    assert "Traceback" not in message
    assert all(line.startswith(str(path)) for line in message.splitlines())


def test_all_errors_of_a_file_are_reported_together(tmp_path: Path) -> None:
    path = write(tmp_path, "title: T\nroles:\n  - id: a\n    name: A\n    sumary: x\n"
                           "  - id: a\n    name: B\nfaq: 3\n")
    with pytest.raises(ContentError) as caught:
        load_guide(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 3
    assert [line.split(":")[1] for line in lines] == ["5", "6", "8"]  # in file order


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="file not found"):
        load_guide(tmp_path / "nope.yaml")
    with pytest.raises(ContentError, match="is a folder, not a guide file"):
        load_guide(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, MINIMAL)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: make the open fail the same way
        def refuse(self, *args, **kwargs):
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ContentError, match="cannot read the file \\(Permission denied\\)"):
        load_guide(path)


def test_minimal_guide_and_scalars_stay_text(tmp_path: Path) -> None:
    guide = load_guide(write(tmp_path, "title: 2024\nsubtitle: yes\nroles:\n  - {id: a, name: 1.0}\n")).guide
    assert (guide.title, guide.subtitle, guide.roles[0].name) == ("2024", "yes", "1.0")


def test_anchors_and_merge_keys_work(tmp_path: Path) -> None:
    guide = load_guide(write(tmp_path, "title: T\nroles:\n  - &first {id: a, name: Shared}\n"
                                       "  - {<<: *first, id: b}\n")).guide
    assert [(r.id, r.name) for r in guide.roles] == [("a", "Shared"), ("b", "Shared")]


def test_seed_loads() -> None:
    assert load_guide(SEED).guide.title == "Product Manager vs Program Manager"
