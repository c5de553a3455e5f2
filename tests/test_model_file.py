"""Keeping a trained model: ``--save model.json``, ``predict model.json new.csv``, pickle.

The model file is JSON a learner can read (weights by feature name, bias, the scaler's
means and standard deviations, the class labels); it loads into either twin, which then
predicts the same numbers; ``predict`` writes one prediction per row, refuses a file whose
columns do not match by naming them, and never writes over an input. Pickle round-trips
every model of both twins.
"""

import importlib
import importlib.util
import json
import pickle

import pytest

import pure
from pure.tools import cli, datasets, modelfile
from twins import assert_all_close

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
BACKENDS = ["pure", "vectorized"] if HAVE_NUMPY else ["pure"]
needs_numpy = pytest.mark.skipif(not HAVE_NUMPY, reason="needs NumPy")

TRAININGS = {  # name: the training command line, without --save
    "linear": ["linear", "--data", "stackloss", "--standardize"],
    "linear-normal": ["linear", "--data", "stackloss", "--solver", "normal"],
    "logistic": ["logistic", "--data", "breast_cancer", "--standardize", "--n-iters", "300"],
    "softmax": ["softmax", "--data", "iris", "--standardize", "--n-iters", "300"],
}


def run(capsys, backend, *args):
    status = cli.main([str(arg) for arg in args], backend=backend)
    out, err = capsys.readouterr()
    return status, out, err.replace(f"python -m {backend}", "python -m TWIN")


def snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def fails_alike(capsys, folder, *args):
    """Both twins: one error line, exit 2, no file changed; the same line. Returns it."""
    before = snapshot(folder)
    errors = set()
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, *args)
        assert status == 2 and err.count("\n") == 1, (backend, out, err)
        assert err.startswith("python -m TWIN: error: ") and "Traceback" not in err
        assert snapshot(folder) == before, f"{backend} changed a file"
        errors.add(err)
    assert len(errors) == 1, errors
    return errors.pop()


def save(capsys, folder, name, backend="pure"):
    path = folder / f"{name}-{backend}.json"
    status, out, err = run(capsys, backend, *TRAININGS[name], "--every", "0", "--save", path)
    assert status == 0 and err == "", err
    assert f"model written to {path}" in out
    return path, out


@pytest.fixture
def folder(tmp_path):
    return tmp_path


# The file: readable, complete

def test_the_file_names_everything_a_learner_needs(capsys, folder):
    path, out = save(capsys, folder, "logistic")
    content = json.loads(path.read_text(encoding="utf-8"))
    assert list(content) == ["format", "model", "hyperparameters", "target", "features",
                             "classes", "weights", "bias", "standardize"]
    assert content["model"] == "LogisticRegression" and content["target"] == "benign"
    assert content["hyperparameters"] == {"learning_rate": 0.1, "n_iters": 300, "l2": 0.0,
                                          "tol": None, "batch_size": None, "seed": 0,
                                          "solver": "gd"}
    assert content["classes"] == [0, 1]
    assert list(content["weights"]) == content["features"][:] and len(content["features"]) == 10
    for name, weight in content["weights"].items():  # the same weights the report printed
        assert f"  {name} " in out and cli.fmt(weight) in out
    assert set(content["standardize"]) == {"mean", "std"}
    mean_radius = [row[0] for row in datasets.to_xy(datasets.open_csv(
        datasets.find("breast_cancer"), "b"), "b").X]
    assert content["standardize"]["mean"]["mean_radius"] == \
        pytest.approx(sum(mean_radius) / len(mean_radius), rel=1e-12)
    text = path.read_text(encoding="utf-8")
    assert '"features": ["mean_radius", "mean_texture",' in text  # a list stays on one line
    assert '\n    "mean_radius": ' in text  # a weight a line


def test_softmax_keeps_a_weight_per_feature_per_class_and_no_scaler_when_unscaled(capsys,
                                                                                   folder):
    path, _ = save(capsys, folder, "softmax")
    content = json.loads(path.read_text(encoding="utf-8"))
    assert content["classes"] == ["setosa", "versicolor", "virginica"]
    assert list(content["weights"]) == content["classes"] == list(content["bias"])
    assert all(list(row) == content["features"] for row in content["weights"].values())
    plain, _ = save(capsys, folder, "linear-normal")
    content = json.loads(plain.read_text(encoding="utf-8"))
    assert content["standardize"] is None and "classes" not in content
    assert content["hyperparameters"]["solver"] == "normal"


