"""`python -m blanko_desktop.cli`: the same entry point as the `blanko` script."""

import sys

from blanko_desktop.cli.main import main

sys.exit(main())
