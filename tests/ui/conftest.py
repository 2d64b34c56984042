"""UI test fixtures: offscreen Qt, private data/config folders, Indonesian UI, and an officer who answers
message boxes (so no test ever waits on a modal dialog)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from dataclasses import dataclass, field  # noqa: E402
from datetime import datetime, timedelta, timezone  # noqa: E402

import pytest  # noqa: E402



def pytest_collection_modifyitems(config, items):
    """Every test here needs a QApplication: mark them `gui` (deselect with -m 'not gui')."""
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _ui_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("BLANKO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BLANKO_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="session", autouse=True)
def _indonesian(qapp):
    from blanko_desktop.ui import i18n

    assert i18n.install(qapp, "id"), "resources/translations/blanko_id.qm is missing"
    yield


@dataclass
class Officer:
    """Stands in for the person at the keyboard: records what the app said, answers what it asks."""

    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    infos: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    confirm_answer: bool = True

    @property
    def error_texts(self) -> list[str]:
        return [str(e) for e in self.errors]


@pytest.fixture(autouse=True)
def officer(monkeypatch):
    from blanko_desktop.ui import messages

    person = Officer()
    monkeypatch.setattr(messages, "error", lambda parent, exc: person.errors.append(exc))
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: person.warnings.append(text))
    monkeypatch.setattr(messages, "info",
                        lambda parent, title, text, details="": person.infos.append((text, details)))

    def confirm(parent, title, text, yes_text):
        person.questions.append(text)
        return person.confirm_answer

    monkeypatch.setattr(messages, "confirm", confirm)
    return person


@pytest.fixture
def session(storage, qapp):
    from blanko_desktop.core.config import LocalConfig
    from blanko_desktop.ui.session import Session

    cfg = LocalConfig(database=str(storage.path), recent=[str(storage.path)], officer="Budi Santoso")
    s = Session(cfg, storage)
    yield s


@pytest.fixture
def window(session, qtbot):
    from blanko_desktop.ui.main_window import MainWindow

    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def tab(window):
    return window.requests_tab


def ago(**kwargs) -> datetime:
    return datetime.now(timezone.utc) - timedelta(**kwargs)


@pytest.fixture
def lsps(services):
    """Three LSPs as the secretariat registers them."""
    return [
        services.add_lsp("LSP Teknologi Digital", ["admin@lsp-tekdig.or.id"], city="Jakarta Selatan"),
        services.add_lsp("LSP Pariwisata Nusantara", ["lsp-parnus.id"], city="Denpasar"),
        services.add_lsp("LSP Konstruksi Indonesia", [], city="Bandung"),
    ]
