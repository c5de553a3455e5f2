"""The real libraries, tested for real: pandas data in both twins, and the models of
``vectorized.sklearn_compat`` in scikit-learn's own tools and estimator checks.

The tests that need pandas or scikit-learn skip, saying so, where they are not installed;
``tox -e interop`` (and CI) installs both and runs this file. The tests that the product
imports neither library run everywhere NumPy is.
"""

import importlib.util
import inspect
import math
import subprocess
import sys
from pathlib import Path

import pytest

np = pytest.importorskip("numpy", reason="the interop tests need NumPy")

import pure  # noqa: E402
import vectorized  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pure" / "tools" / "data"
HAVE_PANDAS = importlib.util.find_spec("pandas") is not None
HAVE_SKLEARN = importlib.util.find_spec("sklearn") is not None
needs_pandas = pytest.mark.skipif(not HAVE_PANDAS, reason=(
    "pandas is not installed: python -m pip install pandas (or run: tox -e interop)"))
needs_sklearn = pytest.mark.skipif(not HAVE_SKLEARN, reason=(
    "scikit-learn is not installed: python -m pip install scikit-learn (or run: tox -e interop)"))
# Until the logistic twins follow the input contract of the README (pandas objects through
# their to_numpy(), each entry checked), these tests fail; strict, so that they are unmarked
# as soon as they pass.
needs_contract = pytest.mark.xfail(strict=True, reason=(
    "needs the input contract in both logistic twins (pandas DataFrames via to_numpy(), "
    "entries checked one by one)"))
if HAVE_PANDAS:
    import pandas as pd
if HAVE_SKLEARN:
    import sklearn
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError
    from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.utils.estimator_checks import parametrize_with_checks

    from vectorized import sklearn_compat as compat

NAMES = ["LinearRegression", "LogisticRegression", "SoftmaxRegression", "StandardScaler"]


def run_python(code):
    return subprocess.run([sys.executable, "-W", "error", "-c", code], cwd=str(ROOT),
                          capture_output=True, text=True, timeout=120)


def assert_close(a, b, rtol=1e-12):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    assert a.shape == b.shape
    scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(b))), 1e-300)
    assert float(np.max(np.abs(a - b))) <= rtol * scale, (a, b)


# ---- The product imports neither library --------------------------------------------------

@pytest.mark.parametrize("package", ["pure", "vectorized"])
def test_importing_the_packages_imports_neither_sklearn_nor_pandas(package):
    code = (f"import sys, {package}; "
            f"m = {package}.LinearRegression(n_iters=5).fit([[0.0], [1.0]], [0.0, 1.0]); "
            "extra = sorted(name for name in ('sklearn', 'pandas', 'scipy') "
            "               if name in sys.modules); "
            "print(extra); sys.exit(1 if extra else 0)")
    result = run_python(code)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"


def test_sklearn_compat_without_sklearn_says_how_to_install_it():
    # sys.modules[name] = None makes "import name" fail, as if it were not installed.
    code = ("import sys; sys.modules['sklearn'] = None; import vectorized; "
            "import vectorized.sklearn_compat")
    result = run_python(code)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: vectorized.sklearn_compat needs scikit-learn")
    assert "python -m pip install scikit-learn" in last
    assert "During handling" not in result.stderr  # raised from None: one clear error


# ---- Both twins on pandas data ---------------------------------------------------------------
# The reference for each case is the same data as a plain list of floats.

def pure_and_vectorized(name):
    return [getattr(pure, name), getattr(vectorized, name)]


def fit_both(name, X, y, reference_X, reference_y, **params):
    """Fit each twin on pandas X, y and on the plain reference; both must match exactly."""
    for cls in pure_and_vectorized(name):
        model = cls(**params).fit(X, y)
        reference = cls(**params).fit(reference_X, reference_y)
        assert_close(model.weights, reference.weights)
        assert_close(model.bias, reference.bias)
        # Not ==: a DataFrame's array can be column-major, and BLAS may sum in another order.
        assert_close(model.cost_history, reference.cost_history)
        yield cls, model


