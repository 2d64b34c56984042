"""`blanko`: the scriptable twin of Blanko Desktop (like calibredb beside calibre), over the same Services."""

from blanko_desktop.cli.args import EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from blanko_desktop.cli.main import main

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "main"]
