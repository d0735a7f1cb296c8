#!/usr/bin/env python3
"""The textbook's NumPy 4-8-4-1 network (seed 001 §3.2, Listing 5), timed.

    python3 numpy_seed4841.py [--epochs 1000] [--seed 42]

Prints one line: `seconds=<training loop only> loss=<final loss> acc=<train accuracy>`.

The class below keeps the listing's array layout and operations (W is fan_out x fan_in, b a column
vector, X.dot(W.T) + b.T, the clipped sigmoid, the (1/m) gradients, a loss evaluation every epoch) so
that the timing is the textbook's code, not a tuned rewrite. Only printing is removed from train().
`loss` and `acc` are measured on the training set with the final parameters (after the last update).
"""

import argparse
import time

import numpy as np


class SimpleNeuralNetwork:
    """简易三层神经网络 (Listing 5)"""

    def __init__(self, input_size=4, hidden1_size=8, hidden2_size=4, output_size=1):
        # He initialisation, randn * sqrt(2 / fan_in), zero biases (the listing's comment says Xavier).
        self.W1 = np.random.randn(hidden1_size, input_size) * np.sqrt(2.0 / input_size)
        self.b1 = np.zeros((hidden1_size, 1))

        self.W2 = np.random.randn(hidden2_size, hidden1_size) * np.sqrt(2.0 / hidden1_size)
        self.b2 = np.zeros((hidden2_size, 1))

        self.W3 = np.random.randn(output_size, hidden2_size) * np.sqrt(2.0 / hidden2_size)
        self.b3 = np.zeros((output_size, 1))

    def relu(self, x):
        return np.maximum(0, x)

    def relu_derivative(self, x):
        return (x > 0).astype(float)

    def sigmoid(self, x):
        x = np.clip(x, -500, 500)  # 防止溢出
        return 1 / (1 + np.exp(-x))

    def forward(self, X):
        self.z1 = X.dot(self.W1.T) + self.b1.T
        self.a1 = self.relu(self.z1)

        self.z2 = self.a1.dot(self.W2.T) + self.b2.T
        self.a2 = self.relu(self.z2)

        self.z3 = self.a2.dot(self.W3.T) + self.b3.T
        self.a3 = self.sigmoid(self.z3)
        return self.a3

    def backward(self, X, y, y_pred):
        m = X.shape[0]

        dz3 = y_pred - y
        dW3 = (1 / m) * dz3.T.dot(self.a2)
        db3 = (1 / m) * np.sum(dz3, axis=0, keepdims=True).T

        da2 = dz3.dot(self.W3)
        dz2 = da2 * self.relu_derivative(self.z2)
        dW2 = (1 / m) * dz2.T.dot(self.a1)
        db2 = (1 / m) * np.sum(dz2, axis=0, keepdims=True).T

        da1 = dz2.dot(self.W2)
        dz1 = da1 * self.relu_derivative(self.z1)
        dW1 = (1 / m) * dz1.T.dot(X)
        db1 = (1 / m) * np.sum(dz1, axis=0, keepdims=True).T

        return dW1, db1, dW2, db2, dW3, db3

    def update_parameters(self, dW1, db1, dW2, db2, dW3, db3, learning_rate):
        self.W1 -= learning_rate * dW1
        self.b1 -= learning_rate * db1
        self.W2 -= learning_rate * dW2
        self.b2 -= learning_rate * db2
        self.W3 -= learning_rate * dW3
        self.b3 -= learning_rate * db3

    def compute_loss(self, y_pred, y):
        m = y.shape[0]
        epsilon = 1e-15
        y_pred = np.clip(y_pred, epsilon, 1 - epsilon)
        return -(1 / m) * np.sum(y * np.log(y_pred) + (1 - y) * np.log(1 - y_pred))

    def train(self, X_train, y_train, epochs=1000, learning_rate=0.01):
        losses = []
        for _ in range(epochs):
            y_pred = self.forward(X_train)
            loss = self.compute_loss(y_pred, y_train)
            losses.append(loss)
            grads = self.backward(X_train, y_train, y_pred)
            self.update_parameters(*grads, learning_rate)
        return losses

    def predict(self, X):
        return self.forward(X)

    def predict_class(self, X, threshold=0.5):
        return (self.predict(X) > threshold).astype(int)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    # Same order of random draws as the listing: data first, then the weights.
    np.random.seed(args.seed)
    n_samples = 1000
    X_train = np.random.randn(n_samples, 4)
    y_train = (X_train.sum(axis=1) > 0).astype(float).reshape(-1, 1)
    model = SimpleNeuralNetwork(input_size=4, hidden1_size=8, hidden2_size=4, output_size=1)

    start = time.perf_counter()
    model.train(X_train, y_train, epochs=args.epochs, learning_rate=0.01)
    seconds = time.perf_counter() - start

    loss = model.compute_loss(model.predict(X_train), y_train)
    acc = float(np.mean(model.predict_class(X_train) == y_train))
    print(f"seconds={seconds:.6f} loss={loss:.10f} acc={acc:.4f}")


if __name__ == "__main__":
    main()
