"""The command line, driven through Typer's CliRunner and once as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guidebuilder import __version__
from guidebuilder.cli import app

from conftest import MINIMAL, ROOT, SEED, listing, write

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"guidebuilder {__version__}"


def test_help_lists_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("build", "pdf", "slides", "check", "init"):
        assert command in result.stdout


def test_check_seed() -> None:
    result = invoke("check", SEED)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"ok {SEED}"


def test_build_writes_both_outputs(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL, "mini.yaml")
    result = invoke("build", guide, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {tmp_path / 'out' / 'mini.pdf'}",
                                          f"wrote {tmp_path / 'out' / 'mini.pptx'}"]
    assert (tmp_path / "out" / "mini.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "out" / "mini.pptx").read_bytes().startswith(b"PK")


def test_build_default_guides_and_audience(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source").mkdir()
    write(tmp_path / "source", MINIMAL + "    audience: [recruiter]\n", "one.yaml")
    write(tmp_path / "source", "not: a guide\n", "_brand-notes.yaml")
    result = invoke("build", "--audience", "recruiter", "--format", "pdf")
    assert result.exit_code == 0, result.output
    assert listing(tmp_path / "output") == ["one-recruiter.pdf"]


def test_build_without_guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("build")
    assert result.exit_code == 1
    assert "no guides in source/" in result.stderr
    assert "guidebuilder init" in result.stderr


def test_pdf_and_slides_commands(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL)
    assert invoke("pdf", guide, "-o", tmp_path / "a.pdf").exit_code == 0
    assert invoke("slides", guide, "-o", tmp_path / "a.pptx").exit_code == 0
    assert (tmp_path / "a.pdf").exists() and (tmp_path / "a.pptx").exists()


@pytest.mark.parametrize("text", ["title: [\n", "title: T\nroles: []\n", b"\xff\xfe\x00garbage"])
def test_bad_guide_exits_1_with_one_line_per_problem_and_writes_nothing(tmp_path: Path,
                                                                        text) -> None:
    guide = write(tmp_path, text)
    result = invoke("build", guide, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(f"error: {guide}:") for line in lines)
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_missing_and_directory_guides(tmp_path: Path) -> None:
    result = invoke("check", tmp_path / "missing.yaml", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'missing.yaml'}: file not found; check the path.",
        f"error: {tmp_path}: is a folder, not a guide file; give the path of a .yaml file."]


def test_bad_usage_exits_2() -> None:
    assert invoke("build", "--format", "docx").exit_code == 2
    assert invoke("frobnicate").exit_code == 2


def test_init_leaves_a_folder_that_builds_and_never_overwrites(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "guidebuilder", "init", "demo"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    demo = tmp_path / "demo"
    guide = demo / "source" / "starter-guide.yaml"
    assert guide.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/guide.schema.json\n")
    assert (demo / "schemas" / "guide.schema.json").exists()
    assert (demo / "_brand.yml").read_text().startswith(
        "# yaml-language-server: $schema=schemas/brand.schema.json\n")
    assert "cd demo\n  guidebuilder build" in result.stdout
    built = subprocess.run([sys.executable, "-m", "guidebuilder", "build"], capture_output=True,
                           text=True, cwd=demo, timeout=120)
    assert built.returncode == 0, built.stderr
    assert listing(demo / "output") == [
        "starter-guide.pdf", "starter-guide.pptx"]
    guide.write_text(guide.read_text() + "# my edit\n")
    before = {p: p.read_bytes() for p in demo.rglob("*") if p.is_file()}
    again = invoke("init", demo)
    assert again.exit_code == 0 and "nothing to do" in again.stdout
    assert {p: p.read_bytes() for p in demo.rglob("*") if p.is_file()} == before


def test_schema_command(tmp_path: Path) -> None:
    import json

    printed = invoke("schema", "guide")
    assert printed.exit_code == 0 and json.loads(printed.stdout)["required"] == ["title", "roles"]
    assert invoke("schema", "brand", "-o", tmp_path / "b.json").exit_code == 0
    assert "defaults" in json.loads((tmp_path / "b.json").read_text())["properties"]
    assert invoke("schema", "colours").exit_code == 2


def test_real_subprocess(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "guidebuilder", "build", str(SEED), "--out",
                             str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote {tmp_path / (SEED.stem + '.pdf')}",
                                          f"wrote {tmp_path / (SEED.stem + '.pptx')}"]
    bad = subprocess.run([sys.executable, "-m", "guidebuilder", "check", str(tmp_path / "x.yaml")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert bad.stderr.strip() == f"error: {tmp_path / 'x.yaml'}: file not found; check the path."


@pytest.mark.parametrize("args", [["--help"], ["check", str(SEED)]])
def test_help_and_check_import_neither_renderer(args: list[str]) -> None:
    probe = ("import sys\nfrom guidebuilder.cli import app\ntry:\n    app(sys.argv[1:])\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in ('reportlab', 'pptx') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("args, made", [
    (["pdf", "{seed}", "-o", "{out}/one.pdf"], ["one.pdf"]),
    (["build", "{seed}", "--out", "{out}", "--jobs", "1"], ["seed.pdf", "seed.pptx"]),
    (["build", "{seed}", "{other}", "--out", "{out}", "--jobs", "2"],
     ["other.pdf", "other.pptx", "seed.pdf", "seed.pptx"]),
    (["build", "{seed}", "--out", "{out}", "-f", "pptx"], ["seed.pptx"]),
], ids=["pdf", "one-process", "pipeline", "one-format"])
def test_the_entry_point_builds_with_the_workers_it_forked_first(tmp_path: Path, args, made):
    """The console entry point forks render workers before it reads the options; whatever the
    options turn out to be, the build is complete and the process ends cleanly."""
    seed = write(tmp_path, SEED.read_text(encoding="utf-8"), "seed.yaml")
    other = write(tmp_path, MINIMAL, "other.yaml")
    out = tmp_path / "out"
    command = [a.format(seed=seed, other=other, out=out) for a in args]
    result = subprocess.run([sys.executable, "-m", "guidebuilder", *command], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert listing(out) == made
    assert "Traceback" not in result.stderr


def test_an_untouched_init_folder_warns_once_about_the_placeholder_organisation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    result = invoke("build", "-f", "pdf", "-j", "1")
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "placeholder" in line]
    assert said == [f"warning: {tmp_path / '_brand.yml'}: meta.name: the organisation is "
                    "still init's placeholder 'Example Company', printed on every cover and footer; write your "
                    "organisation's name under meta: name: in this file."]


def test_check_points_out_the_texts_slides_shorten(tmp_path: Path) -> None:
    guide = write(tmp_path, MINIMAL + "faq:\n  - question: Can I switch roles later?\n"
                  "    answer: Yes. Most people who switch do so after two or three years, once "
                  "they know both teams well. It takes a conversation with your manager.\n")
    summary = invoke("check", guide)
    assert summary.exit_code == 0
    assert f"note: {guide}: slides show 1 text(s) shortened" in summary.stderr
    listed = invoke("check", "--slides", guide)
    assert (f"note: {guide}:7:13: faq[0].answer: slides show this text shortened to 'Yes. "
            "Most people who switch do so after two or three years, once they know both…'; to "
            "choose the words, write it as {text: ..., slide: ...}.") in listed.stderr
