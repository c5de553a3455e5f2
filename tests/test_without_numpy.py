"""``python -m vectorized`` on a machine without NumPy: one line that says what to install,
not a traceback; ``import vectorized`` in a program still raises ImportError with the same
words. NumPy is blocked in the child process by a sitecustomize module, so these tests run
whether or not NumPy is installed here.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEEDS = "the 'vectorized' package needs NumPy, which is not installed."


def without_numpy(tmp_path, *args):
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['numpy'] = None\n",
                                               encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    return subprocess.run([sys.executable, *args], cwd=str(ROOT), env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [[], ["linear", "--data", "stackloss"], ["--help"]],
                         ids=["demo", "train", "help"])
def test_python_m_vectorized_without_numpy_prints_one_line(tmp_path, args):
    result = without_numpy(tmp_path, "-m", "vectorized", *args)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"python -m vectorized: error: {NEEDS}")
    assert "python -m pip install numpy" in lines[0] and "Traceback" not in result.stderr


def test_importing_vectorized_without_numpy_is_an_import_error(tmp_path):
    result = without_numpy(tmp_path, "-c", "import vectorized")
    assert result.returncode == 1
    assert f"ImportError: {NEEDS}" in result.stderr
    caught = without_numpy(tmp_path, "-c", "try:\n import vectorized\nexcept ImportError as e:\n"
                                           " print('caught', e)")
    assert caught.returncode == 0 and caught.stdout.startswith(f"caught {NEEDS}")


def test_show_still_runs_without_numpy(tmp_path):
    result = without_numpy(tmp_path, "-m", "vectorized", "show", "linear", "--width", "100")
    assert result.returncode == 0, result.stderr
    assert "vectorized/linear_regression.py" in result.stdout
