"""Issue 15 for StandardScaler: the same mean and std in both twins by one accurate algorithm,
no overflow or underflow for any finite input, and one input contract.

The references are exact: Fractions compute the mean and the variance of the floats given
without any rounding, so "correct" below means within a few units in the last place.
The pure half runs without NumPy too.
"""

import importlib.util
import math
import random
import warnings
from fractions import Fraction

import pytest

import pure

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
if HAVE_NUMPY:
    import numpy as np

    import vectorized
TWINS = [pure, vectorized] if HAVE_NUMPY else [pure]
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")


def exact_mean_and_std(column):
    """The mean and the population std of the floats in column, rounded once at the end."""
    values = [Fraction(v) for v in column]
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    # sqrt of a Fraction: scale up so that the integer square root keeps 60 bits
    shift = 2 * (60 - (variance.numerator.bit_length() - variance.denominator.bit_length()) // 2)
    scaled = variance * Fraction(2) ** shift
    root = math.isqrt(scaled.numerator // scaled.denominator)
    return float(mean), math.ldexp(float(root), -shift // 2)


def fitted(package, X):
    scaler = package.StandardScaler().fit(X)
    return [float(v) for v in scaler.mean], [float(v) for v in scaler.std]


def columns_of(X):
    return [list(column) for column in zip(*X)]


CASES = {
    "offset at 1e12": [[1e12 + 0.1 * k * (-1) ** k, 5.0 * k] for k in range(20)],
    "offset at 1e15": [[1e15 + k % 7, -3e15 + 2.0 * k] for k in range(30)],
    "near the float limit": [[1.7e308, 1e154], [-1.7e308, -1e154], [0.85e308, 0.5e154]],
    "a spread that underflows when squared": [[0.0, 1e-200], [1e-200, 3e-200], [2e-200, 2e-200]],
    "subnormal": [[5e-324, 1e-310], [1e-323, 3e-310], [0.0, 2e-310]],
    "mixed magnitudes": [[1e300, 1.0], [1e-300, 2.0], [-1e200, 3.0], [2.5, 4.0]],
}


@pytest.mark.parametrize("name", CASES)
def test_mean_and_std_are_correct_in_both_twins(name):
    X = CASES[name]
    for package in TWINS:
        mean, std = fitted(package, X)
        for j, column in enumerate(columns_of(X)):
            exact_mean, exact_std = exact_mean_and_std(column)
            assert math.isfinite(std[j]) and std[j] > 0.0
            assert mean[j] == pytest.approx(exact_mean, rel=1e-15), (package.__name__, name, j)
            assert std[j] == pytest.approx(exact_std, rel=1e-12), (package.__name__, name, j)


@needs_numpy
@pytest.mark.parametrize("seed", range(20))
def test_the_twins_agree_on_features_far_from_zero(seed):
    rng = random.Random(seed)
    offset = rng.choice([1e6, 1e9, 1e12, -1e12, 3e14])
    X = [[offset + rng.gauss(0, 1), offset * rng.random()] for _ in range(rng.randint(2, 60))]
    (mean_p, std_p), (mean_v, std_v) = fitted(pure, X), fitted(vectorized, X)
    assert mean_p == pytest.approx(mean_v, rel=1e-15)
    assert std_p == pytest.approx(std_v, rel=1e-9)
    for j, column in enumerate(columns_of(X)):
        assert std_p[j] == pytest.approx(exact_mean_and_std(column)[1], rel=1e-9)


@pytest.mark.parametrize("scale", [1e154, 1e300, 1.7e308])
def test_transform_and_back_stay_finite_at_the_float_limit(scale):
    X = [[scale], [-scale], [scale / 2]]
    for package in TWINS:
        scaler = package.StandardScaler().fit(X)
        scaled = [float(row[0]) for row in scaler.transform(X)]
        # (x - mean) / std for mean = scale/6, std = scale sqrt(13/18): exact ratios
        expected = [(1 - 1 / 6) / math.sqrt(13 / 18), (-1 - 1 / 6) / math.sqrt(13 / 18),
                    (1 / 2 - 1 / 6) / math.sqrt(13 / 18)]
        assert scaled == pytest.approx(expected, rel=1e-12)
        back = [float(row[0]) for row in scaler.inverse_transform(scaler.transform(X))]
        assert back == pytest.approx([row[0] for row in X], rel=1e-12)


def test_values_transformed_beyond_the_float_range_are_refused_alike():
    """Test data far outside the training data: (x - mean) / std overflows."""
    messages = set()
    for package in TWINS:
        scaler = package.StandardScaler().fit([[0.0], [1e-300]])
        with pytest.raises(ValueError) as info:
            scaler.transform([[1e300]])
        messages.add(str(info.value))
    assert messages == {"the transformed values are not finite: X holds values too large for "
                        "these parameters (the largest |x| is 1e+300). Scale X the same way as "
                        "the training data."}


def test_a_constant_column_gets_std_1_and_exact_zeros():
    X = [[0.1, 1.0], [0.1, 2.0], [0.1, 4.0]]  # 3 * 0.1 / 3 is not 0.1 in floats
    for package in TWINS:
        mean, std = fitted(package, X)
        assert mean[0] == 0.1 and std[0] == 1.0
        assert all(float(row[0]) == 0.0 for row in package.StandardScaler().fit_transform(X))


@needs_numpy
def test_the_scaler_takes_np_matrix_object_arrays_and_frames_like_lists():
    X = [[1.0, 10.0], [3.0, 11.0], [4.0, 15.0]]

    class Frame:
        def to_numpy(self):
            return np.array([[1, True], [3, True], [4, False]], dtype=object)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        as_matrix = np.matrix(X)
    for package in TWINS:
        reference = fitted(package, X)
        assert fitted(package, as_matrix) == reference
        assert fitted(package, np.array(X, dtype=object)) == reference
        assert fitted(package, [[Fraction(a), Fraction(b)] for a, b in X]) == reference
        assert fitted(package, Frame()) == fitted(package, [[1, 1], [3, 1], [4, 0]])
        assert [[float(v) for v in row] for row in
                package.StandardScaler().fit(as_matrix).transform(as_matrix)] == \
            [[float(v) for v in row] for row in package.StandardScaler().fit_transform(X)]


@pytest.mark.parametrize("make_X, words", [
    (lambda: ((1.0, 2.0) for _ in range(3)), "X is a generator, which can be read only once"),
    (lambda: {(1.0, 2.0), (2.0, 1.0)}, "X is a set, not a sequence of rows"),
    (lambda: [[1.0, 2.0], [1 + 1j, 2.0]], "X[1][0] is (1+1j), a complex number"),
    (lambda: [[1.0, 2.0], [10 ** 400, 2.0]], "X[1][0] is an integer of 401 digits"),
    (lambda: [[1.0, 2.0], [float("nan"), 2.0]], "X[1][0] is nan"),
])
def test_bad_X_is_refused_alike(make_X, words):
    messages = set()
    for package in TWINS:
        scaler = package.StandardScaler().fit([[0.0, 1.0], [2.0, 3.0]])
        before = (list(scaler.mean), list(scaler.std))
        with pytest.raises(ValueError) as info:
            scaler.fit(make_X())
        assert words in str(info.value)
        assert (list(scaler.mean), list(scaler.std)) == before  # a failed fit keeps the scaler
        messages.add(str(info.value))
    assert len(messages) == 1


@needs_numpy
def test_no_warning_escapes_the_vectorized_scaler():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scaler = vectorized.StandardScaler().fit(np.array([[1.7e308, 1e-300], [-1.7e308, 0.0]]))
        scaler.inverse_transform(scaler.transform([[1.7e308, 0.0]]))
        with pytest.raises(ValueError, match="not finite"):
            scaler.transform([[1.7e308, 1e300]])
