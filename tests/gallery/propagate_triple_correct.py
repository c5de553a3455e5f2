"""Logistic regression as one neuron, from a lab handout: X of shape (n, m), features by
samples, w a flat vector of n weights, and propagate returning the two gradients and the
cost as a triple (dw, db, cost) rather than a dict; optimize returns w, b and a cost
recorded every 100 iterations; the textbook sigmoid 1 / (1 + exp(-z)).

Mathematics: the mean log-loss with its exact gradient X (A - Y)^T / m and mean(A - Y):
correct on the course's data; the sigmoid overflows for z < -709 (a warning).

Expected: pass, warning sigmoid-overflow
Layout: propagate(w, b, X, Y) -> (dj_dw, dj_db, J)
Layout: one neuron
"""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return dw, db, cost


def optimize(w, b, X, Y, num_iterations, learning_rate):
    costs = []
    for i in range(num_iterations):
        dw, db, cost = propagate(w, b, X, Y)
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    return w, b, costs


def predict(w, b, X):
    return (sigmoid(np.dot(w.T, X) + b) > 0.5).astype(int)
