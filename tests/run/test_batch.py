"""Many guides: parallel builds give the same bytes as serial ones; failures do not stop others."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from guidebuilder.cli import app
from guidebuilder.run.batch import run_jobs
from guidebuilder.run.job import Job, output_paths, run_job
from guidebuilder.run.worker import Workers

from conftest import MINIMAL, SEED, write


def _guides(folder: Path, count: int) -> list[Path]:
    return [write(folder, MINIMAL.replace("title: T", f"title: Guide {i}"), f"g{i}.yaml")
            for i in range(count)]


@pytest.mark.parametrize("how", ["pool", "pipeline"])
def test_parallel_builds_match_serial_bytes(tmp_path: Path, how: str) -> None:
    guides = [*_guides(tmp_path, 3), SEED]
    outputs = {}
    for workers in (1, 4 if how == "pool" else 2):
        kept = Workers(("pdf", "pptx")).start() if workers > 1 and how == "pipeline" else None
        jobs = [Job(g, output_paths(g, tmp_path / f"out{workers}", ("pdf", "pptx")))
                for g in guides]
        try:
            results = list(run_jobs(jobs, workers, lambda r: False, kept))
        finally:
            if kept is not None:
                kept.close()
        assert [r.job.guide for r in results] == guides  # in job order
        assert [r.error for r in results] == [None] * len(guides)
        outputs[workers] = {p.name: p.read_bytes() for p in (tmp_path / f"out{workers}").iterdir()}
    assert len(outputs[1]) == 8
    serial, parallel = outputs.values()
    assert serial == parallel


def test_a_pipeline_goes_on_past_a_bad_guide_and_stops_cleanly(tmp_path: Path) -> None:
    good = _guides(tmp_path, 3)
    bad = write(tmp_path, "title: [broken\n", "bad.yaml")
    guides = [good[0], bad, good[1], good[2]]
    kept = Workers(("pdf", "pptx")).start()
    try:
        jobs = [Job(g, output_paths(g, tmp_path / "all", ("pdf", "pptx"))) for g in guides]
        results = list(run_jobs(jobs, 2, lambda r: False, kept))
        assert [r.error is None for r in results] == [True, False, True, True]
        assert sorted(p.name for p in (tmp_path / "all").iterdir()) == [
            "g0.pdf", "g0.pptx", "g1.pdf", "g1.pptx", "g2.pdf", "g2.pptx"]
        jobs = [Job(g, output_paths(g, tmp_path / "stop", ("pdf", "pptx"))) for g in guides]
        results = list(run_jobs(jobs, 2, lambda r: r.error is not None, kept))
        assert [r.error is None for r in results] == [True, False]  # --fail-fast
    finally:
        kept.close()
    # the guide after the bad one was under way when the batch stopped: nothing of it remains
    assert sorted(p.name for p in (tmp_path / "stop").iterdir()) == ["g0.pdf", "g0.pptx"]


@pytest.mark.parametrize("kept", [("pptx",), ("pdf",), ("pdf", "pptx")])
def test_formats_in_parallel_match_serial(tmp_path: Path, kept: tuple[str, ...]) -> None:
    serial = run_job(Job(SEED, output_paths(SEED, tmp_path / "a", ("pdf", "pptx"))))
    workers = Workers(kept).start()
    try:
        forked = run_job(Job(SEED, output_paths(SEED, tmp_path / "b", ("pdf", "pptx"))),
                         workers=workers)
    finally:
        workers.close()
    cold = run_job(Job(SEED, output_paths(SEED, tmp_path / "c", ("pdf", "pptx"))), parallel=True)
    assert serial.error is None and forked.error is None and cold.error is None
    for name in ("product-vs-program-manager.pdf", "product-vs-program-manager.pptx"):
        expected = (tmp_path / "a" / name).read_bytes()
        assert (tmp_path / "b" / name).read_bytes() == expected
        assert (tmp_path / "c" / name).read_bytes() == expected


def test_kept_workers_serve_job_after_job_and_survive_failures(tmp_path: Path) -> None:
    """Watch mode's workers: the same processes build again and again; a guide that fails
    leaves them answering the next job, and a worker that died is replaced."""
    guide = write(tmp_path, SEED.read_text(encoding="utf-8"), "guide.yaml")
    job = Job(guide, output_paths(guide, tmp_path / "out", ("pdf", "pptx")))
    workers = Workers(("pdf", "pptx")).start()
    try:
        pids = {fmt: workers.get(fmt).process.pid for fmt in ("pdf", "pptx")}
        assert run_job(job, workers=workers).error is None
        first = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
        guide.write_text("title: [broken\n", encoding="utf-8")
        assert run_job(job, workers=workers).error is not None
        guide.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        assert run_job(job, workers=workers).error is None
        assert {fmt: workers.get(fmt).process.pid for fmt in pids} == pids  # the same ones
        dead = workers.get("pdf")
        dead.process.kill()
        dead.process.join()
        assert run_job(job, workers=workers).error is None
        assert workers.get("pdf").process.pid != pids["pdf"]
    finally:
        workers.close()
    assert sorted(first) == ["guide.pdf", "guide.pptx"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(first)
    assert PdfReader(tmp_path / "out" / "guide.pdf").pages


def test_one_bad_guide_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _guides(tmp_path, 2)
    bad = write(tmp_path, "title: [broken\n", "bad.yaml")
    args = ["build", str(good[0]), str(bad), str(good[1]), "--out", str(tmp_path / "out"), "-j", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "g0.pdf", "g0.pptx", "g1.pdf", "g1.pptx"]
    assert result.stderr.startswith(f"error: {bad}:2:1: YAML syntax error")
    fast = CliRunner().invoke(app, ["build", str(bad), str(good[0]), "--out",
                                    str(tmp_path / "fast"), "--fail-fast", "-j", "1"])
    assert fast.exit_code == 1
    assert not (tmp_path / "fast").exists()
