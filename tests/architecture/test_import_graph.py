"""The package's module-level imports form no cycle, and the UI and CLI do not reach past the services."""

from __future__ import annotations


from tests.architecture import imports

ALL = imports.imports()
MODULES = imports.modules()


def module_level_edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in ALL:
        if imp.module_level and imp.target in MODULES:
            edges[imp.module].add(imp.target)
    return edges


def test_the_reader_sees_the_package():
    assert {"blanko_desktop.core.models", "blanko_desktop.ui.main_window", "blanko_desktop.app"} <= set(MODULES)
    edges = module_level_edges()
    assert "blanko_desktop.core.models" in edges["blanko_desktop.core.storage"]
    assert any("blanko_desktop.ui.i18n" in targets for targets in edges.values())


def test_no_import_cycle_at_module_level():
    """Imports inside functions (deliberate lazy imports) and under `if TYPE_CHECKING:` do not count."""
    found = imports.cycles(module_level_edges())
    assert found == [], "modules that import each other at import time: " + "; ".join(" <-> ".join(c) for c in found)


def test_the_reader_tells_import_time_from_lazy_imports():
    source = """
from __future__ import annotations
from typing import TYPE_CHECKING
import pkg.a
from . import b
from .c import thing
from .. import top
if TYPE_CHECKING:
    from pkg.d import Hint
else:
    import pkg.e
try:
    import pkg.f
except ImportError:
    import pkg.g
class Holder:
    import pkg.h
    def method(self):
        import pkg.i
def lazy():
    from pkg import j
"""
    known = {"pkg", "pkg.a", "pkg.sub", "pkg.sub.b", "pkg.sub.c", "pkg.top", "pkg.d", "pkg.j"}
    found = {(i.target, i.module_level) for i in imports.imports_of("pkg.sub.mod", source, False, known)}
    assert found == {
        ("__future__", True), ("typing", True), ("pkg.a", True), ("pkg.sub.b", True), ("pkg.sub.c", True),
        ("pkg.top", True), ("pkg.d", False), ("pkg.e", True), ("pkg.f", True), ("pkg.g", True), ("pkg.h", True),
        ("pkg.i", False), ("pkg.j", False)}
    # In a package's __init__, "." is the package itself.
    assert [i.target for i in imports.imports_of("pkg.sub", "from . import b", True, known)] == ["pkg.sub.b"]


def test_the_cycle_finder_finds_cycles():
    assert imports.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert imports.cycles({"a": {"a"}}) == [["a"]]
    assert imports.cycles({"a": {"b"}, "b": set()}) == []


def _is_ui_or_cli(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in ("blanko_desktop.ui", "blanko_desktop.cli"))


def _reaches_the_database(target: str) -> bool:
    return target.split(".")[0] in ("peewee", "playhouse") or target == "blanko_desktop.core.models"


def test_the_ui_and_cli_are_found():
    assert any(_is_ui_or_cli(i.module) and i.module.startswith("blanko_desktop.cli") for i in ALL)
    assert any(_is_ui_or_cli(i.module) and i.module.startswith("blanko_desktop.ui") for i in ALL)


def test_ui_and_cli_import_no_peewee_and_no_models():
    """The window and the command line work through the services; any import counts, lazy ones too."""
    offending = sorted(f"{i.module}:{i.line} imports {i.target}" for i in ALL
                       if _is_ui_or_cli(i.module) and _reaches_the_database(i.target))
    assert offending == []
