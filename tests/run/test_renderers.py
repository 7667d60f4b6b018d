"""The render processes: which a command forks, that an unknown format is an error, and that no
render process outlives its build however it ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from guidebuilder.errors import GuideBuilderError
from guidebuilder.run.formats import ALL, FORMATS, planned_formats
from guidebuilder.run.job import output_paths
from guidebuilder.run.renderers import RenderSet, can_fork

from conftest import ROOT, SEED, python_output


@pytest.mark.parametrize("argv, formats", [
    (["build"], ALL),
    (["build", "g.yaml", "--format", "pptx"], ("pptx",)),
    (["build", "-f", "pdf", "g.yaml"], ("pdf",)),
    (["build", "--format=pdf"], ("pdf",)),
    (["build", "-fpptx"], ("pptx",)),
    (["build", "--format", "all"], ALL),
    (["build", "--jobs", "1"], None),
    (["build", "-j1"], None),
    (["build", "--jobs", "2", "--watch"], ALL),
    (["pdf", "g.yaml"], ("pdf",)),
    (["slides", "g.yaml", "-o", "x.pptx"], ("pptx",)),
    (["build", "--help"], None),
    (["check"], None),
    (["init"], None),
    (["schema", "guide"], None),
    (["--version"], None),
    ([], None),
])
def test_a_command_forks_only_the_renderers_it_uses(argv: list[str], formats) -> None:
    assert planned_formats(argv) == formats


@pytest.mark.skipif(not can_fork() or not Path("/proc/self/maps").exists(),
                    reason="render processes are forked on Linux with 2+ cores (read in /proc)")
def test_the_render_processes_import_in_turn_the_slowest_first() -> None:
    """On two cores, three processes importing at once slowed the command's own work. Seen
    from a fresh interpreter, in the libraries each render process has mapped (reportlab's
    accelerator, python-pptx's lxml): the deck's process imports once the handbook's has,
    unasked; the command keeps no end of the pipe that cues it."""
    printed = python_output("""if True:
        import os, time
        from pathlib import Path
        from guidebuilder.run.formats import ALL
        from guidebuilder.run.renderers import Renderers, RenderSet, preforked

        def loaded(renderer, library):
            return library in Path(f"/proc/{renderer.process.pid}/maps").read_text()

        def opened():
            return len(os.listdir("/proc/self/fd"))

        before = opened()
        unordered = RenderSet(ALL, forked=True).start()
        held = opened() - before
        unordered.close()
        begun = preforked(ALL)
        handbook, deck = begun.get("pdf"), begun.get("pptx")
        print(opened() - before == held)
        deadline = time.monotonic() + 20
        while not loaded(deck, "etree") and time.monotonic() < deadline:
            handbook_first = loaded(handbook, "_rl_accel")
            time.sleep(0.002)
        print(handbook_first, loaded(deck, "etree"))
        print(Renderers(ALL, 2, first=begun).sets == [begun], begun.get("pptx") is deck)
        begun.close()
    """)
    assert printed == ["True"] * 5


@pytest.mark.skipif(not can_fork() or not Path("/proc/self/maps").exists(),
                    reason="render processes are forked on Linux with 2+ cores (read in /proc)")
def test_a_render_process_imports_when_the_one_before_it_ends_early() -> None:
    printed = python_output("""if True:
        import time
        from pathlib import Path
        from guidebuilder.run.formats import ALL
        from guidebuilder.run.renderers import preforked

        begun = preforked(ALL)
        handbook, deck = begun.get("pdf"), begun.get("pptx")
        handbook.process.kill()
        deadline = time.monotonic() + 20
        maps = Path(f"/proc/{deck.process.pid}/maps")
        while "etree" not in maps.read_text() and time.monotonic() < deadline:
            time.sleep(0.01)
        print("etree" in maps.read_text())
        begun.close()
    """)
    assert printed == ["True"]


def test_every_format_has_a_renderer_and_a_suffix() -> None:
    for fmt in FORMATS.values():
        assert fmt.suffix == f".{fmt.name}"
        assert callable(fmt.renderer()) and callable(fmt.warmer())


def test_an_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GuideBuilderError, match="unknown output format 'docx'; use one of: pdf, pptx"):
        output_paths(SEED, tmp_path, ("docx",))
    with pytest.raises(GuideBuilderError, match="unknown output format 'docx'"):
        RenderSet(("docx",), forked=False).start()


def test_the_command_line_refuses_an_unknown_format(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "guidebuilder", "build", str(SEED), "--out",
                             str(tmp_path), "--format", "docx"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert "'docx' is not an output format; use one of: pdf, pptx, all" in result.stderr
    assert not list(tmp_path.iterdir())


def _processes_of(marker: str) -> list[int]:
    """Live processes whose command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().decode(errors="replace")
                state = (entry / "stat").read_text().split()[2]
            except OSError:
                continue
            if marker in command and state != "Z":
                found.append(int(entry.name))
    return found


def _start_big_build(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[str], Path]:
    from stressguide import write_stress_guide

    guides = [write_stress_guide(tmp_path, name=f"big{i}", scale=4) for i in range(2)]
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "guidebuilder", "build", *map(str, guides),
                                "--out", str(out), *options], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(p.name.endswith(".part") for p in out.iterdir())):
        assert time.monotonic() < deadline and process.poll() is None, "render never started"
        time.sleep(0.01)
    return process, out


