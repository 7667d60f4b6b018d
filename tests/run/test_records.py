"""Incremental builds: a guide is rendered again exactly when something that shapes its outputs
changed, and an up-to-date build writes nothing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from guidebuilder.run import records
from guidebuilder.run.job import Job, output_paths, run_job
from guidebuilder.run.renderers import RenderSet

from conftest import MINIMAL, ROOT, write

GUIDE = MINIMAL + "    audience: [hr]\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A guide, and a brand beside it naming a logo and a font file."""
    shutil.copy(ROOT / "examples" / "northwind" / "logo.png", tmp_path / "logo.png")
    shutil.copy(ROOT / "guidebuilder" / "fonts" / "LiberationSans-Regular.ttf",
                tmp_path / "Body.ttf")
    write(tmp_path, GUIDE, "g.yaml")
    write(tmp_path, "meta: {name: Acme}\nlogo: {small: {path: logo.png, alt: Acme}}\n"
                    "typography:\n  fonts: [{family: Body, source: file, files: [Body.ttf]}]\n"
                    "  base: Body\n", "_brand.yml")
    return tmp_path


def _build(folder: Path, out: Path | None = None, **options: object) -> bool:
    """Build the guide; True when it was rendered, False when it was up to date."""
    guide = folder / "g.yaml"
    targets = output_paths(guide, out or folder / "out", ("pdf", "pptx"),
                           options.get("audience"))
    result = run_job(Job(guide, targets, **options), RenderSet(("pdf", "pptx"), forked=False))
    assert result.error is None, result.error
    assert result.up_to_date == (not result.written)
    return bool(result.written)


def _append(name: str, data: bytes) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        with (folder / name).open("ab") as stream:
            stream.write(data)
    return change


CHANGES: dict[str, Callable[[Path], None]] = {
    "guide": _append("g.yaml", b"summary: New words.\n"),
    "brand file": _append("_brand.yml", b"# a comment is a change too\n"),
    "logo": lambda folder: shutil.copy(ROOT / "examples" / "northwind" / "mark.png",
                                       folder / "logo.png"),
    "font": lambda folder: shutil.copy(ROOT / "guidebuilder" / "fonts" / "LiberationSans-Bold.ttf",
                                       folder / "Body.ttf"),
    "deleted output": lambda folder: (folder / "out" / "g.pdf").unlink(),
    "hand-edited output": _append("out/g.pptx", b"edited"),
    "deleted record": lambda folder: shutil.rmtree(folder / "out" / records.FOLDER),
    "guide saved again": lambda folder: os.utime(folder / "g.yaml", (1, 1)),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_what_shapes_the_outputs_builds_again(project: Path, change: str) -> None:
    assert _build(project)
    assert not _build(project)
    before = {p.name: p.stat().st_mtime_ns for p in (project / "out").iterdir()}
    CHANGES[change](project)
    assert _build(project)
    assert not _build(project)
    assert before  # and the rebuild replaced the outputs (the next one did not)


def test_nothing_is_written_when_nothing_changed(project: Path) -> None:
    assert _build(project)
    stats = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in (project / "out").rglob("*")}
    assert not _build(project)
    assert {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in (project / "out").rglob("*")} \
        == stats


def test_options_the_epoch_and_the_tool_are_inputs(project: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert _build(project)
    assert _build(project, rebuild=True)
    assert _build(project, audience="hr")  # other outputs, and other options
    assert not _build(project, audience="hr")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _build(project)
    assert not _build(project)
    monkeypatch.setattr(records, "tool_identity", lambda: "9.9.9+newer")
    assert _build(project)


def test_a_brand_file_appearing_where_one_is_looked_for_builds_again(tmp_path: Path,
                                                                     monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "guides"
    folder.mkdir()
    write(folder, GUIDE, "g.yaml")
    assert _build(folder)
    assert not _build(folder)
    write(tmp_path, "meta: {name: Acme}\n", "_brand.yml")  # in the current folder
    assert _build(folder)


def test_a_copied_output_folder_is_trusted_only_with_the_same_inputs(project: Path,
                                                                     tmp_path: Path) -> None:
    assert _build(project)
    shutil.copytree(project / "out", project / "copy")
    assert not _build(project, out=project / "copy")
    _append("g.yaml", b"closing: Bye.\n")(project)
    assert _build(project, out=project / "copy")


def test_an_incremental_build_gives_the_bytes_of_a_clean_one(project: Path) -> None:
    assert _build(project)
    _append("g.yaml", b"closing: Bye.\n")(project)
    assert _build(project)
    assert _build(project, out=project / "clean", rebuild=True)
    for name in ("g.pdf", "g.pptx"):
        assert (project / "out" / name).read_bytes() == (project / "clean" / name).read_bytes()


def test_a_planted_or_broken_record_is_not_trusted(project: Path) -> None:
    assert _build(project)
    for record in (project / "out" / records.FOLDER).iterdir():
        record.write_text("{not json")
    assert _build(project)
    for record in (project / "out" / records.FOLDER).iterdir():
        record.unlink()
        record.symlink_to("/dev/zero")
    assert _build(project)
