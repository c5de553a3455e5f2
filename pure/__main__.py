"""``python -m pure``: the zero-dependency demo and command line (see cli.py)."""

import sys

from .cli import main

sys.exit(main(backend="pure"))
