"""PostgreSQL's driver loads only when a server is opened (peewee would import it at once: ~0.1 s per command)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from blanko_desktop.cli import main
rc = main(sys.argv[1:])
print("psycopg" in sys.modules, rc)
"""


def test_a_command_on_a_file_never_loads_the_server_driver(tmp_path):
    db = tmp_path / "blanko.sqlite"
    out = subprocess.run([sys.executable, "-c", SCRIPT, "init", "--db", str(db)], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.split()[-2:] == ["False", "0"], out.stderr
    out = subprocess.run([sys.executable, "-c", SCRIPT, "list", "--db", str(db)], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.split()[-2:] == ["False", "0"], out.stderr


def test_a_command_on_a_server_loads_it_and_works(server_db):
    out = subprocess.run([sys.executable, "-c", SCRIPT, "list", "--db", server_db], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.split()[-2:] == ["True", "0"], out.stderr
