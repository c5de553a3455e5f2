"""The vectorized models as scikit-learn estimators: an adapter, not a lesson.

scikit-learn's tools (``clone``, ``Pipeline``, ``cross_val_score``, ``GridSearchCV``) need
more than ``fit`` and ``predict``: since scikit-learn 1.6 they ask every estimator for its
tags (``__sklearn_tags__``), which scikit-learn's ``BaseEstimator`` and mixins provide. The
lesson files stay free of that machinery; this module, the only one that imports
scikit-learn, wraps each of them:

    from vectorized.sklearn_compat import LogisticRegression, StandardScaler
    from sklearn.pipeline import make_pipeline
    from sklearn.model_selection import cross_val_score
    cross_val_score(make_pipeline(StandardScaler(), LogisticRegression()), X, y, cv=5)

Each estimator takes exactly the hyperparameters of its vectorized twin. ``fit`` builds the
twin with them, fits it (so the twin's own checks, error messages and formulas run), and
keeps it as ``twin_``. It then has scikit-learn's fitted attributes (``coef_``,
``intercept_``, ``classes_`` for classifiers, ``n_features_in_``, ``feature_names_in_`` for
a DataFrame with string column names, ``mean_`` and ``scale_`` for the scaler) next to the
twin's own (``weights``, ``bias``, ``cost_history``, ``classes``, ``mean``, ``std``).

Where scikit-learn's conventions differ from the twins', these estimators follow
scikit-learn's, so that its tools work:
- ``LogisticRegression`` takes any two labels (0/1 or, say, "no"/"yes": ``classes_`` holds
  them sorted, and the twin trains on 0 for the first and 1 for the second), and its
  ``predict_proba`` has two columns, P(classes_[0]) and P(classes_[1]); the twin's is the
  second column alone. ``coef_`` has shape (1, n) and ``intercept_`` shape (1,), as in
  scikit-learn.
- Before ``fit``, the methods raise scikit-learn's ``NotFittedError``; after it, X with
  the wrong number of columns gets scikit-learn's message.
- ``score`` of the classifiers is scikit-learn's accuracy (a label unseen in fit counts as
  a miss); ``score`` of ``LinearRegression`` is the twin's R^2.
"""

try:
    import numpy as np
    from sklearn.base import (BaseEstimator, ClassifierMixin, OneToOneFeatureMixin,
                              RegressorMixin, TransformerMixin)
    from scipy.sparse import issparse
    from sklearn.utils.multiclass import check_classification_targets
    from sklearn.utils.validation import check_is_fitted, validate_data
except ImportError:
    raise ImportError(
        "vectorized.sklearn_compat needs scikit-learn 1.6 or newer, which is not installed. "
        "Install it with: python -m pip install scikit-learn  "
        "(the models in 'vectorized' themselves run without it)."
    ) from None

from . import linear_regression as _linear
from . import logistic_regression as _logistic
from . import preprocessing as _preprocessing
from . import softmax_regression as _softmax

__all__ = ["LinearRegression", "LogisticRegression", "SoftmaxRegression", "StandardScaler"]


def _twin_attribute(name: str) -> property:
    """A read-only view of the fitted twin's attribute ``name``.

    A property, not an attribute set in fit: scikit-learn's checks allow fit to add only
    names ending in "_", and the twins' names (``weights``, ``bias``, ...) do not.
    """
    def get(self):
        return getattr(self.twin_, name)  # AttributeError before fit, as for the twin
    return property(get, doc=f"The fitted twin's ``{name}`` (after fit).")


