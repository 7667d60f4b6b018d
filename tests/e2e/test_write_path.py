"""Every command that writes goes through the one write path: each is tried against the same
hostile targets (a link, a link to nowhere, a write that fails half-way) and must refuse or fail
cleanly, changing nothing and naming the user's file."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, SEED, listing, write

Command = Callable[[Path, Path], list[str]]
WRITERS: dict[str, tuple[str, Command]] = {
    "build": ("seed.pdf", lambda guide, target: ["build", str(guide), "--out", str(target.parent),
                                                 "-f", "pdf", "-j", "1"]),
    "pdf": ("handbook.pdf", lambda guide, target: ["pdf", str(guide), "-o", str(target)]),
    "slides": ("deck.pptx", lambda guide, target: ["slides", str(guide), "-o", str(target)]),
    "schema": ("guide.schema.json", lambda guide, target: ["schema", "guide", "-o", str(target)]),
    "init": ("_brand.yml", lambda guide, target: ["init", str(target.parent)]),
}


def _run(args: list[str], file_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([sys.executable, "-m", "guidebuilder", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, preexec_fn=limited)


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    guide = write(tmp_path, SEED.read_text(encoding="utf-8"), "seed.yaml")
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return guide, out, elsewhere


@pytest.mark.parametrize("command", WRITERS)
def test_a_link_is_never_written_through(setup, command: str) -> None:
    guide, out, elsewhere = setup
    name, make = WRITERS[command]
    victim = write(elsewhere, "victim", "victim.txt")
    (out / name).symlink_to(victim)
    result = _run(make(guide, out / name))
    assert result.returncode == 1, result.stderr
    assert f"{out / name}: is a symbolic link; guidebuilder never writes through links" in \
        result.stderr
    assert victim.read_text() == "victim" and (out / name).is_symlink()
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", WRITERS)
def test_a_link_to_nowhere_creates_nothing(setup, command: str) -> None:
    guide, out, elsewhere = setup
    name, make = WRITERS[command]
    (out / name).symlink_to(elsewhere / "made")
    result = _run(make(guide, out / name))
    assert result.returncode == 1, result.stderr
    assert "is a symbolic link" in result.stderr
    assert not (elsewhere / "made").exists()
    if command == "init":  # all of init's files or none
        assert listing(out) == [name]


@pytest.mark.parametrize("command", WRITERS)
def test_a_write_that_fails_keeps_the_old_file(setup, command: str) -> None:
    guide, out, _ = setup
    name, make = WRITERS[command]
    if command == "init":
        (out / "source").mkdir()  # the guide is kept; the schemas are too large to write
        write(out / "source", "previous", "starter-guide.yaml")
        name = "source/starter-guide.yaml"
    else:
        write(out, "previous", name)
    result = _run(make(guide, out / name), file_limit=2000)
    assert result.returncode == 1, result.stderr
    assert (out / name).read_text() == "previous"
    assert ".part" not in result.stderr and "Traceback" not in result.stderr
    assert "cannot be written (File too large)" in result.stderr
    assert not [p for p in out.rglob("*") if ".gb-" in p.name]
    if command == "init":
        assert listing(out) == ["source"]


@pytest.mark.parametrize("source", ["seed.yaml", "_brand.yml"])
def test_a_schema_never_replaces_a_source(setup, source: str) -> None:
    guide, _, _ = setup
    target = guide.parent / source
    if not target.exists():
        write(target.parent, "meta: {name: Acme}\n", source)
    before = target.read_text()
    result = _run(["schema", "brand", "-o", str(target)])
    assert result.returncode == 2
    assert "a JSON Schema is written to a .json file" in result.stderr
    assert target.read_text() == before


def test_init_checks_every_file_before_writing_any(tmp_path: Path) -> None:
    write(tmp_path, "not a folder", "schemas")
    result = _run(["init", str(tmp_path)])
    assert result.returncode == 1
    assert "a file stands where its folder should be" in result.stderr
    assert listing(tmp_path) == ["schemas"]
