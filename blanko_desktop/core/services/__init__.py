"""The use-case API that the UI and the CLI share: every state change goes through here, audited.

One facade, `Services`, over a module per capability; each module's service is a mixin over `ServiceBase`
(the write transaction, the audit entry, optimistic locking), so a capability can be read on its own.
"""

from __future__ import annotations

from blanko_desktop.core.services.base import ServiceBase
from blanko_desktop.core.services.registry import LSP_FIELDS, ImportResult, RegistryService, lsp_dict
from blanko_desktop.core.services.request_table import RequestFilter, RequestRow, RequestTableService
from blanko_desktop.core.services.requests import (
    FUTURE_SLACK,
    REQUEST_EDITABLE,
    REQUEST_KINDS,
    RequestsService,
    request_dict,
)
from blanko_desktop.core.services.settings import SETTING_DEFAULTS, SettingsService
from blanko_desktop.core.services.views import (
    ClosureView,
    DocumentView,
    FindingView,
    HistoryEntry,
    LspView,
    RequestView,
    SignatoryView,
    ViewsService,
)

__all__ = [
    "FUTURE_SLACK", "LSP_FIELDS", "REQUEST_EDITABLE", "REQUEST_KINDS", "SETTING_DEFAULTS", "ImportResult",
    "RequestFilter", "RequestRow", "Services", "lsp_dict", "request_dict",
    "ClosureView", "DocumentView", "FindingView", "HistoryEntry", "LspView", "RequestView", "SignatoryView",
]


class Services(ViewsService, RequestsService, RequestTableService, RegistryService, SettingsService, ServiceBase):
    """The officer's operations on one open database."""