class _Adapter:
    """What the four estimators share: fit a fresh twin, then check X the scikit-learn way."""

    _twin_class = None  # the vectorized class this estimator wraps

    def _fit_twin(self, X, *y) -> None:
        X = _dense(X, "X")
        if y and y[0] is None:  # scikit-learn's wording: its checks look for it
            raise ValueError(f"This {type(self).__name__} estimator requires y to be passed, "
                             f"but the target y is None.")
        # A fresh twin each time, built from exactly this estimator's hyperparameters; its
        # fit checks X and y with its own messages. Only after it succeeded does anything
        # change here, so a fit that raises leaves this estimator as it was.
        twin = self._twin_class(**self.get_params()).fit(X, *(_dense(v, "y") for v in y))
        validate_data(self, X, reset=True, skip_check_array=True)  # n_features_in_, names
        self.twin_ = twin

    def _check_fitted_X(self, X):
        """X for the fitted twin, after scikit-learn's checks of its column names and count."""
        check_is_fitted(self)
        X = _dense(X, "X")
        # Feature names with scikit-learn's warnings; ensure_2d=False leaves the count to
        # the lines below, so that a 1-D X gets the twin's message, which says how to fix it.
        validate_data(self, X, reset=False, skip_check_array=True, ensure_2d=False)
        n = _n_columns(X)
        if n is not None and n != self.n_features_in_:
            raise ValueError(f"X has {n} features, but {type(self).__name__} is expecting "
                             f"{self.n_features_in_} features as input.")
        return X


class LinearRegression(_Adapter, RegressorMixin, BaseEstimator):
    """Linear regression (vectorized twin) as a scikit-learn regressor.

    Parameters: those of ``vectorized.LinearRegression``. Attributes after fit: ``coef_``
    (n,), ``intercept_`` (float), ``n_features_in_``, ``twin_`` (the fitted twin), and the
    twin's ``weights``, ``bias``, ``cost_history`` (and ``param_history`` if recorded).
    """

    _twin_class = _linear.LinearRegression

    def __init__(self, learning_rate=0.01, n_iters=1000, *, l2=0.0, tol=None, batch_size=None,
                 seed=0, verbose=0, solver="gd", record_params=False):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2
        self.tol = tol
        self.batch_size = batch_size
        self.seed = seed
        self.verbose = verbose
        self.solver = solver
        self.record_params = record_params

    weights = _twin_attribute("weights")
    bias = _twin_attribute("bias")
    cost_history = _twin_attribute("cost_history")
    param_history = _twin_attribute("param_history")  # with record_params=True

    def fit(self, X, y):
        """Fit the twin on X, y; returns self."""
        self._fit_twin(X, y)
        self.coef_ = self.twin_.weights
        self.intercept_ = self.twin_.bias
        return self

    def predict(self, X):
        """y_hat = X w + b, shape (m,): the twin's predict."""
        X = self._check_fitted_X(X)
        return self.twin_.predict(X)

    def cost(self, X, y) -> float:
        """The twin's cost J at the fitted parameters."""
        X = self._check_fitted_X(X)
        return self.twin_.cost(X, y)

    def score(self, X, y, sample_weight=None) -> float:
        """R^2: the twin's score; with sample_weight, scikit-learn's weighted r2_score."""
        if sample_weight is not None:
            return super().score(X, y, sample_weight=sample_weight)
        X = self._check_fitted_X(X)
        return self.twin_.score(X, y)


