"""Hostile inputs, third round: the cache that cannot be used, logos and font stacks that would
exhaust a decoder, brand values that were silently accepted, templates of the wrong kind, and
Markdown nested deeper than the outputs draw. Each gives a correct build or a one-line located
message, never a traceback, and leaves nothing behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from guidebuilder import cache
from guidebuilder.brand.locate import load_brand
from guidebuilder.errors import GuideBuilderError
from guidebuilder.run.job import Job, run_job

from conftest import MINIMAL, ROOT, SEED, write

ASSETS = ROOT / "tests" / "brand" / "corpus" / "assets"


def gb(*args: object, cwd: Path = ROOT, env: dict[str, str] | None = None,
       timeout: float = 120) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "guidebuilder", *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **(env or {})})
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def fresh_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The cache module as a new process finds it (its folder looked up again, no notice yet)."""
    def reset() -> None:
        cache.cleanup()
        cache._folder.cache_clear()
        cache._scratch.cache_clear()
        cache._state.update(noticed=False, scratch_owner=None)
        cache.notices()

    reset()
    yield
    reset()


def _build(tmp_path: Path, brand_text: str, guide: Path = SEED) -> tuple[object, list[str]]:
    brand = write(tmp_path, brand_text, "_brand.yml")
    result = run_job(Job(guide, {"pdf": tmp_path / "o.pdf", "pptx": tmp_path / "o.pptx"}, brand))
    return result.error, [str(w) for w in result.warnings]


# --- the cache is an optimisation ---------------------------------------------------------

def _no_cache_env(tmp_path: Path, mode: int) -> dict[str, str]:
    cache_home = tmp_path / "xdg"
    (cache_home / "guidebuilder").mkdir(parents=True)
    (cache_home / "guidebuilder").chmod(mode)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    return {"XDG_CACHE_HOME": str(cache_home), "TMPDIR": str(scratch)}


@pytest.mark.parametrize("mode", [0o500, 0o777], ids=["read-only", "not-private"])
def test_an_unusable_cache_still_builds_and_leaves_no_scratch(tmp_path: Path, mode: int) -> None:
    env = _no_cache_env(tmp_path, mode)
    folder = write(tmp_path, MINIMAL)
    (folder.parent / "icon.ico").write_bytes((ASSETS / "icon.ico").read_bytes())
    write(tmp_path, "logo: icon.ico\n", "_brand.yml")
    assert gb("check", folder, env=env).returncode == 0
    assert gb("build", folder, "--out", tmp_path / "out", env=env).returncode == 0
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir() if p.is_file()) == [
        ".pdf", ".pptx"]
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": "relative-cache", "HOME": str(tmp_path / "home")}
    assert gb("build", SEED, "--out", tmp_path / "out", cwd=tmp_path, env=env).returncode == 0
    assert not (tmp_path / "relative-cache").exists()
    assert (tmp_path / "home" / ".cache" / "guidebuilder").is_dir()


def test_the_cache_folder_being_a_file_gives_one_notice(tmp_path: Path, fresh_cache: None,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "guidebuilder").write_text("not a folder")
    made = [cache.derived(bytes([n]), "test", ".bin", lambda data: data * 2) for n in range(3)]
    assert [p.read_bytes() for p in made] == [bytes([n]) * 2 for n in range(3)]
    cache.keep("hint", b"k", [1])
    said = cache.notices()
    assert len(said) == 1 and "the cache cannot be used" in str(said[0])
    assert cache.notices() == []
    scratch = made[0].parent
    cache.cleanup()
    assert not scratch.exists()


