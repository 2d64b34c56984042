"""Dialogs: LSP registry, settings, database files, small prompts."""
