"""Logistic regression as one neuron, as the deep-learning courses teach it: X is (n, m),
features by samples, w an (n, 1) column, Y a (1, m) row; propagate returns the gradients
as a dict with the cost, optimize returns the parameters, the last gradients and the
costs every 100 iterations, predict a (1, m) row of labels.

Mathematics: A = sigmoid(w^T X + b), the mean log-loss, dw = X (A - Y)^T / m, db = mean(A - Y):
the reference. The textbook sigmoid and log(A): robustness warnings only.

Expected: pass, warning sigmoid-overflow
Layout: one neuron: X as (n, m)
"""

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, np.squeeze(np.array(cost))


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"cost after iteration {i}: {cost:f}")
    return {"w": w, "b": b}, grads, costs


def predict(w, b, X):
    A = sigmoid(np.dot(w.reshape(X.shape[0], 1).T, X) + b)
    return (A > 0.5).astype(float)