@needs_pandas
def test_both_twins_train_on_a_numeric_dataframe_and_series():
    frame = pd.read_csv(DATA / "stackloss.csv")
    target = frame.columns[-1]
    X, y = frame.drop(columns=target), frame[target]
    rows = X.to_numpy(dtype=float).tolist()
    for cls, model in fit_both("LinearRegression", X, y, rows, y.tolist(), solver="normal"):
        assert_close(model.predict(X), model.predict(rows))
        assert model.score(X, y) == pytest.approx(model.score(rows, y.tolist()), rel=1e-12)


@needs_pandas
def test_both_twins_train_on_a_bool_column_beside_floats():
    # NumPy makes this frame an object array: each entry is checked, not the column names.
    X = pd.DataFrame({"size": [0.5, 1.5, 2.0, 3.5, 4.0, 5.5], "red": [True, False, True,
                                                                      False, True, False]})
    y = pd.Series([0, 0, 1, 0, 1, 1])
    rows = [[float(s), float(r)] for s, r in zip(X["size"], X["red"])]
    list(fit_both("LogisticRegression", X, y, rows, y.tolist(), learning_rate=0.5, n_iters=300))
    bools = pd.Series([False, False, True, False, True, True])  # a bool target counts as 0/1
    list(fit_both("LogisticRegression", X, bools, rows, y.tolist(), learning_rate=0.5,
                  n_iters=300))


@needs_pandas
@pytest.mark.parametrize("dtype", ["Float64", "Int64"])
def test_both_twins_train_on_nullable_columns(dtype):
    X = pd.DataFrame({"a": pd.array([1, 2, 3, 4, 5], dtype=dtype),
                      "b": pd.array([2, 0, 1, 3, 5], dtype=dtype)})
    y = pd.Series(pd.array([3, 2, 4, 7, 10], dtype=dtype))
    rows = [[1.0, 2.0], [2.0, 0.0], [3.0, 1.0], [4.0, 3.0], [5.0, 5.0]]
    list(fit_both("LinearRegression", X, y, rows, [3.0, 2.0, 4.0, 7.0, 10.0],
                  learning_rate=0.02, n_iters=200))


@needs_pandas
@pytest.mark.parametrize("dtype", [object, "string"])
def test_both_twins_train_softmax_on_string_labels(dtype):
    frame = pd.read_csv(DATA / "iris.csv")
    X, y = frame.drop(columns="species"), frame["species"].astype(dtype)
    rows = X.to_numpy(dtype=float).tolist()
    for cls, model in fit_both("SoftmaxRegression", X, y, rows, [str(v) for v in y],
                               learning_rate=0.1, n_iters=50):
        assert list(model.classes) == ["setosa", "versicolor", "virginica"]
        assert list(model.predict(X)) == list(model.predict(rows))
        assert model.score(X, y) == pytest.approx(model.score(rows, list(y)), rel=1e-12)


@needs_pandas
def test_both_twins_scale_a_dataframe():
    frame = pd.read_csv(DATA / "breast_cancer.csv").drop(columns="benign")
    rows = frame.to_numpy(dtype=float).tolist()
    for cls in pure_and_vectorized("StandardScaler"):
        scaler = cls().fit(frame)
        assert_close(scaler.mean, cls().fit(rows).mean)
        assert_close(scaler.transform(frame), scaler.transform(rows))


@needs_pandas
def test_a_missing_value_in_a_dataframe_is_the_same_error_in_both_twins():
    X = pd.DataFrame({"a": pd.array([1.0, None, 3.0], dtype="Float64"), "b": [1.0, 2.0, 3.0]})
    messages = set()
    for cls in pure_and_vectorized("LinearRegression"):
        with pytest.raises(ValueError) as error:
            cls().fit(X, [1.0, 2.0, 3.0])
        messages.add(str(error.value))
    assert len(messages) == 1
    message = messages.pop()
    assert "X[1][0]" in message and ("missing" in message or "nan" in message.lower())