class LogisticRegression(_Adapter, ClassifierMixin, BaseEstimator):
    """Binary logistic regression (vectorized twin) as a scikit-learn classifier.

    Parameters: those of ``vectorized.LogisticRegression``. y holds two classes of any
    labels; ``classes_`` has them sorted, and the twin learns P(y = classes_[1]).
    Attributes after fit: ``classes_`` (2,), ``coef_`` (1, n), ``intercept_`` (1,),
    ``n_features_in_``, ``twin_`` (the fitted twin), and its ``weights``, ``bias``,
    ``cost_history`` (and ``param_history`` if recorded).
    """

    _twin_class = _logistic.LogisticRegression

    def __init__(self, learning_rate=0.1, n_iters=1000, *, l2=0.0, tol=None, batch_size=None,
                 seed=0, verbose=0, solver="gd", record_params=False):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2
        self.tol = tol
        self.batch_size = batch_size
        self.seed = seed
        self.verbose = verbose
        self.solver = solver
        self.record_params = record_params

    weights = _twin_attribute("weights")
    bias = _twin_attribute("bias")
    cost_history = _twin_attribute("cost_history")
    param_history = _twin_attribute("param_history")  # with record_params=True

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False  # binary only: SoftmaxRegression does more
        return tags

    def fit(self, X, y):
        """Fit the twin on X and y coded 0 (classes_[0]) and 1 (classes_[1]); returns self."""
        classes, y01 = _binary_targets(y)
        self._fit_twin(X, y01)
        self.classes_ = classes
        self.coef_ = self.twin_.weights.reshape(1, -1)
        self.intercept_ = np.array([self.twin_.bias])
        return self

    def predict_proba(self, X):
        """Shape (m, 2): columns P(classes_[0]) = 1 - p and P(classes_[1]) = p, p the twin's."""
        X = self._check_fitted_X(X)
        p = self.twin_.predict_proba(X)
        return np.column_stack([1.0 - p, p])

    def predict(self, X, threshold=0.5):
        """classes_[1] where the probability is above ``threshold``, else classes_[0]."""
        X = self._check_fitted_X(X)
        return self.classes_[self.twin_.predict(X, threshold=threshold)]

    def cost(self, X, y) -> float:
        """The twin's cost J (mean log-loss plus penalty) at the fitted parameters."""
        X = self._check_fitted_X(X)
        return self.twin_.cost(X, _encode(y, self.classes_))


class SoftmaxRegression(_Adapter, ClassifierMixin, BaseEstimator):
    """Softmax regression (vectorized twin) as a scikit-learn classifier.

    Parameters: those of ``vectorized.SoftmaxRegression``. Attributes after fit:
    ``classes_`` (K,), ``coef_`` (K, n), ``intercept_`` (K,), ``n_features_in_``, ``twin_``
    (the fitted twin), and its ``classes``, ``weights``, ``bias``, ``cost_history`` (and
    ``param_history`` if recorded).
    """

    _twin_class = _softmax.SoftmaxRegression

    def __init__(self, learning_rate=0.1, n_iters=1000, *, l2=0.0, tol=None, batch_size=None,
                 seed=0, verbose=0, record_params=False):
        self.learning_rate = learning_rate
        self.n_iters = n_iters
        self.l2 = l2
        self.tol = tol
        self.batch_size = batch_size
        self.seed = seed
        self.verbose = verbose
        self.record_params = record_params

    classes = _twin_attribute("classes")
    weights = _twin_attribute("weights")
    bias = _twin_attribute("bias")
    cost_history = _twin_attribute("cost_history")
    param_history = _twin_attribute("param_history")  # with record_params=True

    def fit(self, X, y):
        """Fit the twin on X, y (integer or string labels); returns self."""
        _check_targets_are_classes(y)
        self._fit_twin(X, y)
        self.classes_ = self.twin_.classes
        self.coef_ = self.twin_.weights
        self.intercept_ = self.twin_.bias
        return self

    def predict_proba(self, X):
        """Shape (m, K): the twin's softmax probabilities, one column per class of classes_."""
        X = self._check_fitted_X(X)
        return self.twin_.predict_proba(X)

    def predict(self, X):
        """For each row, the class of classes_ with the highest probability."""
        X = self._check_fitted_X(X)
        return self.twin_.predict(X)

    def cost(self, X, y) -> float:
        """The twin's cost J (mean cross-entropy plus penalty) at the fitted parameters."""
        X = self._check_fitted_X(X)
        return self.twin_.cost(X, y)


