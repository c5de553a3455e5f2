"""Linear, logistic and softmax regression in plain Python: lists, loops and ``math`` only.

Each model is one lesson file that stands alone; ``vectorized`` is the NumPy twin.
"""

from .linear_regression import LinearRegression
from .logistic_regression import LogisticRegression
from .preprocessing import StandardScaler
from .softmax_regression import SoftmaxRegression

__all__ = ["LinearRegression", "LogisticRegression", "SoftmaxRegression", "StandardScaler"]
