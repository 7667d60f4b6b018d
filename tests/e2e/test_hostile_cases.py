"""The adversarial suite: hostile inputs (tests/e2e/hostile/*.yaml, each stating what must
happen) and command lines no one meant. Whatever happens: no traceback, no lost file, a
one-line located message, nothing written that is not reported."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from guidebuilder.brand.locate import load_brand
from guidebuilder.errors import GuideBuilderError
from guidebuilder.run.job import Job, prepare, run_job
from guidebuilder.run.output import TEMP_SUFFIX

from conftest import MINIMAL, ROOT, SEED, listing, write

HOSTILE = sorted((Path(__file__).parent / "hostile").glob("*.yaml"))
NORTHWIND = ROOT / "examples" / "northwind"


def gb(*args: object, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "guidebuilder", *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("guide", HOSTILE, ids=lambda p: p.stem)
def test_hostile_guide(guide: Path) -> None:
    kind, _, expected = guide.read_text(encoding="utf-8").splitlines()[0].removeprefix(
        "# expect: ").partition(" ")
    started = time.perf_counter()
    if kind == "ok":
        prepared = prepare(Job(guide, {}))
        assert prepared.account.warnings() == []
        assert not re.search("[\u202a-\u202e\u0000]", prepared.plan.meta.title)
    else:
        with pytest.raises(GuideBuilderError) as caught:
            prepare(Job(guide, {}))
        messages = [str(p) for p in caught.value.problems]
        assert any(re.search(expected, m) for m in messages), messages
        assert all(m.startswith(f"{guide}:") and "\n" not in m for m in messages)
    assert time.perf_counter() - started < 5


def test_many_rows_without_aliases_are_not_told_about_aliases(tmp_path: Path) -> None:
    rows = "".join(f"  - {{id: r{i}, name: R}}\n" for i in range(26_000))
    guide = write(tmp_path, "title: T\nroles:\n" + rows)
    with pytest.raises(GuideBuilderError) as caught:
        prepare(Job(guide, {}))
    message = str(caught.value)
    assert "more than 50,000 values in one file; split it into smaller files" in message
    assert "fewer aliases" not in message


def test_nested_merge_keys_are_linear(tmp_path: Path) -> None:
    lines = ["b0: &b0 {k: v}"] + [f"b{i}: &b{i} {{<<: [*b{i - 1}, *b{i - 1}], k{i}: v}}"
                                  for i in range(1, 60)]
    guide = write(tmp_path, "\n".join(lines) + "\ntitle: T\nroles: [{id: a, name: A}]\n")
    started = time.perf_counter()
    with pytest.raises(GuideBuilderError):
        prepare(Job(guide, {}))
    assert time.perf_counter() - started < 2


# -- outputs never land on inputs, never clash --------------------------------------------------
def test_output_on_the_guide_itself_is_refused(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    for command in ("pdf", "slides"):
        result = gb(command, guide, "-o", guide)
        assert result.returncode == 1
        assert f"{guide}: is the guide; writing the output there would replace it" in result.stderr
    assert guide.read_text() == MINIMAL


def test_guide_named_like_its_output_is_not_overwritten(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "same.pdf")
    result = gb("build", guide, "--out", tmp_path, "--format", "pdf")
    assert result.returncode == 1 and "is the guide" in result.stderr
    assert guide.read_text() == MINIMAL


def test_output_on_a_brand_file_or_font_is_refused(tmp_path: Path) -> None:
    brand = NORTHWIND / "_brand.yml"
    for target in (brand, NORTHWIND / "fonts" / "Carlito-Regular.ttf", NORTHWIND / "logo.png"):
        before = target.read_bytes()
        result = run_job(Job(SEED, {"pdf": target}, brand))
        assert "writing the output there would replace it" in str(result.error)
        assert target.read_bytes() == before


def test_two_guides_with_one_output_name_are_refused_before_writing(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, MINIMAL, "x.yaml")
    result = gb("build", tmp_path / "a" / "x.yaml", tmp_path / "b" / "x.yaml", "--out",
                tmp_path / "out")
    assert result.returncode == 1
    assert f"both {tmp_path / 'a' / 'x.yaml'} and {tmp_path / 'b' / 'x.yaml'}" in result.stderr
    assert not (tmp_path / "out").exists()


def test_empty_audience_is_a_usage_error(tmp_path: Path) -> None:
    result = gb("build", SEED, "--audience", "", "--out", tmp_path)
    assert result.returncode == 2 and "give an audience name" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_audience_that_leaves_no_roles_builds_nothing(tmp_path: Path) -> None:
    guide = write(tmp_path, "title: T\nroles: [{id: a, name: A, audience: [hr]}]\n"
                            "faq: [{question: Q?, audience: [recruiter]}]\n")
    result = gb("build", guide, "--audience", "recruiter", "--out", tmp_path / "out")
    assert result.returncode == 1 and "no role is for the audience 'recruiter'" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("guide_text, names", [
    ("title: T\nroles: [{id: a, name: A, audience: [hr, recruiter]}]\n", "hr, recruiter"),
    ("title: T\nroles: [{id: a, name: A}]\n", "none (no item has an audience list)"),
])
def test_an_audience_no_item_names_is_refused_before_writing(tmp_path: Path, guide_text: str,
                                                             names: str) -> None:
    """A typo (--audience recruter) would silently drop every item meant for recruiters."""
    guide = write(tmp_path, guide_text)
    result = gb("build", guide, "--audience", "recruter", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert (f"no item of the guides is for the audience 'recruter'; the audiences they name: "
            f"{names}") in result.stderr
    assert not (tmp_path / "out").exists()


def test_out_is_a_file(tmp_path: Path) -> None:
    afile = write(tmp_path, "keep", "afile")
    result = gb("build", SEED, "--out", afile)
    assert result.returncode == 2 and "is a file; give a folder for the outputs" in result.stderr
    assert "File exists" not in result.stderr and afile.read_text() == "keep"


def test_a_folder_where_an_output_goes_changes_no_output(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "g.pdf").write_bytes(b"previous")
    (out / "g.pptx").mkdir()
    result = gb("build", guide, "--out", out)
    assert result.returncode == 1
    assert f"{out / 'g.pptx'}: is a folder" in result.stderr and TEMP_SUFFIX not in result.stderr
    assert (out / "g.pdf").read_bytes() == b"previous"
    assert listing(out) == ["g.pdf", "g.pptx"]


def test_replaced_outputs_keep_their_permissions(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    target = tmp_path / "g.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    assert run_job(Job(guide, {"pdf": target})).error is None
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() != b"old"


def test_temporaries_of_killed_builds_are_removed(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".g.pdf.gb-{dead.pid}-abc123{TEMP_SUFFIX}"
    stale.write_bytes(b"half")
    assert run_job(Job(guide, {"pdf": tmp_path / "g.pdf"})).error is None
    assert not stale.exists()


def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "guide.yaml"
    os.mkfifo(pipe)
    result = gb("check", pipe, timeout=30)
    assert result.returncode == 1 and "is not a regular file" in result.stderr


# -- stopping: nothing written after an interrupt or a --fail-fast stop -------------------------
def _snapshot(folder: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_sigterm_stops_a_parallel_batch_for_good(tmp_path: Path) -> None:
    from stressguide import write_stress_guide

    guides = [write_stress_guide(tmp_path, scale=2, name=f"g{i}") for i in range(6)]
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "guidebuilder", "build", *guides, "--out",
                                out, "--jobs", "2"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline().startswith("wrote ")
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr
    after = _snapshot(out)
    time.sleep(3)
    assert _snapshot(out) == after
    assert not [name for name in after if name.endswith(TEMP_SUFFIX)]


def test_fail_fast_writes_nothing_after_the_failure(tmp_path: Path) -> None:
    good = [write(tmp_path, MINIMAL, f"{name}.yaml") for name in ("a", "c", "d", "e")]
    bad = write(tmp_path, "title: T\n", "b.yaml")
    out = tmp_path / "out"
    result = gb("build", good[0], bad, *good[1:], "--out", out, "--jobs", "2", "--fail-fast")
    assert result.returncode == 1
    time.sleep(1)
    assert listing(out) == ["a.pdf", "a.pptx"]
    assert result.stdout.count("wrote ") == 2


# -- brand files that cannot render are found by check ------------------------------------------
def _brand(tmp_path: Path, text: str) -> Path:
    return write(tmp_path, text, "_brand.yml")


def test_damaged_font_is_found_by_check(tmp_path: Path) -> None:
    data = (NORTHWIND / "fonts" / "Carlito-Regular.ttf").read_bytes()
    (tmp_path / "cut.ttf").write_bytes(data[: len(data) // 3])
    brand = _brand(tmp_path, "typography:\n  fonts:\n    - {family: Cut, source: file, "
                             "files: [cut.ttf]}\n  base: Cut\n")
    with pytest.raises(GuideBuilderError, match=r"_brand.yml:3:\d+: typography.fonts\[0\]"
                                                r".files\[0\].path: cut.ttf: "):
        load_brand(brand)


def test_broken_gif_logo_is_a_notice_not_a_write_error(tmp_path: Path) -> None:
    Image.new("RGB", (40, 20), "red").save(tmp_path / "logo.gif")
    data = (tmp_path / "logo.gif").read_bytes()
    (tmp_path / "logo.gif").write_bytes(data[:30])
    brand = _brand(tmp_path, "logo: logo.gif\n")
    result = run_job(Job(SEED, {"pdf": tmp_path / "o.pdf", "pptx": tmp_path / "o.pptx"}, brand))
    assert result.error is None
    assert any("logo 'logo.gif' is not a readable image" in str(w) for w in result.warnings)


def test_control_characters_in_the_brand_never_reach_the_xml(tmp_path: Path) -> None:
    brand = _brand(tmp_path, 'meta: {name: "Acme\\x01\\x1b Corp"}\ndefaults:\n  guidebuilder:\n'
                             '    footer: "Foot\\x07er"\n')
    result = run_job(Job(SEED, {"pdf": tmp_path / "o.pdf", "pptx": tmp_path / "o.pptx"}, brand))
    assert result.error is None and load_brand(brand)[0].meta.name == "Acme Corp"


@pytest.mark.parametrize(("name", "make", "expected"), [
    ("not-a-pptx", lambda p: p.write_bytes(b"PK\x03\x04 not really"), "is not a .pptx file"),
    ("no-master", lambda p: _zip(p, {"ppt/presentation.xml": b"<p/>"}),
     "cannot be opened as a presentation"),
    ("zip-bomb", lambda p: _zip(p, {"ppt/presentation.xml": b"<p/>",
                                    "ppt/media/big.bin": b"\0" * 250_000_000}),
     "unpacks to 250 MB"),
])
def test_templates_that_cannot_render_are_found_by_check(tmp_path: Path, name, make,
                                                         expected: str) -> None:
    make(tmp_path / "t.pptx")
    brand = _brand(tmp_path, "defaults:\n  guidebuilder:\n    pptx-template: t.pptx\n")
    with pytest.raises(GuideBuilderError, match=expected):
        load_brand(brand)


def _zip(path: Path, entries: dict[str, bytes]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for entry, data in entries.items():
            package.writestr(entry, data)


def test_palette_cycle_is_named_as_a_loop(tmp_path: Path) -> None:
    brand = _brand(tmp_path, "color:\n  palette: {a: b, b: a}\n  primary: a\n")
    with pytest.raises(GuideBuilderError, match=r"loop \(a → b → a\)"):
        load_brand(brand)


def test_cjk_brand_name_is_reported(tmp_path: Path) -> None:
    _, warnings = load_brand(_brand(tmp_path, "meta: {name: 株式会社}\n"))
    assert any("meta.name: the font Arial has no glyphs for" in str(w) for w in warnings)


# -- watch mode ------------------------------------------------------------------------------
def test_watch_survives_its_folder_being_deleted_and_made_again(tmp_path: Path) -> None:
    import shutil

    from guidebuilder.run.renderers import RenderSet
    from guidebuilder.run.watch import watch_jobs

    folder = tmp_path / "guides"
    folder.mkdir()
    guide = write(folder, MINIMAL, "g.yaml")
    results, stop = [], threading.Event()
    thread = threading.Thread(target=watch_jobs, args=(
        [Job(guide, {"pdf": tmp_path / "g.pdf"})], results.append, RenderSet(("pdf",), False),
        stop), daemon=True)
    thread.start()
    time.sleep(1)
    shutil.rmtree(folder)
    time.sleep(1)
    folder.mkdir()
    time.sleep(1)
    write(folder, MINIMAL.replace("title: T", "title: Again"), "g.yaml")
    deadline = time.monotonic() + 20
    while not any(r.written for r in results) and time.monotonic() < deadline:
        time.sleep(0.1)
    stop.set()
    thread.join(10)
    assert any(r.written for r in results)


def test_interrupting_watch_exits_130_with_one_line(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "g.yaml")
    process = subprocess.Popen([sys.executable, "-m", "guidebuilder", "build", guide, "--out",
                                tmp_path / "out", "--watch"], cwd=ROOT, stderr=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while "watching" not in (line := process.stderr.readline()):
        assert time.monotonic() < deadline and line, "watch never started"
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.strip() == "stopped watching"


def test_a_file_planted_in_the_cache_is_not_used(tmp_path: Path, monkeypatch) -> None:
    import hashlib

    from guidebuilder import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache._folder.cache_clear()
    made = cache.derived(b"source", "kind", ".bin", lambda data: data.upper())
    assert made.read_bytes() == b"SOURCE"
    made.write_bytes(b"planted")  # same name, other bytes: no longer matches its digest
    again = cache.derived(b"source", "kind", ".bin", lambda data: data.upper())
    assert again.read_bytes() == b"SOURCE"
    assert again.name == hashlib.sha256(b"SOURCE").hexdigest() + ".bin"
    assert stat.S_IMODE((tmp_path / "cache" / "guidebuilder").stat().st_mode) == 0o700
    cache._folder.cache_clear()


def test_closing_workers_never_print_a_traceback() -> None:
    code = ("import signal\n"
            "def stop(*_): raise KeyboardInterrupt\n"
            "signal.signal(signal.SIGTERM, stop)\n"
            "from guidebuilder.run.formats import FORMATS\n"
            "from guidebuilder.run.renderers import ForkedRenderer\n"
            "for _ in range(25): ForkedRenderer(FORMATS['pdf']).close()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_each_logo_problem_is_said_once(tmp_path: Path) -> None:
    brand = _brand(tmp_path, "logo: missing.png\n")
    result = gb("check", SEED, "--brand", brand)
    assert result.stderr.count("logo file 'missing.png' not found") == 1
