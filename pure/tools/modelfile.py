"""A trained model as a JSON file a person can read, loaded back into either twin.

``python -m pure linear --data FILE.csv --save model.json`` writes one, and ``python -m
pure predict model.json new.csv`` uses it on new rows (both in cli.py). The file holds
what the model learned, by name: the kind of model, its hyperparameters, the target and
feature columns, a weight per feature (per class, for softmax), the bias, the class
labels, and the scaler's mean and standard deviation of each feature when the features
were standardized. Numbers are written with every digit (Python's shortest repr), so
the loaded model predicts exactly what the saved one did, in either twin.

Pickle keeps a model too (``pickle.dumps(model)``) but only for Python, and only for the
twin that made it; this file is for people and for the other twin. In Python:

>>> import pure
>>> model = pure.LinearRegression(solver="normal").fit([[1.0], [2.0], [3.0]], [3.0, 5.0, 7.0])
>>> text = dumps(model, features=["x"], target="y")
>>> loaded = loads(text, "pure")
>>> [round(value, 9) for value in loaded.model.predict([[4.0]])]
[9.0]

Standard library only; NumPy is imported only to load into the vectorized twin.
"""

import importlib
import inspect
import json
import math
import numbers
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from . import datasets

FORMAT = "regression-twins model, version 1"  # the first entry of every file
KINDS = ("LinearRegression", "LogisticRegression", "SoftmaxRegression")
NOT_SAVED = ("verbose", "record_params")  # settings of a run's output, not of the model


class Loaded(NamedTuple):
    """A model file loaded into one twin."""
    model: object                 # the twin's model, fitted: weights, bias (and classes)
    scaler: Optional[object]      # the twin's StandardScaler, fitted, or None
    features: List[str]           # the model's feature names, in the order of its weights
    target: str                   # the name of the column it predicts
    one_hot: Dict[str, List[str]]  # column -> its values, the baseline first (--one-hot)
    left_out: List[str]           # columns left out when training (--drop)


# Writing

def _number(value: object) -> float:
    return float(value)  # type: ignore[arg-type]  # a float or a NumPy float: a JSON number


def _plain(value: object) -> object:
    """A hyperparameter as JSON: a NumPy number as the Python number it holds."""
    return value.item() if hasattr(value, "item") and hasattr(value, "dtype") else value


def _label(value: object) -> object:
    """A class label as JSON: an int stays an int (NumPy's too), a name a string."""
    if isinstance(value, numbers.Integral):
        return int(value)
    return str(value)


def to_dict(model: object, features: Sequence[str], target: str = "y",
            scaler: Optional[object] = None, one_hot: Optional[Dict[str, List[str]]] = None,
            left_out: Sequence[str] = ()) -> dict:
    """The content of a model file, as a dict of plain JSON values.

    ``features`` names the columns of X, in order; ``scaler`` is the StandardScaler the
    features went through, if any; ``one_hot`` and ``left_out`` say how the columns of
    the CSV file became those features (see cli.py's --one-hot and --drop).
    """
    kind = type(model).__name__
    if kind not in KINDS:
        raise TypeError(f"a model file holds a LinearRegression, LogisticRegression or "
                        f"SoftmaxRegression, not a {kind}.")
    if not hasattr(model, "weights"):
        raise ValueError(f"This {kind} instance is not fitted yet: fit it before saving it.")
    features = [str(name) for name in features]
    names = inspect.signature(type(model).__init__).parameters
    hyper = {name: _plain(getattr(model, name)) for name in names
             if name != "self" and name not in NOT_SAVED}
    content = {"format": FORMAT, "model": kind, "hyperparameters": hyper,
               "target": str(target), "features": features}
    if kind == "SoftmaxRegression":
        classes = [_label(label) for label in model.classes]
        content["classes"] = classes
        rows = [list(w_k) for w_k in model.weights]
        _check_width(rows[0], features)
        content["weights"] = {str(label): {name: _number(w) for name, w in zip(features, w_k)}
                              for label, w_k in zip(classes, rows)}
        content["bias"] = {str(label): _number(b_k) for label, b_k in zip(classes, model.bias)}
    else:
        if kind == "LogisticRegression":
            content["classes"] = [0, 1]
        _check_width(list(model.weights), features)
        content["weights"] = {name: _number(w) for name, w in zip(features, model.weights)}
        content["bias"] = _number(model.bias)
    content["standardize"] = None if scaler is None else {
        "mean": {name: _number(v) for name, v in zip(features, scaler.mean)},
        "std": {name: _number(v) for name, v in zip(features, scaler.std)}}
    if one_hot:
        content["one_hot"] = {str(column): [str(v) for v in values]
                              for column, values in one_hot.items()}
    if left_out:
        content["left_out"] = [str(column) for column in left_out]
    return content


