"""``python -m pure``: the zero-dependency demo and command line (see tools/cli.py)."""

import sys

from .tools.cli import main

sys.exit(main(backend="pure"))