# predict: one row, one prediction, the same in both twins

@pytest.mark.parametrize("name", list(TRAININGS))
def test_predict_gives_the_trained_models_predictions_in_both_twins(capsys, folder, name):
    saved = {backend: save(capsys, folder, name, backend)[0] for backend in BACKENDS}
    data = TRAININGS[name][2]
    outputs = set()
    for maker, path in saved.items():
        for backend in BACKENDS:
            status, out, err = run(capsys, backend, "predict", path, data)
            assert status == 0 and err == "", err
            outputs.add(out)
    assert len(outputs) == 1, "the twins predict differently"  # either file, either twin
    lines = outputs.pop().splitlines()
    table = datasets.open_csv(datasets.find(data), data)
    assert len(lines) == 1 + len(table.rows)  # a header, then one prediction per row
    # The same numbers as the model trained in Python with the same settings.
    target = TRAININGS[name][0]
    xy = datasets.to_xy(table, data, numeric_target=target != "softmax")
    X = xy.X
    options = {"n_iters": 300} if "--n-iters" in TRAININGS[name] else {}
    if "--solver" in TRAININGS[name]:
        options["solver"] = "normal"
    if "--standardize" in TRAININGS[name]:
        X = pure.StandardScaler().fit(xy.X).transform(xy.X)
    Model = {"linear": pure.LinearRegression, "logistic": pure.LogisticRegression,
             "softmax": pure.SoftmaxRegression}[target]
    model = Model(**options).fit(X, xy.y)
    cells = [line.split(",") for line in lines[1:]]
    if target == "linear":
        assert lines[0] == "stack_loss"
        assert [cell[0] for cell in cells] == [cli.fmt(v) for v in model.predict(X)]
    elif target == "logistic":
        assert lines[0] == "benign,P(benign=1)"
        assert [cell[0] for cell in cells] == [str(label) for label in model.predict(X)]
        assert [cell[1] for cell in cells] == [cli.fmt(p) for p in model.predict_proba(X)]
    else:
        assert lines[0] == ("species,P(species=setosa),P(species=versicolor),"
                            "P(species=virginica)")
        assert [cell[0] for cell in cells] == model.predict(X)
        assert [cell[1:] for cell in cells] == [[cli.fmt(p) for p in row]
                                                for row in model.predict_proba(X)]


def test_new_rows_in_another_order_with_the_target_missing_and_a_decimal_comma(capsys, folder):
    path, _ = save(capsys, folder, "linear")
    new = folder / "new.csv"
    new.write_text("acid_conc;water_temp;air_flow\n89;27;80\n86,5;18;50\n", encoding="utf-8")
    outputs = set()
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, "predict", path, new)
        assert status == 0 and err == ""
        outputs.add(out)
    assert len(outputs) == 1
    lines = outputs.pop().splitlines()
    same = folder / "same.csv"  # the bundled file's first row, in the file's own order
    same.write_text("air_flow,water_temp,acid_conc\n80,27,89\n50,18,86.5\n", encoding="utf-8")
    assert run(capsys, "pure", "predict", path, same)[1].splitlines() == lines
    assert lines[0] == "stack_loss" and len(lines) == 3
    assert 35 < float(lines[1]) < 40 and 5 < float(lines[2]) < 15  # stack loss 42 and 8


def test_one_hot_and_left_out_columns_are_kept_in_the_file_and_used(capsys, folder):
    data = folder / "pets.csv"
    data.write_text("id,pet,x,y\n1,cat,1,2\n2,dog,2,5\n3,emu,3,9\n4,cat,4,5\n5,dog,5,8\n"
                    "6,emu,1,6\n", encoding="utf-8")
    path = folder / "pets.json"
    status, out, _ = run(capsys, "pure", "linear", "--data", data, "--drop", "id", "--one-hot",
                         "pet", "--solver", "normal", "--save", path)
    assert status == 0
    content = json.loads(path.read_text(encoding="utf-8"))
    assert content["features"] == ["pet=dog", "pet=emu", "x"]
    assert content["one_hot"] == {"pet": ["cat", "dog", "emu"]}
    assert content["left_out"] == ["id"]
    new = folder / "new.csv"
    new.write_text("x,pet,id\n1,emu,9\n1,cat,10\n", encoding="utf-8")
    w = content["weights"]
    expected = [w["pet=emu"] + w["x"] + content["bias"], w["x"] + content["bias"]]
    for backend in BACKENDS:
        status, out, err = run(capsys, backend, "predict", path, new)
        assert status == 0, err
        assert out.splitlines() == ["y"] + [cli.fmt(v) for v in expected]
    unseen = folder / "unseen.csv"
    unseen.write_text("x,pet\n1,yak\n", encoding="utf-8")
    err = fails_alike(capsys, folder, "predict", path, unseen)
    assert "line 2, column 2 ('pet'): 'yak' was not among the values the model was trained " \
           "on: cat, dog, emu" in err


