"""Hari ini: what needs the officer today, at a glance."""

from blanko_desktop.ui.tabs.today.today_tab import TodayTab

__all__ = ["TodayTab"]