def _check_width(weights: list, features: Sequence[str]) -> None:
    if len(weights) != len(features):
        raise ValueError(f"the model has {len(weights)} weights but {len(features)} feature "
                         f"names were given; give one name per column of X.")
    if len(set(features)) != len(features):
        raise ValueError("the feature names must be different from one another.")


def dumps(model: object, features: Sequence[str], target: str = "y",
          scaler: Optional[object] = None, one_hot: Optional[Dict[str, List[str]]] = None,
          left_out: Sequence[str] = ()) -> str:
    """The model file's text: ``to_dict`` as JSON, one entry a line, each list on one line."""
    return _json(to_dict(model, features, target, scaler, one_hot, left_out)) + "\n"


def _json(value: object, depth: int = 0) -> str:
    if isinstance(value, dict) and value:
        pad = "  " * (depth + 1)
        entries = [f"{pad}{json.dumps(key, ensure_ascii=False)}: {_json(item, depth + 1)}"
                   for key, item in value.items()]
        return "{\n" + ",\n".join(entries) + "\n" + "  " * depth + "}"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# Reading

def load(path: str, package: str = "pure") -> Loaded:
    """Read the model file at ``path`` into the twin ``package`` ("pure" or "vectorized")."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except UnicodeDecodeError:
        raise datasets.DataError(f"{path} is not a model file (it is not UTF-8 text).") \
            from None
    except OSError as error:
        raise datasets.DataError(f"cannot read {path}: {error.strerror or error}.") from None
    return loads(text, package, path)


def loads(text: str, package: str = "pure", source: str = "the model file") -> Loaded:
    """A model file's text loaded into the twin ``package``: its model, fitted, and scaler."""
    try:
        content = json.loads(text)
    except ValueError as error:
        raise datasets.DataError(f"{source} is not a model file: it is not JSON ({error}).") \
            from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise datasets.DataError(f"{source} is not a model file: it does not start with "
                                 f'"format": "{FORMAT}" (files saved with --save do).')
    try:
        return _build(content, importlib.import_module(package))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        detail = f"no {error}" if isinstance(error, KeyError) else str(error)
        raise datasets.DataError(f"{source} is not a valid model file ({detail}).") from None


def _build(content: dict, twin: object) -> Loaded:
    kind = content["model"]
    if kind not in KINDS:
        raise ValueError(f"unknown model {kind!r}")
    features = [str(name) for name in content["features"]]
    if not features or len(set(features)) != len(features):
        raise ValueError("its features are not a list of different names")
    weights = content["weights"]
    if kind == "SoftmaxRegression":
        classes = list(content["classes"])
        rows = [weights[str(label)] for label in classes]
        if len(classes) < 2 or any(set(row) != set(features) for row in rows):
            raise ValueError("its weights do not name each feature once per class")
        W = [[_finite(row[name], f"weight of {name!r}") for name in features] for row in rows]
        b = [_finite(content["bias"][str(label)], "bias") for label in classes]
    else:
        if set(weights) != set(features):
            raise ValueError("its weights do not name each feature once")
        W = [_finite(weights[name], f"weight of {name!r}") for name in features]
        b = _finite(content["bias"], "bias")
        classes = None
    model = getattr(twin, kind)(**content["hyperparameters"])
    vectorized = twin.__name__.split(".")[0] == "vectorized"
    # The vectorized twin works on arrays; NumPy is there whenever that twin is, and is
    # looked up only then (pure/ itself never needs it).
    np = importlib.import_module("numpy") if vectorized else None
    if vectorized:
        model.weights, model.bias = np.array(W, dtype=float), (np.array(b, dtype=float)
                                                               if classes else b)
        if classes is not None:
            model.classes = np.array(classes)
    else:
        model.weights, model.bias = W, b
        if classes is not None:
            model.classes = classes
    scaler = None
    scaling = content.get("standardize")
    if scaling:
        scaler = twin.StandardScaler()
        mean = [_finite(scaling["mean"][name], f"mean of {name!r}") for name in features]
        std = [_finite(scaling["std"][name], f"std of {name!r}") for name in features]
        if not all(s > 0 for s in std):
            raise ValueError("a standard deviation is not positive")
        if vectorized:
            mean, std = np.array(mean), np.array(std)
        scaler.mean, scaler.std = mean, std
    one_hot = {str(column): [str(v) for v in values]
               for column, values in content.get("one_hot", {}).items()}
    return Loaded(model, scaler, features, str(content["target"]), one_hot,
                  [str(column) for column in content.get("left_out", [])])


