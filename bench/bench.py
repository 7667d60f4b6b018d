"""guidebuilder benchmark: whole-command wall times beside same-run baselines (the commands
take turns, round after round), warm rebuilds and watch mode from a save to both outputs
written, batch speed-up, per-stage costs at growing sizes, and peak memory.

    .venv/bin/python bench/bench.py [--runs N] [--quick]

rst2pdf and pandoc are measured when on PATH (or named by $RST2PDF / $PANDOC)."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "product-vs-program-manager.yaml"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]
PY = sys.executable


def walls(commands: dict[str, list[str] | None], runs: int) -> dict[str, float | None]:
    """Median wall time of each whole process, after one warm-up run each (file cache). The
    commands take turns, round after round, so a noisy moment of the machine falls on all of
    them alike and their ratios hold."""
    present = {name: command for name, command in commands.items() if command}
    times: dict[str, list[float]] = {name: [] for name in present}
    for round_ in range(runs + 1):
        for name, command in present.items():
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=False)
            if round_:
                times[name].append(time.perf_counter() - started)
            if done.returncode:
                raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr.decode()[-800:]}")
    return {name: statistics.median(times[name]) if name in times else None for name in commands}


def timed(function, runs: int, best: bool = False) -> tuple[float, object]:
    """The median time of ``runs`` calls (the fastest with ``best``: a busy machine only ever
    adds time, and how cost grows with size is the question), and the last value."""
    times, value = [], None
    for _ in range(runs):
        started = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - started)
    return min(times) if best else statistics.median(times), value


def row(name: str, ours: float, base_name: str, base: float | None, target: str = "") -> str:
    if base is None:
        return f"| {name} | {ours * 1000:8.0f} ms | {base_name} | n/a | | {target} |"
    return (f"| {name} | {ours * 1000:8.0f} ms | {base_name} | {base * 1000:8.0f} ms | "
            f"{ours / base:5.2f}x | {target} |")


def commands(runs: int, work: Path) -> list[str]:
    from export import export

    out = work / "out"
    needs_build = "import typer, pydantic, yaml, markdown_it, PIL, fontTools, reportlab.platypus, pptx"
    needs_check = "import typer, pydantic, yaml, markdown_it, PIL, fontTools"
    gb = [PY, "-m", "guidebuilder"]
    markdown, rst = export(SEED, work)
    rst2pdf = _rst2pdf()
    pandoc = os.environ.get("PANDOC") or shutil.which("pandoc")
    installed = _installed()
    t = walls({
        "build": [*gb, "build", str(SEED), "--out", str(out), "--rebuild"],
        "floor": [PY, "-c", "import reportlab.platypus, pptx"],
        "installed build": [str(installed / "guidebuilder"), "build", str(SEED), "--out",
                            str(work / "installed"), "--rebuild"] if installed else None,
        "installed floor": [str(installed / "python"), "-c", "import reportlab.platypus, pptx"]
        if installed else None,
        "build imports": [PY, "-c", needs_build],
        "help": [*gb, "--help"],
        "bare help": [PY, str(ROOT / "bench" / "bare_typer.py"), "--help"],
        "check": [*gb, "check", str(SEED)],
        "check imports": [PY, "-c", needs_check],
        "rst2pdf": [rst2pdf, str(rst), "-o", str(work / "rst.pdf")] if rst2pdf else None,
        "pandoc": [pandoc, str(markdown), "-o", str(work / "pandoc.pptx")] if pandoc else None,
    }, runs)
    lines = [
        "| command | ours | baseline | baseline time | ratio | target |",
        "|---|---|---|---|---|---|",
        row("build seed (PDF + deck)", t["build"], "import reportlab.platypus, pptx", t["floor"],
            "<= 1.6x"),
        row("build seed (PDF + deck)", t["build"], "python + every import it needs",
            t["build imports"]),
        row("--help", t["help"], "bare 2-command Typer --help", t["bare help"], "<= 1.2x"),
        row("check seed", t["check"], "python + imports it needs", t["check imports"]),
        row("build seed (PDF + deck)", t["build"], "rst2pdf, PDF only", t["rst2pdf"], "<= 0.8x"),
    ]
    if t["installed build"] is not None:  # pip could install it
        lines += [row("build seed, installed", t["installed build"],
                      "import reportlab.platypus, pptx", t["installed floor"], "<= 1.6x"),
                  row("build seed, installed", t["installed build"], "rst2pdf, PDF only",
                      t["rst2pdf"], "<= 0.8x")]
    warm = warm_rebuild(runs, work)
    lines.append(row("warm rebuild in watch mode", warm, "pandoc cold pptx", t["pandoc"],
                     "< 0.1 s, < 1x"))
    lines.append(row("watch mode: save to both outputs written", saved_to_written(runs, work),
                     "pandoc cold pptx", t["pandoc"]))
    guides = work / "batch"
    guides.mkdir()
    for index in range(20):
        shutil.copy(SEED, guides / f"guide-{index:02d}.yaml")
    batch = [*gb, "build", *map(str, sorted(guides.glob("*.yaml"))), "--rebuild"]
    b = walls({"serial": [*batch, "--out", str(work / "b1"), "--jobs", "1"],
               "parallel": [*batch, "--out", str(work / "b2")]}, max(3, runs // 2))
    lines.append(row(f"20 guides, --jobs {os.cpu_count()}", b["parallel"], "20 guides, --jobs 1",
                     b["serial"], f"speed-up {b['serial'] / b['parallel']:.2f}x (>= 1.85x)"))
    return lines + catalogue(work)


def catalogue(work: Path, count: int = 40) -> list[str]:
    """A catalogue of ``count`` guides with a brand beside them: built, rebuilt with nothing
    changed, after one guide is edited, after the brand is edited; what each rebuild costs
    and which outputs it rewrote, and whether an incremental build gives a clean build's
    bytes."""
    folder = work / "catalogue"
    shutil.copytree(ROOT / "examples" / "northwind", folder)
    text = SEED.read_text(encoding="utf-8")
    for index in range(count):
        (folder / f"guide-{index:02d}.yaml").write_text(  # each its own outputs
            text.replace("subtitle:", f"version: 'v{index}'\nsubtitle:", 1), encoding="utf-8")
    out = folder / "output"
    command = [PY, "-m", "guidebuilder", "build", *map(str, sorted(folder.glob("guide-*.yaml"))),
               "--out", str(out)]

    def outputs(place: Path) -> list[Path]:
        return sorted(filter(Path.is_file, place.iterdir())) if place.is_dir() else []

    def build() -> tuple[float, int]:
        before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outputs(out)}
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=folder)
        taken = time.perf_counter() - started
        after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outputs(out)}
        return taken, sum(before.get(p) != stamp for p, stamp in after.items())

    full, written = build()
    nothing = sorted(build() for _ in range(3))[1]
    guide = folder / "guide-07.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("'v7'", "'v7, edited'"),
                     encoding="utf-8")
    one = build()
    brand = folder / "_brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    branded = build()
    clean = folder / "clean"
    subprocess.run([*command[:-1], str(clean), "--rebuild"], check=True, capture_output=True,
                   cwd=folder)
    same = [p.read_bytes() for p in outputs(out)] == [p.read_bytes() for p in outputs(clean)]
    return [
        "",
        f"catalogue of {count} guides (--jobs {os.cpu_count()}): full build {full * 1000:.0f} ms, "
        f"{written} files written",
        "| rebuild after | time | share of the full build | files rewritten |",
        "|---|---|---|---|",
        f"| nothing changed | {nothing[0] * 1000:.0f} ms | {nothing[0] / full:.0%} (<= 10%) | "
        f"{nothing[1]} (0) |",
        f"| one guide edited | {one[0] * 1000:.0f} ms | {one[0] / full:.0%} | {one[1]} (2) |",
        f"| the brand edited | {branded[0] * 1000:.0f} ms | {branded[0] / full:.0%} | "
        f"{branded[1]} ({2 * count}) |",
        f"incremental outputs byte-identical to a clean build's: {'yes' if same else 'NO'}",
    ]


def saved_to_written(runs: int, work: Path) -> float:
    """In watch mode, from a save of the guide to both outputs replaced, as a user waits for
    it (the watcher's own debounce included)."""
    guide = work / "watched" / "guide.yaml"
    guide.parent.mkdir()
    text = SEED.read_text(encoding="utf-8")
    guide.write_text(text, encoding="utf-8")
    out = work / "watched-out"
    outputs = [out / "guide.pdf", out / "guide.pptx"]
    process = subprocess.Popen([PY, "-m", "guidebuilder", "build", str(guide), "--out", str(out),
                                "--watch"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True)
    try:
        while "watching" not in (process.stderr.readline() or "watching"):
            pass
        time.sleep(0.5)
        times = []
        for index in range(runs + 2):
            before = [path.stat().st_ino for path in outputs]
            started = time.perf_counter()
            guide.write_text(text.replace("title:", f"title: v{index}", 1), encoding="utf-8")
            while any(path.stat().st_ino == inode for path, inode in zip(outputs, before,
                                                                       strict=True)):
                if time.perf_counter() - started > 30:
                    raise SystemExit("watch mode did not rebuild within 30 s")
                time.sleep(0.001)
            times.append(time.perf_counter() - started)
            time.sleep(0.3)
        return statistics.median(times[2:])
    finally:
        process.terminate()
        process.wait(timeout=30)


def _installed() -> Path | None:
    """The bin folder of .bench/installed, a venv where this checkout is installed as a user
    installs it (a wheel, compiled, no editable-install hook run at every start); refreshed
    on every run. None when pip cannot install it."""
    venv = ROOT / ".bench" / "installed"
    if not (venv / "bin" / "guidebuilder").exists():
        print("installing guidebuilder into .bench/installed/ ...", file=sys.stderr)
        subprocess.run([PY, "-m", "venv", str(venv)], capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(ROOT)],
                       capture_output=True)
    else:  # this checkout again, then any dependency it gained
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps",
                        "--force-reinstall", str(ROOT)], capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(ROOT)],
                       capture_output=True)
    return venv / "bin" if (venv / "bin" / "guidebuilder").exists() else None


