"""``help(Model)`` stands on its own: it names no part of the source that help() cannot
show (a ``# ---- ...`` section, a comment), and says what each solver does."""

import importlib.util
import inspect
import pydoc
import re

import pytest

import pure

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
PACKAGES = [pure]
if HAVE_NUMPY:
    import vectorized
    PACKAGES.append(vectorized)
CLASSES = ["LinearRegression", "LogisticRegression", "SoftmaxRegression", "StandardScaler"]
SOLVERS = {"LinearRegression": {"gd": "gradient descent", "normal": "normal equation",
                                "qr": "Householder"},
           "LogisticRegression": {"gd": "gradient descent", "newton": "Newton's method"}}


def help_text(cls):
    return pydoc.render_doc(cls, renderer=pydoc.plaintext)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", CLASSES)
def test_help_points_to_nothing_it_cannot_show(package, name):
    cls = getattr(package, name)
    text = help_text(cls)
    sections = re.findall(r"^# -{3,} (.+?)(?::| -{3,}|$)", inspect.getsource(
        inspect.getmodule(cls)), re.M)
    assert sections, "the lesson file has its sections"
    for title in sections:
        assert f'"{title.strip()}"' not in text, f"help({name}) points to the section {title!r}"
    assert not re.search(r'\bsee "[^"]+"', text), re.search(r'\bsee "[^"]+"', text).group()


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("name", sorted(SOLVERS))
def test_help_says_what_each_solver_does(package, name):
    doc = getattr(package, name).__doc__
    entry = doc[doc.index("solver :"):doc.index("record_params :")]
    for solver, words in SOLVERS[name].items():
        assert f'"{solver}": ' in entry and words in entry, (name, solver)
