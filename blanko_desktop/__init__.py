"""Blanko Desktop: the BNSP secretariat's workstation for blank certificate requests."""

__version__ = "0.1.0"
APP_NAME = "Blanko Desktop"
APP_ID = "BlankoDesktop"
