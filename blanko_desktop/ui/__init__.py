"""The Qt user interface: a thin layer over blanko_desktop.core.services."""
