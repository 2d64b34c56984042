"""NIK reading: text or number cells, 16 digits, province code, DDMMYY with day + 40 for women."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blanko_desktop.core.intake.nik import check_nik, nik_birth


@pytest.mark.parametrize(
    "value, nik, problem, severity",
    [
        ("3201152911760125", "3201152911760125", None, "error"),
        ("3201156911760125", "3201156911760125", None, "error"),  # a woman born on the 29th
        (" 3201 1529 1176 0125 ", "3201152911760125", None, "error"),
        ("'3201152911760125", "3201152911760125", None, "error"),
        ("3201152911760125.0", "3201152911760125", None, "error"),
        ("32011503890012", "32011503890012", 'NIK "32011503890012" bukan 16 digit (14 digit)', "error"),
        ("", None, "NIK kosong", "error"),
        (None, None, "NIK kosong", "error"),
        ("3201-15O3-8900-1234", None, 'NIK "3201-15O3-8900-1234" mengandung karakter selain angka', "error"),
        (
            "3.2011503890012E+15",
            None,
            'NIK "3.2011503890012E+15" tertulis dalam notasi ilmiah; digit NIK sudah hilang, ketik ulang sebagai teks',
            "error",
        ),
        (
            "0501152911760125",
            "0501152911760125",
            'NIK "0501152911760125" tidak wajar: kode provinsi 05 tidak ada',
            "error",
        ),
        (
            "3201153213760125",
            "3201153213760125",
            'NIK "3201153213760125" tidak wajar: bagian tanggal lahir 321376 bukan tanggal (DDMMYY)',
            "error",
        ),
        (
            "3201153602760125",
            "3201153602760125",
            'NIK "3201153602760125" tidak wajar: bagian tanggal lahir 360276 bukan tanggal (DDMMYY)',
            "error",
        ),
        (
            3201152911760120.0,
            "3201152911760120",
            "NIK 3201152911760120 tersimpan sebagai angka, bukan teks; Excel membulatkan angka ke 15 digit, "
            "pastikan digit terakhir benar",
            "warning",
        ),
        (
            3.2011503890012e15,
            "3201150389001200",
            'NIK "3201150389001200" tidak wajar: bagian tanggal lahir 038900 bukan tanggal (DDMMYY); '
            "NIK tersimpan sebagai angka, ketik sebagai teks",
            "error",
        ),
        (
            320115291176012.0,
            "320115291176012",
            'NIK "320115291176012" bukan 16 digit (15 digit); NIK tersimpan sebagai angka, ketik sebagai teks',
            "error",
        ),
        (
            9401152911760125.0,
            "9401152911760124",
            "NIK 9401152911760124 tersimpan sebagai angka sehingga digit terakhirnya hilang; ketik NIK sebagai teks",
            "error",
        ),
        (12.5, None, "NIK 12.5 bukan bilangan bulat", "error"),
    ],
)
def test_check_nik(value: object, nik: str | None, problem: str | None, severity: str) -> None:
    check = check_nik(value)
    assert (check.nik, check.problem, check.severity) == (nik, problem, severity)


def _nik(province: int, day: int, month: int, year: int, sequence: int) -> str:
    return f"{province:02d}0115{day:02d}{month:02d}{year:02d}{sequence:04d}"


_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@st.composite
def plausible_niks(draw: st.DrawFn) -> str:
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _DAYS[month])) + draw(st.sampled_from([0, 40]))
    return _nik(draw(st.integers(11, 99)), day, month, draw(st.integers(0, 99)), draw(st.integers(0, 9999)))


@given(plausible_niks())
def test_plausible_niks_pass_and_decode(nik: str) -> None:
    assert check_nik(nik).problem is None
    birth = nik_birth(nik)
    assert birth is not None and birth.female == (int(nik[6:8]) > 40)


@given(plausible_niks(), st.integers(1, 12))
def test_impossible_days_are_reported(nik: str, month: int) -> None:
    for day in (0, 32, 40, 72, 99):
        bad = nik[:6] + f"{day:02d}{month:02d}" + nik[10:]
        assert "bukan tanggal" in check_nik(bad).problem


@given(plausible_niks(), st.sampled_from([0, 13, 20, 99]))
def test_impossible_months_are_reported(nik: str, month: int) -> None:
    assert "bukan tanggal" in check_nik(nik[:8] + f"{month:02d}" + nik[10:]).problem


@given(st.text(alphabet="0123456789", min_size=1, max_size=30).filter(lambda s: len(s) != 16))
def test_wrong_length_is_reported_with_its_length(digits: str) -> None:
    assert check_nik(digits).problem == f'NIK "{digits}" bukan 16 digit ({len(digits)} digit)'


@given(plausible_niks())
def test_a_nik_survives_text_and_exact_number_cells_alike(nik: str) -> None:
    as_number = check_nik(float(nik))
    assert check_nik(nik).nik == nik
    if int(nik) < 2**53:
        assert as_number.nik == nik and as_number.severity == "warning"