def _rst2pdf() -> str | None:
    """rst2pdf from $RST2PDF or PATH, else installed once into .bench/ (its own reportlab)."""
    found = os.environ.get("RST2PDF") or shutil.which("rst2pdf")
    if found:
        return found
    venv = ROOT / ".bench"
    binary = venv / "bin" / "rst2pdf"
    if not binary.exists():
        print("installing rst2pdf into .bench/ for the baseline ...", file=sys.stderr)
        made = subprocess.run([PY, "-m", "venv", str(venv)], capture_output=True)
        if made.returncode == 0:
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "rst2pdf"],
                           capture_output=True)
    return str(binary) if binary.exists() else None


def warm_rebuild(runs: int, work: Path) -> float:
    from guidebuilder.run.formats import ALL, FORMATS
    from guidebuilder.run.job import Job, output_paths, run_job
    from guidebuilder.run.renderers import RenderSet

    for fmt in FORMATS.values():  # as watch mode does: both renderers imported once, kept warm
        fmt.renderer()
    renderers = RenderSet(ALL, forked=True).start()
    try:
        job = Job(SEED, output_paths(SEED, work / "warm", ALL), rebuild=True)
        for _ in range(2):
            run_job(job, renderers)
        return timed(lambda: run_job(job, renderers), runs)[0]
    finally:
        renderers.close()