# predict: refusals, outputs

def test_a_file_whose_columns_do_not_match_is_refused_by_name(capsys, folder):
    path, _ = save(capsys, folder, "linear")
    new = folder / "new.csv"
    new.write_text("air_flow,water_temperature,acid_conc,day\n80,27,89,1\n", encoding="utf-8")
    err = fails_alike(capsys, folder, "predict", path, new, "--out", folder / "p.csv")
    assert (f"new.csv does not match {path}: it has no column 'water_temp' and its columns "
            f"'water_temperature', 'day' are not among the model's. The model reads the "
            f"columns air_flow, water_temp, acid_conc (any order; the target 'stack_loss' "
            f"may be there too).") in err
    assert not (folder / "p.csv").exists()


@pytest.mark.parametrize("text, words", [
    ("not json", "is not a model file: it is not JSON"),
    ('{"weights": [1]}', 'it does not start with "format": "regression-twins model, version 1"'),
    ('{"format": "regression-twins model, version 1", "model": "LinearRegression"}',
     "is not a valid model file (no 'features')"),
])
def test_a_file_that_is_no_model_file_is_one_line(capsys, folder, text, words):
    bad = folder / "bad.json"
    bad.write_text(text, encoding="utf-8")
    assert words in fails_alike(capsys, folder, "predict", bad, "stackloss")


def test_predict_never_writes_over_an_input_and_writes_whole(capsys, folder, monkeypatch):
    path, _ = save(capsys, folder, "linear")
    data = folder / "rows.csv"
    data.write_text("air_flow,water_temp,acid_conc\n80,27,89\n", encoding="utf-8")
    for out in (data, path):
        err = fails_alike(capsys, folder, "predict", path, data, "--out", out)
        assert "writing it would destroy" in err and "--out" in err
    err = fails_alike(capsys, folder, "linear", "--data", data, "--target", "acid_conc",
                      "--save", data)
    assert "--save" in err and "is the data file" in err
    target = folder / "p.csv"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(cli.os, "replace", lambda *args: (_ for _ in ()).throw(
        OSError(13, "Permission denied")))
    err = fails_alike(capsys, folder, "predict", path, data, "--out", target)
    assert "cannot write" in err and target.read_text(encoding="utf-8") == "old"
    monkeypatch.undo()
    for backend in BACKENDS:
        status, out, _ = run(capsys, backend, "predict", path, data, "--out", target)
        assert status == 0
        assert out == (f"Linear regression from {path} on rows.csv: 1 prediction written to "
                       f"{target}\n")
        assert target.read_text(encoding="utf-8").splitlines()[0] == "stack_loss"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["linear-pure.json", "rows.csv", "p.csv"])  # no temporary file left


def test_save_is_refused_with_learning_rates_before_training(capsys, folder):
    err = fails_alike(capsys, folder, "linear", "--data", "stackloss", "--standardize",
                      "--learning-rates", "0.1,0.2", "--save", folder / "m.json")
    assert "--save saves one" in err


def test_predict_has_its_own_help(capsys):
    status, out, _ = run(capsys, "pure", "predict", "--help")
    assert status == 0
    for words in ("MODEL.json", "FILE.csv", "--out", "--delimiter", "--decimal"):
        assert words in out
    status, _, err = run(capsys, "pure", "predict", "model.json")
    assert status == 2 and err.count("\n") == 1 and "FILE.csv" in err


# In Python: the model file and pickle

