"""The Verifikasi tab: tab.py composes the panes of panels.py over what load.py reads."""

from blanko_desktop.ui.tabs.verification.load import Verification, completion_folder, load_verification
from blanko_desktop.ui.tabs.verification.tab import VerificationTab

__all__ = ["Verification", "VerificationTab", "completion_folder", "load_verification"]