@needs_pandas
def test_a_text_column_is_reported_as_an_entry_not_as_a_column_name():
    X = pd.DataFrame({"mean_radius": [1.0, 2.0], "colour": ["red", "blue"]})
    messages = set()
    for cls in pure_and_vectorized("LogisticRegression"):
        with pytest.raises(ValueError) as error:
            cls().fit(X, [0, 1])
        messages.add(str(error.value))
    assert len(messages) == 1
    message = messages.pop()
    assert message.startswith("X[0][1] is 'red', not a number")
    assert "mean_radius" not in message


# ---- The sklearn_compat estimators -----------------------------------------------------------

@needs_sklearn
@pytest.mark.parametrize("name", NAMES)
def test_each_estimator_takes_exactly_its_twins_hyperparameters(name):
    def parameters(cls):
        return [(p.name, p.kind, p.default)
                for p in inspect.signature(cls.__init__).parameters.values()]
    assert parameters(getattr(compat, name)) == parameters(getattr(vectorized, name))


def iris_xy():
    frame = np.genfromtxt(DATA / "iris.csv", delimiter=",", skip_header=1, dtype=str)
    return frame[:, :4].astype(float), frame[:, 4]


def cancer_xy():
    frame = np.genfromtxt(DATA / "breast_cancer.csv", delimiter=",", skip_header=1)
    return frame[:, :-1], frame[:, -1].astype(int)


@needs_sklearn
def test_fitted_attributes_are_the_twins_results():
    X, y = cancer_xy()
    params = dict(learning_rate=0.2, n_iters=300, l2=0.5)
    scaled = vectorized.StandardScaler().fit_transform(X)
    twin = vectorized.LogisticRegression(**params).fit(scaled, y)
    model = compat.LogisticRegression(**params).fit(scaled, y)
    assert model.coef_.shape == (1, X.shape[1]) and model.intercept_.shape == (1,)
    assert_close(model.coef_[0], twin.weights, rtol=0)
    assert_close(model.intercept_[0], twin.bias, rtol=0)
    assert model.cost_history == twin.cost_history
    assert_close(model.weights, twin.weights, rtol=0)
    assert model.bias == twin.bias and model.n_features_in_ == X.shape[1]
    assert list(model.classes_) == [0, 1]
    p = model.predict_proba(scaled)
    assert p.shape == (len(y), 2)
    assert_close(p[:, 1], twin.predict_proba(scaled), rtol=0)
    assert_close(p.sum(axis=1), np.ones(len(y)))
    assert list(model.predict(scaled)) == list(twin.predict(scaled))
    assert model.score(scaled, y) == twin.score(scaled, y)
    assert model.cost(scaled, y) == twin.cost(scaled, y)
    # The twin's names are views of the fitted twin, not attributes that fit adds (scikit-learn
    # allows fit to add only names ending in "_").
    assert {"weights", "bias", "cost_history"}.isdisjoint(vars(model))


@needs_sklearn
@pytest.mark.parametrize("name", ["LinearRegression", "LogisticRegression", "SoftmaxRegression"])
def test_record_params_reaches_the_twin(name):
    X, y = iris_xy()
    X = vectorized.StandardScaler().fit_transform(X)
    y = {"LinearRegression": X[:, 0] * 2.0, "LogisticRegression": (y == "setosa").astype(int),
         "SoftmaxRegression": y}[name]
    model = getattr(compat, name)(n_iters=4, record_params=True).fit(X, y)
    twin = getattr(vectorized, name)(n_iters=4, record_params=True).fit(X, y)
    assert len(model.param_history) == len(twin.param_history) == 5
    for (w, b), (w_twin, b_twin) in zip(model.param_history, twin.param_history):
        assert_close(w, w_twin, rtol=0)
        assert_close(b, b_twin, rtol=0)
    assert not hasattr(getattr(compat, name)(n_iters=4).fit(X, y), "param_history")