def fitted_models(package):
    """One fitted model per model and solver of a twin, with its data."""
    twin = importlib.import_module(package)
    X = [[0.5, 1.0], [1.5, -0.5], [2.0, 2.5], [3.5, 0.5], [4.0, 3.0], [5.5, 1.5], [1.0, 0.0],
         [4.5, 2.0]]
    y_lin = [2 * a - b + 0.3 for a, b in X]
    y_log = [0, 0, 0, 1, 1, 1, 1, 0]
    y_soft = ["a", "a", "b", "b", "c", "c", "b", "c"]
    return [
        (twin.LinearRegression(learning_rate=0.05, n_iters=50).fit(X, y_lin), X),
        (twin.LinearRegression(solver="normal").fit(X, y_lin), X),
        (twin.LinearRegression(solver="qr").fit(X, y_lin), X),
        (twin.LogisticRegression(n_iters=50, batch_size=3).fit(X, y_log), X),
        (twin.LogisticRegression(solver="newton", l2=0.1).fit(X, y_log), X),
        (twin.SoftmaxRegression(n_iters=50).fit(X, y_soft), X),
        (twin.SoftmaxRegression(n_iters=50).fit(X, [2, 0, 1, 1, 2, 0, 1, 2]), X),
    ]


def outputs_of(model, X):
    kind = type(model).__name__
    if kind == "LinearRegression":
        return [float(v) for v in model.predict(X)]
    values = [float(p) for p in (model.predict_proba(X) if kind == "LogisticRegression" else
                                 [p for row in model.predict_proba(X) for p in row])]
    return values + [str(label) for label in model.predict(X)]


@pytest.mark.parametrize("package", BACKENDS)
def test_pickle_round_trips_every_model_of_both_twins(package):
    scaler = importlib.import_module(package).StandardScaler()
    scaler.fit([[1.0, 2.0], [3.0, 5.0]])
    copy = pickle.loads(pickle.dumps(scaler))
    assert [float(v) for v in copy.transform([[2.0, 2.0]])[0]] == \
        [float(v) for v in scaler.transform([[2.0, 2.0]])[0]]
    for model, X in fitted_models(package):
        copy = pickle.loads(pickle.dumps(model))
        assert type(copy) is type(model) and repr(copy) == repr(model)
        assert outputs_of(copy, X) == outputs_of(model, X)  # exactly
        assert [float(c) for c in copy.cost_history] == [float(c) for c in model.cost_history]


@pytest.mark.parametrize("package", BACKENDS)
def test_the_model_file_loads_into_either_twin_and_predicts_the_same(package):
    for model, X in fitted_models(package):
        n = len(X[0])
        text = modelfile.dumps(model, [f"x{j}" for j in range(n)], "y")
        json.loads(text)  # plain JSON
        for other in BACKENDS:
            loaded = modelfile.loads(text, other)
            assert type(loaded.model).__module__.split(".")[0] == other
            assert repr(loaded.model).replace("verbose=0, ", "") == \
                repr(model).replace("verbose=0, ", "")
            got, want = outputs_of(loaded.model, X), outputs_of(model, X)
            numbers = [v for v in want if isinstance(v, float)]
            assert [v for v in got if isinstance(v, str)] == \
                [v for v in want if isinstance(v, str)]
            assert_all_close([v for v in got if isinstance(v, float)], numbers,
                             what=f"{type(model).__name__} {package} -> {other}")
            if other == package == "pure":
                assert got == want  # every digit written: the same twin predicts exactly


def test_the_model_file_keeps_the_scaler_and_refuses_a_mismatch_of_names():
    X = [[1.0, 10.0], [2.0, 30.0], [3.0, 20.0], [4.0, 50.0]]
    scaler = pure.StandardScaler().fit(X)
    model = pure.LinearRegression(solver="normal").fit(scaler.transform(X), [1.0, 2.0, 2.5, 4.0])
    loaded = modelfile.loads(modelfile.dumps(model, ["a", "b"], "y", scaler), "pure")
    assert loaded.scaler.mean == scaler.mean and loaded.scaler.std == scaler.std
    assert loaded.model.predict(loaded.scaler.transform(X)) == \
        model.predict(scaler.transform(X))
    with pytest.raises(ValueError, match="2 weights but 1 feature names"):
        modelfile.dumps(model, ["a"])
    with pytest.raises(ValueError, match="not fitted"):
        modelfile.dumps(pure.LinearRegression(), ["a"])


def test_the_module_docstring_example_holds():
    import doctest
    assert doctest.testmod(modelfile).failed == 0
