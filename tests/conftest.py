"""Shared test set-up.

Tests that need NumPy skip themselves with ``pytest.importorskip("numpy")``. So that a
broken install cannot turn the whole twin suite into silent skips, NumPy is required
unless PURE_ONLY=1 is set (the tox env that proves ``pure`` needs nothing sets it).
"""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the packages import from a clean clone without an install
    sys.path.insert(0, str(ROOT))


def pytest_configure(config):
    if os.environ.get("PURE_ONLY") != "1" and importlib.util.find_spec("numpy") is None:
        raise pytest.UsageError(
            "NumPy is not installed, so the twin tests cannot run. Install the test extras "
            "(python -m pip install -e \".[test]\") or set PURE_ONLY=1 to run only the pure tests.")
    if os.environ.get("PURE_ONLY") == "1" and importlib.util.find_spec("numpy") is not None:
        raise pytest.UsageError("PURE_ONLY=1 promises NumPy is absent, but it is installed.")
