"""Shared fixtures: the seed guide, built outputs, helpers for files and external readers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=15, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# the tests (and the builds they start) share a cache of their own, never the user's
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="guidebuilder-tests-")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source" / "product-vs-program-manager.yaml"
HEBREW = ROOT / "examples" / "hebrew" / "product-team.yaml"  # right-to-left guides
ARABIC = ROOT / "tests" / "data" / "ar-guide.yaml"
sys.path.insert(0, str(Path(__file__).parent))


def require_tool(name: str) -> str:
    """The path of an external tool; skip (or fail in CI) when it is missing."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("GUIDEBUILDER_REQUIRE_TOOLS"):
        pytest.fail(f"{name} is required in CI but not installed")
    pytest.skip(f"{name} is not installed (apt-get install it, or run .ci/run)")


@pytest.fixture(autouse=True)
def _fixed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="session")
def seed_plan():
    from guidebuilder.guide.load import load_guide
    from guidebuilder.plan.build import build_plan

    return build_plan(load_guide(SEED).guide)


def _build_seed(factory: pytest.TempPathFactory, fmt: str) -> Path:
    from guidebuilder.run.job import Job, run_job

    target = factory.mktemp("seed") / f"seed.{fmt}"
    result = run_job(Job(SEED, {fmt: target}))
    assert result.error is None, result.error
    return target


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_seed(tmp_path_factory, "pdf")


@pytest.fixture(scope="session")
def seed_pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_seed(tmp_path_factory, "pptx")


@pytest.fixture(scope="session")
def stress_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from guidebuilder.run.job import Job, run_job

    from stressguide import write_stress_guide

    folder = tmp_path_factory.mktemp("stress")
    guide = write_stress_guide(folder)
    targets = {"pdf": folder / "stress.pdf", "pptx": folder / "stress.pptx"}
    result = run_job(Job(guide, targets))
    assert result.error is None, result.error
    return targets


def walk(sections: tuple, depth: int = 0) -> Iterator[tuple[int, Any]]:
    """Every plan section with its depth (0 for chapters), in document order."""
    for section in sections:
        yield depth, section
        yield from walk(section.children, depth + 1)


def write(folder: Path, text: str | bytes, name: str = "guide.yaml") -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


MINIMAL = "title: T\nroles:\n  - id: a\n    name: A\n"


@pytest.fixture(scope="session")
def branded_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed built with the example brand (fonts, logos, letter pages, 4:3 slides)."""
    from guidebuilder.run.job import Job, run_job

    folder = tmp_path_factory.mktemp("branded")
    targets = {"pdf": folder / "seed.pdf", "pptx": folder / "seed.pptx"}
    result = run_job(Job(SEED, targets, ROOT / "examples" / "northwind" / "_brand.yml"))
    assert result.error is None, result.error
    return targets


def python_output(code: str) -> list[str]:
    """The words a fresh interpreter prints running ``code`` in the repository (what a new
    process has loaded is the question such tests ask)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    return done.stdout.split()


def listing(folder: Path) -> list[str]:
    """The names in an output folder, without the build records kept there."""
    from guidebuilder.run.records import FOLDER

    return sorted(p.name for p in folder.iterdir() if p.name != FOLDER)


def require_arabic_font() -> None:
    """Skip when no installed font has Arabic (the built-in Liberation fonts have none)."""
    fc_list = shutil.which("fc-list")
    listed = subprocess.run([fc_list, ":lang=ar", "file"], capture_output=True,
                            text=True).stdout if fc_list else ""
    if not listed.strip():
        pytest.skip("no installed font has Arabic (apt-get install fonts-noto-core or fonts-dejavu)")


def _build_both(folder: Path, guide: Path) -> dict[str, Path]:
    from guidebuilder.run.job import Job, run_job

    targets = {"pdf": folder / f"{guide.stem}.pdf", "pptx": folder / f"{guide.stem}.pptx"}
    result = run_job(Job(guide, targets))
    assert result.error is None, result.error
    return targets


@pytest.fixture(scope="session")
def hebrew_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _build_both(tmp_path_factory.mktemp("hebrew"), HEBREW)


@pytest.fixture(scope="session")
def arabic_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_arabic_font()
    return _build_both(tmp_path_factory.mktemp("arabic"), ARABIC)
