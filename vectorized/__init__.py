"""Linear, logistic and softmax regression in NumPy matrix form: the twin of ``pure``.

Each model is one lesson file that stands alone; ``pure`` is the plain-Python twin.
"""

import sys

try:
    import numpy  # noqa: F401  (checked here so the error says how to get it)
except ImportError:
    # ``python -m vectorized show``, the side-by-side view, reads the files as text: let it
    # through (while -m imports this package, sys.argv[0] is "-m", as Python documents).
    _NEEDS = ("the 'vectorized' package needs NumPy, which is not installed. "
              "Install it with: python -m pip install numpy  "
              "(or, from a clone of this project: python -m pip install -e \".[vectorized]\"). "
              "The 'pure' package runs without it.")
    if sys.argv[:1] == ["-m"] and sys.argv[1:2] != ["show"]:
        # ``python -m vectorized ...``: the one line, not a traceback through runpy
        raise SystemExit(f"python -m vectorized: error: {_NEEDS}")
    if sys.argv[:2] != ["-m", "show"]:
        raise ImportError(_NEEDS) from None
else:
    from .linear_regression import LinearRegression
    from .logistic_regression import LogisticRegression
    from .preprocessing import StandardScaler
    from .softmax_regression import SoftmaxRegression

__all__ = ["LinearRegression", "LogisticRegression", "SoftmaxRegression", "StandardScaler"]