def _finite(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise ValueError(f"the {what} is {value!r}, not a finite number")
    return float(value)


# Predicting the rows of a CSV file

def columns_read(loaded: Loaded) -> List[str]:
    """The columns of a CSV file the model reads: its features, a one-hot column once."""
    columns = []  # type: List[str]
    for name in loaded.features:
        column = _one_hot_column(loaded, name) or name
        if column not in columns:
            columns.append(column)
    return columns


def _one_hot_column(loaded: Loaded, feature: str) -> Optional[str]:
    for column, values in loaded.one_hot.items():
        if feature in (f"{column}={value}" for value in values[1:]):
            return column
    return None


def features_of(loaded: Loaded, table: datasets.Table, source: str,
                model_source: str = "the model") -> List[List[float]]:
    """The rows of ``table`` as the model's features (in the file's units, not scaled).

    The file must have every column the model reads; besides those, only the target and
    the columns left out in training may be there. Anything else is refused, by name.
    """
    needed = columns_read(loaded)
    allowed = set(needed) | {loaded.target} | set(loaded.left_out)
    missing = [name for name in needed if name not in table.columns]
    extra = [name for name in table.columns if name not in allowed]
    if missing or extra:
        problems = []
        if missing:
            problems.append(f"it has no {_names(missing)}")
        if extra:
            problems.append(f"its {_names(extra)} {'is' if len(extra) == 1 else 'are'} not "
                            f"among the model's")
        raise datasets.DataError(
            f"{source} does not match {model_source}: {' and '.join(problems)}. The model "
            f"reads the columns {', '.join(needed)} (any order; the target "
            f"{loaded.target!r}{' and the left-out columns' if loaded.left_out else ''} "
            f"may be there too).")
    where = {name: j for j, name in enumerate(table.columns)}
    getters = []
    for name in loaded.features:
        column = _one_hot_column(loaded, name)
        if column is None:
            getters.append(lambda row, line, j=where[name], name=name: datasets._number(
                row[j], source, line, j, name, table.decimal))
        else:
            value = name[len(column) + 1:]
            getters.append(lambda row, line, j=where[column], value=value:
                           1.0 if row[j].strip() == value else 0.0)
    for column, values in loaded.one_hot.items():  # a value the model never saw: no column
        j = where[column]
        for row, line in zip(table.rows, table.lines):
            if row[j].strip() not in values:
                raise datasets.DataError(
                    f"{source}, line {line}, column {j + 1} ({column!r}): {row[j].strip()!r} "
                    f"was not among the values the model was trained on: "
                    f"{', '.join(values)}.")
    return [[get(row, line) for get in getters] for row, line in zip(table.rows, table.lines)]


def _names(names: Sequence[str]) -> str:
    quoted = ", ".join(repr(name) for name in names)
    return f"column {quoted}" if len(names) == 1 else f"columns {quoted}"


def predictions(loaded: Loaded, X: List[List[float]]) -> Tuple[List[str], List[list]]:
    """The header and rows of the predictions of X: the label or value, and for classifiers
    the probabilities, as ``predict`` and ``predict_proba`` give them."""
    if loaded.scaler is not None:
        X = loaded.scaler.transform(X)
    model, target = loaded.model, loaded.target
    kind = type(model).__name__
    if kind == "LinearRegression":
        return [target], [[value] for value in model.predict(X)]
    labels = model.predict(X)
    P = model.predict_proba(X)
    if kind == "LogisticRegression":
        return [target, f"P({target}=1)"], [[int(label), p] for label, p in zip(labels, P)]
    classes = [_label(label) for label in model.classes]
    header = [target] + [f"P({target}={label})" for label in classes]
    return header, [[_label(label)] + list(p_i) for label, p_i in zip(labels, P)]