class StandardScaler(_Adapter, OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """The vectorized StandardScaler as a scikit-learn transformer.

    X' = (X - mean) / std column by column, std the population standard deviation (1 for
    a constant column). Attributes after fit: ``mean_``, ``scale_`` (the std),
    ``n_features_in_``, ``twin_``, and the twin's ``mean`` and ``std``.
    """

    _twin_class = _preprocessing.StandardScaler

    mean = _twin_attribute("mean")
    std = _twin_attribute("std")

    def fit(self, X, y=None):
        """Learn each column's mean and std with the twin; y is ignored (a Pipeline passes it)."""
        self._fit_twin(X)
        self.mean_ = self.twin_.mean
        self.scale_ = self.twin_.std
        return self

    def transform(self, X):
        """X' = (X - mean) / std: the twin's transform."""
        X = self._check_fitted_X(X)
        return self.twin_.transform(X)

    def inverse_transform(self, X):
        """X = X' * std + mean: the twin's inverse_transform."""
        X = self._check_fitted_X(X)
        return self.twin_.inverse_transform(X)


# Inputs that scikit-learn calls array-like but the twins do not take as they are.

def _dense(data, name: str):
    """A sparse matrix is refused, saying so; an object with only __array__ becomes an array."""
    if issparse(data):
        raise TypeError(f"{name} is a sparse matrix, but these models need dense data: "
                        f"pass {name}.toarray() (if it fits in memory).")
    if hasattr(data, "__array__") and not hasattr(data, "__iter__"):
        return np.asarray(data)
    return data


def _n_columns(X):
    """The number of columns of a 2-D array, DataFrame or list of rows; None for anything else."""
    shape = getattr(X, "shape", None)
    if shape is not None:
        return shape[1] if len(shape) == 2 else None
    try:
        return len(X[0]) if not isinstance(X[0], (str, bytes)) else None
    except (TypeError, IndexError, KeyError):
        return None


# Labels: scikit-learn's classifiers take any labels; the logistic twin takes 0/1.

def _labels(y):
    """y as a 1-D NumPy array if it plainly is one (an (m, 1) column flattened), else None."""
    try:
        labels = np.asarray(y.to_numpy() if hasattr(y, "to_numpy") else y)
    except (TypeError, ValueError):
        return None
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels[:, 0]
    return labels if labels.ndim == 1 and len(labels) else None


def _check_targets_are_classes(y) -> None:
    """scikit-learn's refusal of a continuous y ("Unknown label type: continuous ...")."""
    labels = _labels(y)
    if labels is not None and labels.dtype.kind == "f" and np.all(np.isfinite(labels)):
        check_classification_targets(labels)


def _binary_targets(y):
    """classes_ and the y for the twin.

    0/1 (or False/True) labels go to the twin unchanged, so that its own checks and
    messages apply, and classes_ is [0, 1]; so does anything that is not plainly a 1-D
    array of labels (the twin explains what is wrong). Any other two labels are coded 0
    (the first, sorted) and 1 (the second), as scikit-learn's LogisticRegression does.
    """
    zero_one = np.array([0, 1])
    labels = _labels(y)
    if labels is None:
        return zero_one, y
    if labels.dtype.kind in "biuf":
        if labels.dtype.kind == "f" and not np.all(np.isfinite(labels)):
            return zero_one, y  # the twin names the NaN or inf
        if np.all((labels == 0) | (labels == 1)):
            return zero_one, y
    try:
        classes = np.unique(labels)
    except TypeError:  # labels that cannot be sorted together, such as 1 and "a"
        return zero_one, y
    if len(classes) != 2:
        _check_targets_are_classes(labels)
        raise ValueError(f"Only binary classification is supported: y has {len(classes)} "
                         f"class{'es' if len(classes) > 1 else ''} ({classes.tolist()[:5]!r}), "
                         f"but LogisticRegression needs exactly two. For more than two "
                         f"classes, use SoftmaxRegression.")
    return classes, (labels == classes[1]).astype(np.int64)


def _encode(y, classes):
    """y coded 0/1 against the fitted classes_, for the twin's cost."""
    labels = _labels(y)
    if labels is None or np.array_equal(classes, [0, 1]):
        return y
    unseen = ~np.isin(labels, classes)
    if unseen.any():
        i = int(np.flatnonzero(unseen)[0])
        raise ValueError(f"y[{i}] is {labels[i]!r}, a label not seen in fit: this "
                         f"LogisticRegression knows only the classes {classes.tolist()!r}.")
    return (labels == classes[1]).astype(np.int64)