@needs_sklearn
def test_logistic_takes_any_two_labels_and_refuses_three():
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]
    model = compat.LogisticRegression(learning_rate=0.5, n_iters=500).fit(
        X, ["no", "no", "no", "yes", "yes", "yes"])
    assert list(model.classes_) == ["no", "yes"]
    assert list(model.predict([[0.5], [4.5]])) == ["no", "yes"]
    twin = vectorized.LogisticRegression(learning_rate=0.5, n_iters=500).fit(X, [0, 0, 0, 1, 1, 1])
    assert_close(model.predict_proba(X)[:, 1], twin.predict_proba(X), rtol=0)
    labels = ["no", "no", "no", "yes", "yes", "yes"]
    assert model.cost(X, labels) == twin.cost(X, [0, 0, 0, 1, 1, 1])
    with pytest.raises(ValueError, match="Only binary classification is supported.*"
                                         "use SoftmaxRegression"):
        compat.LogisticRegression().fit(X, ["a", "b", "c", "a", "b", "c"])


@needs_sklearn
def test_softmax_keeps_string_classes_and_their_probability_columns():
    X, y = iris_xy()
    model = compat.SoftmaxRegression(learning_rate=0.1, n_iters=100).fit(X, y)
    twin = vectorized.SoftmaxRegression(learning_rate=0.1, n_iters=100).fit(X, y)
    assert list(model.classes_) == ["setosa", "versicolor", "virginica"]
    assert model.coef_.shape == (3, 4) and model.intercept_.shape == (3,)
    assert_close(model.predict_proba(X), twin.predict_proba(X), rtol=0)
    assert list(model.predict(X)) == list(twin.predict(X))


@needs_sklearn
def test_linear_regression_is_ordinary_least_squares_and_ridge():
    from sklearn.linear_model import LinearRegression, Ridge
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3)) * [1.0, 10.0, 0.1]
    y = X @ [1.5, -0.2, 4.0] + 3.0 + rng.normal(scale=0.1, size=40)
    ours = compat.LinearRegression(solver="normal").fit(X, y)
    theirs = LinearRegression().fit(X, y)
    assert_close(ours.coef_, theirs.coef_, rtol=1e-9)
    assert ours.intercept_ == pytest.approx(theirs.intercept_, rel=1e-9)
    assert ours.score(X, y) == pytest.approx(theirs.score(X, y), rel=1e-12)
    # The twins' cost 1/(2m) |r|^2 + l2/(2m) |w|^2 has the minimizer of Ridge(alpha=l2).
    ridge = compat.LinearRegression(solver="normal", l2=5.0).fit(X, y)
    assert_close(ridge.coef_, Ridge(alpha=5.0).fit(X, y).coef_, rtol=1e-9)


@needs_sklearn
def test_newton_logistic_regression_matches_scikit_learns_with_c_one_over_l2():
    from sklearn.linear_model import LogisticRegression
    X, y = cancer_xy()
    X = vectorized.StandardScaler().fit_transform(X)
    ours = compat.LogisticRegression(solver="newton", l2=2.0, n_iters=100).fit(X, y)
    theirs = LogisticRegression(C=1 / 2.0, tol=1e-12, max_iter=10000).fit(X, y)
    assert_close(ours.coef_, theirs.coef_, rtol=1e-5)
    assert_close(ours.intercept_, theirs.intercept_, rtol=1e-5)


