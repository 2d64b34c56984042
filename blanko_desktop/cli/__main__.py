"""`python -m blanko_desktop.cli`: the same entry point as the `blanko` script."""

import sys

from blanko_desktop.cli.main import main

if __name__ == "__main__":  # the self-test imports every module; importing this one must not run a command
    sys.exit(main())
