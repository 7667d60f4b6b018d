"""Every PDF and deck the end-to-end tests make, checked by real readers: qpdf and pdffonts for
the PDFs, LibreOffice for the decks (one page per slide)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from test_hostile import HOSTILE

from guidebuilder.run.job import Job, run_job

from conftest import ROOT, require_tool

OUTPUTS = ["seed", "stress", "branded", "hostile"]


@pytest.fixture(scope="module")
def hostile_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    guide = folder / "hostile.yaml"
    guide.write_text(HOSTILE, encoding="utf-8")
    targets = {"pdf": folder / "h.pdf", "pptx": folder / "h.pptx"}
    assert run_job(Job(guide, targets)).error is None
    return targets


@pytest.fixture
def outputs(request, seed_pdf, seed_pptx, stress_outputs, branded_outputs,
            hostile_outputs) -> dict[str, Path]:
    return {"seed": {"pdf": seed_pdf, "pptx": seed_pptx}, "stress": stress_outputs,
            "branded": branded_outputs, "hostile": hostile_outputs}[request.param]


@pytest.mark.parametrize("outputs", OUTPUTS, indirect=True)
def test_pdf_passes_qpdf_and_embeds_every_font(outputs: dict[str, Path]) -> None:
    qpdf, pdffonts = require_tool("qpdf"), require_tool("pdffonts")
    checked = subprocess.run([qpdf, "--check", str(outputs["pdf"])], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rows = subprocess.run([pdffonts, str(outputs["pdf"])], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows


@pytest.mark.parametrize("outputs", OUTPUTS, indirect=True)
def test_deck_converts_with_libreoffice_one_page_per_slide(outputs: dict[str, Path],
                                                           tmp_path: Path) -> None:
    soffice = require_tool("soffice")
    deck = outputs["pptx"]
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                   capture_output=True, check=True, timeout=300, cwd=ROOT)
    converted = tmp_path / (deck.stem + ".pdf")
    assert len(PdfReader(converted).pages) == len(Presentation(deck).slides)
