"""One file with both models written as one neuron (X of shape (n, m), w an (n, 1)
column, Y a (1, m) row), as a deep-learning examples repository keeps them: a sigmoid
that returns (A, cache), logistic_propagate and linear_propagate sharing one backward
pass that returns {"dw", "db"} with the mean of (A - Y). The linear cost is the mean
squared error 1/m sum (A - Y)^2, without the 1/2.

Mathematics: the shared gradient X (A - Y)^T / m is the derivative of 1/(2m) sum (A - Y)^2,
so linear_propagate's cost is twice the cost its own gradient descends: a missing 1/2
(the logistic half is correct; its sigmoid overflows for z < -709, a warning). The
functions named linear are checked as linear regression although the file defines a
sigmoid.

Expected: factor-2
Layout: model linear (the function's name says so)
Layout: sigmoid returns (sigmoid(z), cache)
"""

import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z)), Z


def forward_linear(w, b, X):
    return np.dot(w.T, X) + b


def backward(X, A, Y, m):
    dz = A - Y
    return {"dw": np.dot(X, dz.T) / m, "db": float(np.sum(dz)) / m}


def logistic_propagate(w, b, X, Y):
    m = X.shape[1]
    A, _ = sigmoid(forward_linear(w, b, X))
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    return backward(X, A, Y, m), float(np.squeeze(cost))


def linear_propagate(w, b, X, Y):
    m = X.shape[1]
    A = forward_linear(w, b, X)
    cost = float(np.sum(np.square(A - Y)) / m)
    return backward(X, A, Y, m), cost