def stages(runs: int, work: Path, scales: tuple[int, ...]) -> list[str]:
    from pptx import Presentation
    from pypdf import PdfReader

    from guidebuilder.guide.load import load_guide
    from guidebuilder.plan.build import build_plan

    from stressguide import write_stress_guide

    lines = ["Fastest of the runs of each stage, in this process:\n",
             "| guide | load+validate | plan | PDF | pages | ms/page | deck | slides | ms/slide |",
             "|---|---|---|---|---|---|---|---|---|"]
    per_unit: dict[str, tuple[float, float]] = {}
    guides = [("seed", SEED)] + [(f"stress {s}x", write_stress_guide(work, s, f"stress{s}"))
                                 for s in scales]
    for name, path in guides:
        count = runs if "16x" not in name else max(2, runs // 3)
        load, guide = timed(lambda p=path: load_guide(p).guide, count, best=True)
        plan_time, plan = timed(lambda g=guide: build_plan(g), count, best=True)
        pdf_time, pdf = timed(lambda pl=plan: _render("pdf", pl, work), count, best=True)
        deck_time, deck = timed(lambda pl=plan: _render("pptx", pl, work), count, best=True)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        slides = len(Presentation(io.BytesIO(deck)).slides)
        per_unit[name] = (pdf_time / pages, deck_time / slides)
        lines.append(f"| {name} | {load * 1000:.0f} ms | {plan_time * 1000:.1f} ms | "
                     f"{pdf_time * 1000:.0f} ms | {pages} | {pdf_time / pages * 1000:.1f} | "
                     f"{deck_time * 1000:.0f} ms | {slides} | {deck_time / slides * 1000:.1f} |")
    if "stress 1x" in per_unit and f"stress {scales[-1]}x" in per_unit:
        base, big = per_unit["stress 1x"], per_unit[f"stress {scales[-1]}x"]
        lines.append(f"\nper-page cost {scales[-1]}x / 1x: PDF {big[0] / base[0]:.2f}x, "
                     f"deck {big[1] / base[1]:.2f}x (target <= 1.25x)")
    return lines


def _render(fmt: str, plan, work: Path) -> bytes:
    """The bytes of one format of ``plan`` in the built-in brand, rendered as a build does."""
    from guidebuilder.brand.model import DEFAULT_BRAND
    from guidebuilder.plan.document import RenderOptions
    from guidebuilder.run.formats import FORMATS
    from guidebuilder.run.render import render

    target = work / f"stage.{fmt}"
    render(FORMATS[fmt], plan, DEFAULT_BRAND, target, RenderOptions())
    return target.read_bytes()


def peak_memory(work: Path, scale: int) -> str:
    from stressguide import write_stress_guide

    guide = write_stress_guide(work, scale, f"mem{scale}")
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    kib = subprocess.run([PY, "-c", probe, PY, "-m", "guidebuilder", "build", str(guide), "--out",
                          str(work / "mem"), "--jobs", "1"], capture_output=True, text=True,
                         check=True).stdout.strip()
    return f"peak memory of the {scale}x stress build (--jobs 1): {int(kib) / 1024:.0f} MB (target < 400 MB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="fewer runs, stress up to 4x")
    parser.add_argument("--stages", action="store_true", help="only the per-stage table")
    options = parser.parse_args()
    runs = 3 if options.quick else options.runs
    scales = (1, 4) if options.quick else (1, 4, 16)
    # measured as installed: pip compiles a package's modules when it installs it, but an
    # editable checkout under PYTHONDONTWRITEBYTECODE would be compiled again on every run
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "guidebuilder")], check=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print(f"guidebuilder benchmark: {os.cpu_count()} cores, Python "
              f"{sys.version.split()[0]}, median of {runs} runs\n")
        if not options.stages:
            print("\n".join(commands(runs, work)))
            print()
        print("\n".join(stages(runs, work, scales)))
        print()
        print(peak_memory(work, scales[-1]))


if __name__ == "__main__":
    main()
