"""The accuracy promises under every OpenBLAS kernel this processor can run, not just the one
NumPy picks here.

OpenBLAS chooses a kernel for the processor (SkylakeX on many servers and recent laptops,
Haswell, Zen, ...), and each kernel rounds its sums in its own order, so the digits of a
solution differ from machine to machine. OPENBLAS_CORETYPE asks for a kernel; the tests of
accuracy (tests/test_nist.py, tests/test_qr.py) then run again in a subprocess under it. The
kernel actually running is read back from OpenBLAS itself: a kernel this processor cannot run
(OpenBLAS falls back to its own choice) or one that runs the same code as a kernel already
tested is skipped, saying so.
"""

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("numpy")

ROOT = Path(__file__).resolve().parent.parent
KERNELS = ["Prescott", "Nehalem", "SandyBridge", "Haswell", "SkylakeX", "Cooperlake", "Zen"]
ACCURACY_TESTS = ["tests/test_nist.py", "tests/test_qr.py"]

# Prints the name of the kernel OpenBLAS runs, as threadpoolctl reads it: NumPy's wheels carry
# OpenBLAS as a library of their own whose get_corename function says which kernel it chose.
PROBE = """
import ctypes, numpy
names = ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename",
         "openblas_get_corename64_", "openblas_get_corename")
with open("/proc/self/maps") as maps:
    paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
for path in sorted(paths):
    for name in names:
        function = getattr(ctypes.CDLL(path), name, None)
        if function is not None:
            function.restype = ctypes.c_char_p
            print(function().decode())
            raise SystemExit(0)
"""


def environment(kernel):
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    if kernel is not None:
        env["OPENBLAS_CORETYPE"] = kernel
    return env


@functools.lru_cache(maxsize=None)
def running(kernel):
    """The kernel OpenBLAS runs when asked for `kernel` (None: its own choice), or None if
    it cannot be read (no OpenBLAS, or not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    result = subprocess.run([sys.executable, "-c", PROBE], env=environment(kernel),
                            capture_output=True, text=True, timeout=60)
    return result.stdout.strip() or None


def test_the_probe_reads_the_kernel_back():
    """Without a kernel that reads back, every test below would skip: make that visible."""
    if running(None) is None:
        pytest.skip("NumPy here does not use OpenBLAS on Linux: the kernel cannot be read")
    assert running("Haswell") != running("Nehalem") or running("Nehalem") == running(None)


@pytest.mark.parametrize("kernel", KERNELS)
def test_the_accuracy_tests_pass_under_the_kernel(kernel):
    name = running(kernel)
    if name is None:
        pytest.skip("NumPy here does not use OpenBLAS on Linux: the kernel cannot be read")
    default = running(None)
    if name == default and name.lower() != kernel.lower():
        pytest.skip(f"this processor cannot run {kernel}: OpenBLAS falls back to {name}")
    earlier = [k for k in KERNELS[:KERNELS.index(kernel)] if running(k) == name]
    if earlier:
        pytest.skip(f"{kernel} runs the {name} kernel here, already tested as {earlier[0]}")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *ACCURACY_TESTS],
        cwd=ROOT, env=environment(kernel), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (f"under OPENBLAS_CORETYPE={kernel} (kernel {name}):\n"
                                    f"{result.stdout[-4000:]}{result.stderr[-2000:]}")
