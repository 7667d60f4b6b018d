"""Outputs are never half-written: failures and interrupts leave earlier files untouched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guidebuilder.run.job import Job, output_paths, run_job
from guidebuilder.run.output import TEMP_SUFFIX, commit, discard, stage

from conftest import MINIMAL, ROOT, listing, write


def test_staged_outputs_replace_only_when_committed(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    temporaries = stage([target])
    temporaries[target].write_bytes(b"half")
    discard(temporaries)  # what a failed render does
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
    temporaries = stage([target])
    temporaries[target].write_bytes(b"new")
    commit(temporaries)
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_failed_build_leaves_previous_outputs_byte_identical(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    targets = output_paths(guide, tmp_path / "out", ("pdf", "pptx"))
    assert run_job(Job(guide, targets)).error is None
    before = {path: path.read_bytes() for path in targets.values()}
    guide.write_text(MINIMAL + "    bogus: 1\n")
    assert run_job(Job(guide, targets)).error is not None
    assert {path: path.read_bytes() for path in targets.values()} == before
    assert listing(tmp_path / "out") == ["g.pdf", "g.pptx"]


def test_render_error_in_one_format_changes_neither(tmp_path: Path, monkeypatch) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    targets = output_paths(guide, tmp_path, ("pdf", "pptx"))
    for path in targets.values():
        path.write_bytes(b"previous")
    import guidebuilder.deck

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(guidebuilder.deck, "render", broken)
    result = run_job(Job(guide, targets))
    assert "the PowerPoint deck could not be rendered (ValueError: boom)" in str(result.error)
    assert all(path.read_bytes() == b"previous" for path in targets.values())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_unwritable_output_folder(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    blocker = write(tmp_path, "not a folder", "out")
    result = run_job(Job(guide, {"pdf": blocker / "g.pdf"}))
    assert "a file stands where its folder should be" in str(result.error)
    assert blocker.read_text() == "not a folder"


def test_output_names_come_from_the_stem_only(tmp_path: Path) -> None:
    paths = output_paths(Path("source/guide.yaml"), tmp_path, ("pdf",), "../../etc/passwd")
    assert paths["pdf"] == tmp_path / "guide-etc-passwd.pdf"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_leaves_no_partial_or_temporary_file(tmp_path: Path, signum) -> None:
    from stressguide import write_stress_guide

    guide = write_stress_guide(tmp_path, scale=4)
    out = tmp_path / "out"
    out.mkdir()
    (out / "stress.pdf").write_bytes(b"previous pdf")
    process = subprocess.Popen([sys.executable, "-m", "guidebuilder", "build", str(guide),
                                "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not [p for p in out.iterdir() if p.name.endswith(TEMP_SUFFIX)]:
        assert time.monotonic() < deadline and process.poll() is None, "render never started"
        time.sleep(0.01)
    time.sleep(0.2)
    os.kill(process.pid, signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted; no output was changed" in stderr
    assert "Traceback" not in stderr
    assert listing(out) == ["stress.pdf"]
    assert (out / "stress.pdf").read_bytes() == b"previous pdf"