@needs_sklearn
@pytest.mark.parametrize("name", NAMES)
def test_clone_gives_the_same_hyperparameters_and_no_fitted_state(name):
    cls = getattr(compat, name)
    if name == "StandardScaler":
        model, X, y = cls(), *cancer_xy()
    else:
        params = {"learning_rate": 0.003, "n_iters": 7, "l2": 0.25, "tol": 1e-9,
                  "batch_size": 16, "seed": 3}
        model = cls(**params)
        X, y = iris_xy() if name == "SoftmaxRegression" else cancer_xy()
        X = vectorized.StandardScaler().fit_transform(X)
        assert model.get_params()["batch_size"] == 16
    model.fit(X, y)
    copy = clone(model)
    assert copy.get_params() == model.get_params() and copy is not model
    assert not hasattr(copy, "twin_") and not hasattr(copy, "n_features_in_")
    with pytest.raises(NotFittedError):
        (copy.transform if name == "StandardScaler" else copy.predict)(X)
    copy.fit(X, y)
    if name != "StandardScaler":
        assert copy.cost_history == model.cost_history  # same seed, same batches


@needs_sklearn
def test_a_pipeline_scales_with_the_twin_scaler_then_fits_the_twin():
    X, y = cancer_xy()
    params = dict(learning_rate=0.3, n_iters=200)
    pipeline = make_pipeline(compat.StandardScaler(), compat.LogisticRegression(**params))
    pipeline.fit(X, y)
    scaler = vectorized.StandardScaler().fit(X)
    twin = vectorized.LogisticRegression(**params).fit(scaler.transform(X), y)
    assert_close(pipeline[-1].coef_[0], twin.weights, rtol=0)
    assert list(pipeline.predict(X)) == list(twin.predict(scaler.transform(X)))
    assert pipeline.score(X, y) == twin.score(scaler.transform(X), y)


@needs_sklearn
def test_cross_val_score_is_the_twins_score_on_each_fold():
    X, y = iris_xy()
    params = dict(learning_rate=0.5, n_iters=200)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    pipeline = make_pipeline(compat.StandardScaler(), compat.SoftmaxRegression(**params))
    scores = cross_val_score(pipeline, X, y, cv=folds)
    expected = []
    for train, test in folds.split(X, y):
        scaler = vectorized.StandardScaler().fit(X[train])
        twin = vectorized.SoftmaxRegression(**params).fit(scaler.transform(X[train]), y[train])
        expected.append(twin.score(scaler.transform(X[test]), y[test]))
    assert scores.tolist() == expected
    assert min(expected) > 0.8  # the folds are learned, not just run


@needs_sklearn
def test_cross_val_score_of_linear_regression_is_the_twins_r2():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(60, 2))
    y = X @ [2.0, -1.0] + 0.5 + rng.normal(scale=0.2, size=60)
    folds = KFold(n_splits=4, shuffle=True, random_state=0)
    scores = cross_val_score(compat.LinearRegression(solver="normal"), X, y, cv=folds)
    expected = [vectorized.LinearRegression(solver="normal").fit(X[a], y[a]).score(X[b], y[b])
                for a, b in folds.split(X)]
    assert scores.tolist() == expected


@needs_sklearn
def test_grid_search_picks_from_the_grid_and_refits_the_best():
    X, y = cancer_xy()
    pipeline = make_pipeline(compat.StandardScaler(), compat.LogisticRegression(n_iters=200))
    grid = {"logisticregression__l2": [0.0, 10.0, 1000.0],
            "logisticregression__learning_rate": [0.05, 0.5]}
    search = GridSearchCV(pipeline, grid, cv=3).fit(X, y)
    assert len(search.cv_results_["params"]) == 6
    folds = StratifiedKFold(n_splits=3)
    for params, mean in zip(search.cv_results_["params"], search.cv_results_["mean_test_score"]):
        one = clone(pipeline).set_params(**params)
        assert mean == pytest.approx(cross_val_score(one, X, y, cv=folds).mean(), rel=1e-12)
    best = search.best_estimator_[-1]
    assert best.l2 == search.best_params_["logisticregression__l2"]
    assert math.isfinite(search.best_score_) and search.best_score_ > 0.85
    assert best.n_features_in_ == X.shape[1] and len(best.cost_history) == 200


