"""Watch mode: a saved change rebuilds exactly the guide it belongs to, errors do not stop it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from guidebuilder.run.job import Job, Result, output_paths, run_job
from guidebuilder.run.renderers import RenderSet
from guidebuilder.run.watch import watch_jobs

from conftest import MINIMAL, write


def _wait(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("kept", [False, True], ids=["here", "kept-workers"])
def test_a_change_rebuilds_exactly_that_guide_once(tmp_path: Path, kept: bool) -> None:
    first = write(tmp_path, MINIMAL, "first.yaml")
    second = write(tmp_path, MINIMAL, "second.yaml")
    jobs = [Job(g, output_paths(g, tmp_path / "out", ("pdf",))) for g in (first, second)]
    results: list[Result] = []
    stop = threading.Event()
    renderers = RenderSet(("pdf",), forked=kept).start()
    watcher = threading.Thread(target=watch_jobs, args=(jobs, results.append, renderers, stop))
    watcher.start()
    try:
        time.sleep(0.6)  # let the watcher start
        first.write_text(MINIMAL.replace("title: T", "title: Changed"))
        assert _wait(lambda: results)
        time.sleep(0.8)  # any duplicate rebuild would arrive by now
        assert [r.job.guide for r in results] == [first]
        assert results[0].error is None
        assert (tmp_path / "out" / "first.pdf").exists()
        assert not (tmp_path / "out" / "second.pdf").exists()

        good = (tmp_path / "out" / "first.pdf").read_bytes()
        first.write_text("title: [broken\n")
        assert _wait(lambda: len(results) == 2)
        assert results[1].error is not None  # reported, the watcher keeps running
        assert (tmp_path / "out" / "first.pdf").read_bytes() == good  # last good output kept
        second.write_text(MINIMAL.replace("title: T", "title: Second"))
        assert _wait(lambda: len(results) == 3)
        assert results[2].job.guide == second and results[2].error is None
    finally:
        stop.set()
        watcher.join(timeout=10)
        renderers.close()
    assert not watcher.is_alive()


def test_the_brands_files_are_watched_and_a_vanished_brand_is_said(tmp_path: Path) -> None:
    """A logo the brand names is an input like the guide; a brand file that disappears is
    said, not silently replaced by the built-in brand."""
    from PIL import Image

    guides = tmp_path / "guides"
    guides.mkdir()
    logos = tmp_path / "art"  # a folder of its own: watched because the brand reads from it
    logos.mkdir()
    Image.new("RGB", (40, 20), "navy").save(logos / "logo.png")
    guide = write(guides, MINIMAL, "g.yaml")
    brand = write(guides, "meta: {name: Acme}\nlogo: ../art/logo.png\n", "_brand.yml")
    job = Job(guide, output_paths(guide, tmp_path / "out", ("pdf",)))
    renderers = RenderSet(("pdf",), forked=False)
    first = run_job(job, renderers)
    assert first.error is None and brand.resolve() in first.inputs
    results: list[Result] = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch_jobs, args=([job], results.append, renderers, stop),
                               kwargs={"first": [first]})
    watcher.start()
    try:
        time.sleep(0.6)
        Image.new("RGB", (40, 20), "teal").save(logos / "logo.png")
        assert _wait(lambda: len(results) == 1)
        assert results[0].error is None
        brand.unlink()
        assert _wait(lambda: len(results) == 2)
        said = [str(w) for w in results[1].warnings]
        assert any(f"{brand.resolve()}: is gone, so the guide was built with the built-in brand"
                   in w for w in said), said
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()
