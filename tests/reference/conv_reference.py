"""Independent float64 reference for the CLI's conv and pool verbs: direct loops over the textbook
formulas (seed 000 §2.1, seed 001 eqs. 47-50), nothing shared with the C++ core.

conv:  z[o, i, j] = b[o] + sum_c sum_u sum_v K[o, c, u, v] * x[c, i*s - p + u*d, j*s - p + v*d]
pool:  max (the first maximum in row-major order wins) or the mean over a k x k window, no padding.
"""
import numpy as np


def out_size(size, k, s, p, d):
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


def conv_forward(x, kernel, bias, s, p, d):
    C, H, W = x.shape
    O, _, kh, kw = kernel.shape
    Ho, Wo = out_size(H, kh, s, p, d), out_size(W, kw, s, p, d)
    z = np.zeros((O, Ho, Wo))
    for o in range(O):
        for i in range(Ho):
            for j in range(Wo):
                total = bias[o]
                for c in range(C):
                    for u in range(kh):
                        for v in range(kw):
                            r, q = i * s - p + u * d, j * s - p + v * d
                            if 0 <= r < H and 0 <= q < W:
                                total += kernel[o, c, u, v] * x[c, r, q]
                z[o, i, j] = total
    return z


def conv_backward(x, kernel, s, p, d, g):
    C, H, W = x.shape
    O, _, kh, kw = kernel.shape
    gx, gk, gb = np.zeros_like(x), np.zeros_like(kernel), g.sum(axis=(1, 2))
    for o in range(O):
        for i in range(g.shape[1]):
            for j in range(g.shape[2]):
                for c in range(C):
                    for u in range(kh):
                        for v in range(kw):
                            r, q = i * s - p + u * d, j * s - p + v * d
                            if 0 <= r < H and 0 <= q < W:
                                gk[o, c, u, v] += g[o, i, j] * x[c, r, q]
                                gx[c, r, q] += g[o, i, j] * kernel[o, c, u, v]
    return gx, gk, gb


def pool_forward_backward(x, kind, k, s, g=None):
    C, H, W = x.shape
    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1
    y = np.zeros((C, Ho, Wo))
    gx = np.zeros_like(x)
    for c in range(C):
        for i in range(Ho):
            for j in range(Wo):
                window = x[c, i * s:i * s + k, j * s:j * s + k]
                if kind == "max":
                    flat = int(np.argmax(window))  # numpy returns the first maximum
                    u, v = divmod(flat, k)
                    y[c, i, j] = window[u, v]
                    if g is not None:
                        gx[c, i * s + u, j * s + v] += g[c, i, j]
                else:
                    y[c, i, j] = window.sum() / (k * k)
                    if g is not None:
                        gx[c, i * s:i * s + k, j * s:j * s + k] += g[c, i, j] / (k * k)
    return y, gx
