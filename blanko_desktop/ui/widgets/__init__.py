"""Reusable widgets and table models."""
