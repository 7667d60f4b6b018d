"""Many guides: parallel builds give the same bytes as serial ones; failures do not stop others."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from guidebuilder.cli import app
from guidebuilder.run.batch import run_jobs
from guidebuilder.run.job import Job, output_paths, run_job
from guidebuilder.run.renderers import Renderers, RenderSet

from conftest import MINIMAL, SEED, listing, write


def _guides(folder: Path, count: int) -> list[Path]:
    return [write(folder, MINIMAL.replace("title: T", f"title: Guide {i}"), f"g{i}.yaml")
            for i in range(count)]


@pytest.mark.parametrize("processes", [2, 4, 6])
def test_parallel_builds_match_serial_bytes(tmp_path: Path, processes: int) -> None:
    guides = [*_guides(tmp_path, 4), SEED]
    outputs = {}
    for count in (1, processes):
        renderers = Renderers(("pdf", "pptx"), count)
        jobs = [Job(g, output_paths(g, tmp_path / f"out{count}", ("pdf", "pptx")))
                for g in guides]
        try:
            results = list(run_jobs(jobs, renderers, lambda r: False))
            assert len(renderers.sets) == max(1, count // 2)  # a set per two processes
            assert all(s.forked == (count > 1) for s in renderers.sets)
        finally:
            renderers.close()
        assert [r.job.guide for r in results] == guides  # in job order
        assert [r.error for r in results] == [None] * len(guides)
        outputs[count] = {p.name: p.read_bytes() for p in (tmp_path / f"out{count}").iterdir() if p.is_file()}
    assert len(outputs[1]) == 10
    serial, parallel = outputs.values()
    assert serial == parallel


@pytest.mark.parametrize("processes", [2, 4])
def test_a_batch_goes_on_past_a_bad_guide_and_stops_cleanly(tmp_path: Path,
                                                            processes: int) -> None:
    good = _guides(tmp_path, 3)
    bad = write(tmp_path, "title: [broken\n", "bad.yaml")
    guides = [good[0], bad, good[1], good[2]]
    renderers = Renderers(("pdf", "pptx"), processes)
    try:
        jobs = [Job(g, output_paths(g, tmp_path / "all", ("pdf", "pptx"))) for g in guides]
        results = list(run_jobs(jobs, renderers, lambda r: False))
        assert [r.error is None for r in results] == [True, False, True, True]
        assert listing(tmp_path / "all") == [
            "g0.pdf", "g0.pptx", "g1.pdf", "g1.pptx", "g2.pdf", "g2.pptx"]
        jobs = [Job(g, output_paths(g, tmp_path / "stop", ("pdf", "pptx"))) for g in guides]
        results = list(run_jobs(jobs, renderers, lambda r: r.error is not None))
        assert [r.error is None for r in results] == [True, False]  # --fail-fast
    finally:
        renderers.close()
    # the guides after the bad one were under way when the batch stopped: nothing of them
    assert listing(tmp_path / "stop") == ["g0.pdf", "g0.pptx"]


@pytest.mark.parametrize("forked", [("pptx",), ("pdf",), ("pdf", "pptx")])
def test_formats_forked_or_here_match(tmp_path: Path, forked: tuple[str, ...]) -> None:
    here = run_job(Job(SEED, output_paths(SEED, tmp_path / "a", ("pdf", "pptx"))))
    renderers = RenderSet(forked, forked=True).start()
    try:
        job = Job(SEED, output_paths(SEED, tmp_path / "b", forked))
        away = run_job(job, renderers)
    finally:
        renderers.close()
    assert here.error is None and away.error is None
    for path in filter(Path.is_file, (tmp_path / "b").iterdir()):
        assert path.read_bytes() == (tmp_path / "a" / path.name).read_bytes()


def test_kept_workers_serve_job_after_job_and_survive_failures(tmp_path: Path) -> None:
    """Watch mode's renderers: the same processes build again and again; a guide that fails
    leaves them answering the next job, and one that died is replaced."""
    guide = write(tmp_path, SEED.read_text(encoding="utf-8"), "guide.yaml")
    job = Job(guide, output_paths(guide, tmp_path / "out", ("pdf", "pptx")))
    renderers = RenderSet(("pdf", "pptx"), forked=True).start()
    try:
        pids = {fmt: renderers.get(fmt).process.pid for fmt in ("pdf", "pptx")}
        assert run_job(job, renderers).error is None
        first = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir() if p.is_file()}
        guide.write_text("title: [broken\n", encoding="utf-8")
        assert run_job(job, renderers).error is not None
        guide.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        assert run_job(job, renderers).error is None
        assert {fmt: renderers.get(fmt).process.pid for fmt in pids} == pids  # the same ones
        dead = renderers.get("pdf")
        dead.process.kill()
        dead.process.join()
        assert run_job(job, renderers).error is None
        assert renderers.get("pdf").process.pid != pids["pdf"]
    finally:
        renderers.close()
    assert sorted(first) == ["guide.pdf", "guide.pptx"]
    assert listing(tmp_path / "out") == sorted(first)
    assert PdfReader(tmp_path / "out" / "guide.pdf").pages


def test_one_bad_guide_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _guides(tmp_path, 2)
    bad = write(tmp_path, "title: [broken\n", "bad.yaml")
    args = ["build", str(good[0]), str(bad), str(good[1]), "--out", str(tmp_path / "out"), "-j", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert listing(tmp_path / "out") == [
        "g0.pdf", "g0.pptx", "g1.pdf", "g1.pptx"]
    assert result.stderr.startswith(f"error: {bad}:2:1: YAML syntax error")
    fast = CliRunner().invoke(app, ["build", str(bad), str(good[0]), "--out",
                                    str(tmp_path / "fast"), "--fail-fast", "-j", "1"])
    assert fast.exit_code == 1
    assert not (tmp_path / "fast").exists()