@pytest.mark.skipif(sys.platform != "linux", reason="render processes are forked on Linux only")
@pytest.mark.parametrize("jobs", ["2", "4"])
def test_a_killed_build_leaves_no_process_and_its_output_ends(tmp_path: Path, jobs: str) -> None:
    """kill -9 (what the OOM killer does): the render processes end with the build, and a
    reader of the build's output (``| tee``) sees the end of it."""
    process, _ = _start_big_build(tmp_path, "--jobs", jobs)
    ended = threading.Event()
    reader = threading.Thread(target=lambda: (process.stdout.read(), ended.set()), daemon=True)
    reader.start()
    assert _processes_of(str(tmp_path)), "no process to kill"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 1.0
    while _processes_of(str(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _processes_of(str(tmp_path)) == []
    assert ended.wait(timeout=1.0), "the build's output never ended"
    process.stdout.close()
    process.stderr.close()


@pytest.mark.parametrize("jobs", ["2", "4"])
def test_a_second_signal_cannot_break_the_clean_up(tmp_path: Path, jobs: str) -> None:
    """What `timeout` does after its grace period, or a double Ctrl-C: one line, exit 130,
    nothing left behind, no process left."""
    process, out = _start_big_build(tmp_path, "--jobs", jobs)
    os.kill(process.pid, signal.SIGTERM)
    os.kill(process.pid, signal.SIGINT)
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "interrupted; no output was changed"
    assert not [p for p in out.iterdir()]
    assert _processes_of(str(tmp_path)) == []


def _catches(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has a handler for ``signum`` (Linux's /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) >> (signum - 1) & 1)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15])
def test_an_interrupt_at_start_up_is_one_line(tmp_path: Path, delay: float) -> None:
    """Ctrl-C while the command is still loading: no traceback, exit code 130. Counted from
    when the command's entry point runs (it handles SIGTERM then): before that the interpreter
    is still starting itself, which under load can take longer than any fixed delay."""
    process = subprocess.Popen([sys.executable, "-m", "guidebuilder", "build", str(SEED),
                                "--out", str(tmp_path / "out")], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not _catches(process.pid, signal.SIGTERM) and process.poll() is None:
        assert time.monotonic() < deadline, "the command never started"
        time.sleep(0.001)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode in (130, -signal.SIGINT), stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "out").exists() or not any(
        p.name.endswith(".part") for p in (tmp_path / "out").iterdir())
