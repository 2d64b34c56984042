"""Core modules of the intake and verification stack, imported on first attribute use, not at start-up.

`core.reception` and `core.verification` bring pypdf with its cryptography provider, the letter and
participant parsers and num2words (~0.5 s); the first screen needs none of them.
"""

from __future__ import annotations

import importlib
from types import ModuleType


class _Lazy(ModuleType):
    def __init__(self, name: str):
        super().__init__(name)
        self._target = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str):
        if self._module is None:
            self._module = importlib.import_module(self._target)
        return getattr(self._module, attr)


checklist_core = _Lazy("blanko_desktop.core.verification.checklist")
completion = _Lazy("blanko_desktop.core.verification.completion")
intake_sniff = _Lazy("blanko_desktop.core.intake.sniff")
lsp_suggestion = _Lazy("blanko_desktop.core.verification.lsp_suggestion")
verification_queue = _Lazy("blanko_desktop.core.verification.queue")
reception = _Lazy("blanko_desktop.core.reception")
