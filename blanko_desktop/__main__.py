"""`python -m blanko_desktop` starts the GUI."""

import sys

from blanko_desktop.app import main

sys.exit(main())
