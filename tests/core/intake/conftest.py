"""Fixtures for the intake tests: a consistent four-document request built in a temporary folder."""

import sys
from pathlib import Path

import pytest

# The builders sit beside this file; putting the folder on the path keeps `import intake_builders` working
# under any pytest import mode (prepend does it anyway, importlib does not).
sys.path.insert(0, str(Path(__file__).parent))

from intake_builders import LETTER_TEXT, MINUTES_TEXT, eml_bytes, pdf_bytes, standard_list_bytes

DECISION_TEXT = """KEPUTUSAN KETUA LSP KELISTRIKAN TENAGA RAYA
Nomor: KEP.112/KTR/XI/2026
TENTANG PENETAPAN HASIL SERTIFIKASI KOMPETENSI
MEMUTUSKAN:
Menetapkan asesi berikut dinyatakan KOMPETEN:
  1. Hadi Nugroho     NIK 3635362911760125  SKM.41.00012
  2. Indah Nugroho    NIK 3260046802025858  SKM.41.00012
  3. Rina Harahap     NIK 3347124404801187  SKM.78.00104"""

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Repository checkout -> its parent holds shared/ (in development and in CI's fresh clone alike).
SHARED_SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "example-request"  # a copy of shared/samples


@pytest.fixture
def request_files(tmp_path: Path) -> dict[str, Path]:
    """The four documents of a consistent request (3 competent, 1 not yet), written under neutral names."""
    contents = {
        "letter": ("scan0001.pdf", pdf_bytes(LETTER_TEXT)),
        "minutes": ("BA Asesmen.pdf", pdf_bytes(MINUTES_TEXT)),
        "decision": ("SK Penetapan.pdf", pdf_bytes(DECISION_TEXT)),
        "list": ("Daftar Peserta.xlsx", standard_list_bytes()),
    }
    paths = {}
    for kind, (name, data) in contents.items():
        paths[kind] = tmp_path / name
        paths[kind].write_bytes(data)
    return paths


@pytest.fixture
def request_eml(tmp_path: Path, request_files: dict[str, Path]) -> Path:
    """The same request as one e-mail with the four files attached."""
    attachments = [
        (path.name, path.read_bytes(), XLSX_MIME if path.suffix == ".xlsx" else "application/pdf")
        for path in request_files.values()
    ]
    path = tmp_path / "permohonan.eml"
    path.write_bytes(eml_bytes(attachments))
    return path


@pytest.fixture
def shared_example() -> Path:
    """The example request of shared/samples, as copied into tests/samples (so the test runs in any checkout)."""
    assert SHARED_SAMPLES.is_dir(), SHARED_SAMPLES
    return SHARED_SAMPLES
