"""``python -m vectorized``: the same command line as ``python -m pure``, run by the NumPy twin."""

import sys

from pure.tools.cli import main

sys.exit(main(backend="vectorized"))