@needs_sklearn
def test_a_failed_fit_leaves_the_estimator_as_it_was():
    X, y = cancer_xy()
    model = compat.LinearRegression(solver="normal").fit(X, y.astype(float))
    before = (model.coef_.copy(), model.intercept_, model.twin_)
    with pytest.raises(ValueError, match="NaN"):
        model.fit([[1.0, float("nan")], [2.0, 3.0]], [1.0, 2.0])
    assert model.twin_ is before[2] and model.intercept_ == before[1]
    assert_close(model.coef_, before[0], rtol=0)
    assert model.n_features_in_ == X.shape[1]


@needs_sklearn
def test_the_twins_own_messages_reach_the_user():
    with pytest.raises(ValueError, match="2-D"):
        compat.LinearRegression().fit([1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    model = compat.LinearRegression(solver="normal").fit([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
                                                         [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="2-D"):  # the twin's, which says how to reshape
        model.predict([1.0, 2.0])
    with pytest.raises(ValueError, match="X has 3 features, but LinearRegression is expecting 2"):
        model.predict([[1.0, 2.0, 3.0]])
    with pytest.raises(FloatingPointError, match="learning_rate"):
        compat.LinearRegression(learning_rate=10.0).fit([[0.0], [10.0], [20.0]], [0.0, 1.0, 2.0])
    with pytest.raises(TypeError, match="n_iters"):
        compat.SoftmaxRegression(n_iters=2.5).fit([[0.0], [1.0]], ["a", "b"])


@needs_sklearn
def test_sparse_input_is_refused_saying_so():
    from scipy import sparse
    X = sparse.csr_matrix(np.eye(3))
    for model in [compat.LinearRegression(), compat.StandardScaler()]:
        with pytest.raises(TypeError, match="sparse matrix.*toarray"):
            model.fit(X, [1.0, 2.0, 3.0])


@needs_sklearn
@needs_pandas
def test_dataframe_column_names_are_kept_and_the_scaler_can_output_pandas():
    frame = pd.read_csv(DATA / "iris.csv")
    X, y = frame.drop(columns="species"), frame["species"]
    pipeline = make_pipeline(compat.StandardScaler(), compat.SoftmaxRegression(n_iters=50))
    pipeline.fit(X, y)
    assert list(pipeline[0].feature_names_in_) == list(X.columns)
    assert list(pipeline[-1].classes_) == ["setosa", "versicolor", "virginica"]
    scaled = compat.StandardScaler().set_output(transform="pandas").fit_transform(X)
    assert isinstance(scaled, pd.DataFrame) and list(scaled.columns) == list(X.columns)
    assert_close(scaled.to_numpy(), vectorized.StandardScaler().fit_transform(X.to_numpy()))
    assert scores_are_finite(cross_val_score(pipeline, X, y, cv=3))


def scores_are_finite(scores):
    return len(scores) > 0 and all(math.isfinite(s) for s in scores)


# ---- scikit-learn's own estimator checks -----------------------------------------------------
# Every check of sklearn.utils.estimator_checks runs on each estimator below. Those listed
# here are expected to fail (strictly: one that starts to pass fails this test, so the list
# stays true), each for a reason that is a decision of this project, not an accident:

BY_DESIGN = {
    "check_complex_data": "the twins refuse complex X with their own message, which names the "
                          "entry (X[0][0] is ...j), not scikit-learn's 'Complex data not "
                          "supported'",
    "check_dtype_object": "an entry that is not a number (the check puts a dict in X) is the "
                          "twins' ValueError naming the entry, not NumPy's TypeError",
    "check_estimators_empty_data_messages": "an X without columns gets the twins' message "
                                            "'X has no features: its rows are empty.', not "
                                            "scikit-learn's wording",
    "check_fit2d_predict1d": "a 1-D X gets the twins' message, which names the fix for the "
                             "fitted model (one row of n values, or a row per value), not "
                             "scikit-learn's 'Reshape your data'",
    "check_supervised_y_2d": "the twins take an (m, 1) column y and flatten it on purpose "
                             "(see the README's API section), without scikit-learn's "
                             "DataConversionWarning",
}
PER_ESTIMATOR = {
    # Gradient descent at the default learning_rate=0.01 diverges on the check's unscaled
    # data, and says so (FloatingPointError); with solver="normal" the same checks pass.
    "LinearRegression()": {
        check: "gradient descent at learning_rate=0.01 diverges on these unscaled data and "
               "raises FloatingPointError, as it should (solver='normal' passes it)"
        for check in ["check_fit_idempotent", "check_fit_check_is_fitted", "check_n_features_in"]
    },
    "LinearRegression(solver='normal')": {
        "check_fit2d_1sample": "one sample makes X^T X singular: the normal equation refuses it "
                               "with its own message, not scikit-learn's '1 sample'",
    },
    "SoftmaxRegression()": {
        "check_fit2d_1sample": "one sample is one class: the twin says 'a single class', not "
                               "scikit-learn's 'one class'",
    },
    "StandardScaler()": {
        check: "scikit-learn's check calls set_params(with_mean=False) on any estimator named "
               "StandardScaler; this one always centres and has no with_mean (sparse input is "
               "refused saying so: test_sparse_input_is_refused_saying_so)"
        for check in ["check_estimator_sparse_array", "check_estimator_sparse_matrix"]
    },
}


def expected_failed_checks(estimator):
    return {**BY_DESIGN, **PER_ESTIMATOR.get(repr(estimator), {})}


if HAVE_SKLEARN:
    ESTIMATORS = [compat.LinearRegression(), compat.LinearRegression(solver="normal"),
                  compat.LogisticRegression(), compat.LogisticRegression(solver="newton", l2=1.0),
                  compat.SoftmaxRegression(), compat.StandardScaler()]

    @parametrize_with_checks(ESTIMATORS, expected_failed_checks=expected_failed_checks,
                             xfail_strict=True)
    def test_scikit_learn_estimator_checks(estimator, check):
        check(estimator)


def test_the_expected_failures_name_real_checks():
    # A misspelt name would silently expect nothing; this compares with the check names
    # scikit-learn really has (when it is installed) and with the estimators tested.
    if not HAVE_SKLEARN:
        pytest.skip("scikit-learn is not installed: python -m pip install scikit-learn")
    from sklearn.utils import estimator_checks
    names = set(dir(estimator_checks))
    listed = set(BY_DESIGN) | {c for checks in PER_ESTIMATOR.values() for c in checks}
    assert listed <= names, listed - names
    assert set(PER_ESTIMATOR) <= {repr(e) for e in ESTIMATORS}


def test_the_logistic_estimator_passes_the_threshold_to_its_twin():
    pytest.importorskip("sklearn")
    from vectorized import sklearn_compat
    import vectorized
    X = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]
    y = ["no", "no", "yes", "no", "yes", "yes"]
    model = sklearn_compat.LogisticRegression(n_iters=500).fit(X, y)
    twin = vectorized.LogisticRegression(n_iters=500).fit(X, [0, 0, 1, 0, 1, 1])
    for threshold in (0.2, 0.5, 0.8):
        expected = np.where(twin.predict(X, threshold=threshold) == 1, "yes", "no")
        assert model.predict(X, threshold=threshold).tolist() == expected.tolist()
    assert model.predict(X, threshold=0.99).tolist().count("yes") < \
        model.predict(X, threshold=0.01).tolist().count("yes")
    with pytest.raises(ValueError, match="threshold"):
        model.predict(X, threshold=1.5)