def test_a_full_disk_falls_back_to_scratch_leaving_no_partial_file(
        tmp_path: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "guidebuilder"
    real_replace = os.replace

    def full(source: str, target: Path) -> None:
        if Path(target).parent == folder:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", full)
    made = cache.derived(b"x", "test", ".bin", lambda data: data * 3)
    cache.keep("hint", b"k", [1])
    assert made.read_bytes() == b"xxx" and made.parent != folder
    assert [str(n).count("No space left") for n in cache.notices()] == [1]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("kind", ["fifo", "device-link", "dangling-link"])
def test_what_is_not_a_regular_file_in_the_cache_is_never_read(
        tmp_path: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "guidebuilder"
    folder.mkdir(mode=0o700)
    made = cache.derived(b"source", "test", ".bin", lambda data: data.upper())
    record = folder / f"{cache._digest(b'hint' + bytes(1) + b'key')}.json"
    for victim in (made, folder / f"{cache._digest(b'test' + bytes(1) + b'source')}.ref", record):
        victim.unlink(missing_ok=True)
        if kind == "fifo":
            os.mkfifo(victim)
        else:
            victim.symlink_to("/dev/zero" if kind == "device-link" else tmp_path / "gone")
    started = time.monotonic()
    again = cache.derived(b"source", "test", ".bin", lambda data: data.upper())
    assert again.read_bytes() == b"SOURCE" and cache.recall("hint", b"key") is None
    assert time.monotonic() - started < 5


def test_scratch_folders_of_ended_processes_are_removed(tmp_path: Path, fresh_cache: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    dead = 2**22 + 12345  # above the default pid limit: no process has it
    stale = tmp_path / f"guidebuilder-{dead}-abc"
    stale.mkdir()
    live = tmp_path / f"guidebuilder-{os.getpid()}-old"
    live.mkdir()
    mine = cache._scratch()
    assert not stale.exists() and live.exists() and mine.name.startswith(
        f"guidebuilder-{os.getpid()}-")


def test_a_forked_process_never_removes_its_parents_scratch(fresh_cache: None) -> None:
    scratch = cache._scratch()
    pid = os.fork()
    if pid == 0:
        cache.cleanup()
        os._exit(0)
    os.waitpid(pid, 0)
    assert scratch.exists()


# --- logos and font stacks are bounded before they are decoded ----------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" {attributes}>{body}</svg>'


@pytest.mark.parametrize(("attributes", "body", "expected"), [
    ('viewBox="0 0 1 1000000"', "<rect width='1' height='9'/>", "aspect ratio of 1,000,000:1"),
    ('width="4000" height="10"', "", "aspect ratio of 400:1"),
    ('viewBox="0 0 10 10"', "<rect/>" * 20_000, "has 20,001 elements"),
])
def test_extreme_svg_logos_are_left_out_with_a_notice(tmp_path: Path, attributes: str,
                                                      body: str, expected: str) -> None:
    write(tmp_path, SVG.format(attributes=attributes, body=body), "logo.svg")
    error, warnings = _build(tmp_path, "logo: logo.svg\n")
    assert error is None
    assert any(expected in w and "logo 'logo.svg'" in w and "left out" in w for w in warnings)
    assert not any(s.shape_type == 13 for slide in Presentation(tmp_path / "o.pptx").slides
                   for s in slide.shapes)


@pytest.mark.parametrize(("name", "size"), [("wide.gif", (2000, 10)), ("tall.ico", (8, 256))])
def test_extreme_bitmap_logos_are_checked_from_their_header(tmp_path: Path, name: str,
                                                            size: tuple[int, int]) -> None:
    Image.new("RGB", size, "red").save(tmp_path / name)
    error, warnings = _build(tmp_path, f"logo: {name}\n")
    assert error is None and any("aspect ratio" in w and name in w for w in warnings)


def test_an_svg_logo_reads_no_file_outside_itself(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    Image.new("RGB", (40, 20), "blue").save(tmp_path / "secret.png")
    write(tmp_path / "brand", SVG.format(
        attributes='xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 20"',
        body='<rect width="40" height="20" fill="#0a0"/><image xlink:href="../secret.png" '
             'width="40" height="20"/>'), "logo.svg")
    error, warnings = _build(tmp_path / "brand", "logo: logo.svg\n")
    assert error is None
    assert any("reference to '../secret.png' is left out" in w for w in warnings)
    picture = load_brand(tmp_path / "brand" / "_brand.yml")[0].logos.small.light
    assert b"secret" not in picture.path.read_bytes()
    assert picture.source == tmp_path / "brand" / "logo.svg"
    cover = PdfReader(tmp_path / "brand" / "o.pdf").pages[0]
    assert not cover["/Resources"].get("/XObject")  # drawn as vectors, the image left out


def test_a_font_stack_of_a_thousand_families_is_capped(tmp_path: Path) -> None:
    stack = ", ".join(f"Family{n}" for n in range(1000))
    started = time.monotonic()
    error, warnings = _build(tmp_path, f"typography:\n  base:\n    family: '{stack}'\n",
                             write(tmp_path, MINIMAL))
    assert error is None and time.monotonic() - started < 20
    assert any("names 1,000 families; only the first 10 are tried" in w for w in warnings)


def test_a_control_character_in_a_family_name_never_reaches_the_deck(tmp_path: Path) -> None:
    carlito = os.path.relpath(ROOT / "examples" / "northwind" / "fonts", tmp_path)
    error, _ = _build(tmp_path, f'typography:\n  fonts:\n    - family: "Car\\x01lito"\n'
                                f"      files: [{carlito}/Carlito-Regular.ttf]\n"
                                '  base: "Car\\x07lito"\n', write(tmp_path, MINIMAL))
    assert error is None
    assert load_brand(tmp_path / "_brand.yml")[0].typography.base.family == "Carlito"


# --- brand messages and values --------------------------------------------------------------

def test_a_missing_file_names_the_brand_folder_even_when_it_is_the_current_one(
        tmp_path: Path) -> None:
    write(tmp_path, MINIMAL)
    write(tmp_path, "typography:\n  fonts:\n    - {family: X, files: [gone.ttf]}\n", "_brand.yml")
    result = gb("check", "guide.yaml", "--brand", "_brand.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert f"paths are relative to the brand file's folder, {tmp_path}." in result.stderr


def test_a_path_starting_with_a_slash_is_read_from_the_brand_folder(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    Image.new("RGB", (40, 20), "blue").save(tmp_path / "etc" / "logo.png")
    resolved, _ = load_brand(write(tmp_path, "logo: /etc/logo.png\n", "_brand.yml"))
    assert resolved.logos.small.light.path == tmp_path / "etc" / "logo.png"
    resolved, warnings = load_brand(write(tmp_path, "logo: /etc/hostname\n", "_brand.yml"))
    assert resolved.logos.small is None
    assert any("logo file '/etc/hostname' not found" in str(w) for w in warnings)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_logo_is_a_notice_and_the_build_finishes(tmp_path: Path) -> None:
    Image.new("RGB", (40, 20), "blue").save(tmp_path / "logo.png")
    (tmp_path / "logo.png").chmod(0)
    error, warnings = _build(tmp_path, "logo: logo.png\n", write(tmp_path, MINIMAL))
    assert error is None and any("cannot read logo file 'logo.png'" in w for w in warnings)


def _template(path: Path, content_type: str | None = None) -> None:
    Presentation().save(str(path))
    if content_type is None:
        return
    with zipfile.ZipFile(path) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    entries["[Content_Types].xml"] = re.sub(
        rb'(PartName="/ppt/presentation.xml" ContentType=")[^"]+',
        lambda match: match[1] + content_type.encode(), entries["[Content_Types].xml"])
    entries["ppt/vbaProject.bin"] = b"macros"
    with zipfile.ZipFile(path, "w") as target:
        for name, data in entries.items():
            target.writestr(name, data)


@pytest.mark.parametrize(("name", "make", "expected"), [
    ("encrypted", lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4000)),
     "is password-protected"),
    ("macro-enabled", lambda p: _template(
        p, "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"),
     r"is a macro-enabled presentation \(.pptm\), not a .pptx presentation; open it in "
     "PowerPoint and save it as a PowerPoint Presentation"),
    ("potx", lambda p: _template(
        p, "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"),
     r"is a PowerPoint template \(.potx\)"),
])
def test_templates_of_another_kind_are_named(tmp_path: Path, name: str, make: object,
                                             expected: str) -> None:
    make(tmp_path / "t.pptx")  # type: ignore[operator]
    write(tmp_path, "defaults:\n  guidebuilder:\n    pptx-template: t.pptx\n", "_brand.yml")
    with pytest.raises(GuideBuilderError, match=r"_brand.yml:3:20: .*" + expected):
        load_brand(tmp_path / "_brand.yml")


def test_a_plain_template_still_builds(tmp_path: Path) -> None:
    _template(tmp_path / "t.pptx")
    error, _ = _build(tmp_path, "defaults:\n  guidebuilder:\n    pptx-template: t.pptx\n",
                      write(tmp_path, MINIMAL))
    assert error is None


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("size", "0pt", "'0pt' is not a text size"),
    ("size", "0", "'0' is not a text size"),
    ("size", "1000000000pt", "'1000000000pt' is not a text size"),
    ("size", "-5pt", "'-5pt' is not a size"),
    ("line-height", "0", "line-height '0' is not a line height"),
    ("line-height", "1000", "line-height '1000' is not a line height"),
])
def test_sizes_that_are_no_text_size_are_errors(tmp_path: Path, key: str, value: str,
                                                expected: str) -> None:
    write(tmp_path, f"typography:\n  base:\n    {key}: {value}\n", "_brand.yml")
    with pytest.raises(GuideBuilderError, match=rf"_brand.yml:3:\d+: typography.base.{key}: "
                                                + re.escape(expected)):
        load_brand(tmp_path / "_brand.yml")


# --- Markdown ------------------------------------------------------------------------------

def test_lists_nested_twelve_deep_keep_every_item_in_both_outputs(tmp_path: Path) -> None:
    items = "\n".join("  " * (4 + 2 * n) + f"- deep{n}" for n in range(12))
    guide = write(tmp_path, f"title: T\nsummary: |\n{items}\nroles:\n  - id: a\n    name: A\n")
    result = run_job(Job(guide, {"pdf": tmp_path / "o.pdf", "pptx": tmp_path / "o.pptx"}))
    assert result.error is None
    pdf = "".join(page.extract_text() for page in PdfReader(tmp_path / "o.pdf").pages)
    deck = " ".join(shape.text_frame.text for slide in Presentation(tmp_path / "o.pptx").slides
                    for shape in slide.shapes if shape.has_text_frame)
    for n in range(12):
        assert f"deep{n}" in pdf and f"deep{n}" in deck


def test_lists_nested_past_what_is_parsed_are_a_located_error(tmp_path: Path) -> None:
    items = "\n".join("  " * (4 + 2 * n) + f"- deep{n}" for n in range(60))
    guide = write(tmp_path, f"title: T\nsummary: |\n{items}\nroles:\n  - id: a\n    name: A\n")
    result = gb("check", guide)
    assert result.returncode == 1
    assert re.search(r"guide.yaml:2:\d+: summary: lists nest more than 50 levels deep",
                     result.stderr), result.stderr


@pytest.mark.parametrize(("value", "found"), [("{text: {text: hello}}", "a mapping"),
                                              ("{text: [a, b]}", "a list")])
def test_a_nested_short_form_says_what_text_holds(tmp_path: Path, value: str, found: str) -> None:
    guide = write(tmp_path, f"title: T\nsummary: {value}\nroles:\n  - id: a\n    name: A\n")
    result = gb("check", guide)
    assert result.returncode == 1
    assert f"'text' of a text with a short form must be text, found {found}" in result.stderr
