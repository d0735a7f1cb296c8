"""Hand-computed convolution and pooling cases: the request and every expected number written out.

make_conv_cases.py writes each REQUEST as a case file; compare_conv_cli.py holds both the CLI and
conv_reference.py to the EXPECTED numbers below (as well as to each other). The arithmetic is in
the comments, so a reader can check it with pencil and paper. Notation: x(r, t) is input row r,
column t; out-of-range cells (padding) are 0; g is grad_output.
"""

# ---------------------------------------------------------------------------------------------
# 1. A 4×4 input, one 3×3 kernel, stride 1, no padding → 2×2 output; with grad_output.
#
#    x(r, t) = 4r + t + 1, i.e. 1..16 row by row.      K = [ 1  0 -1 ]     b = 0.5
#                                                          [ 2  1  0 ]
#                                                          [ 0 -1  1 ]
#    O = ⌊(4 + 0 − 1·(3 − 1) − 1)/1⌋ + 1 = 2.
#    Forward: x(i+u, j+v) = (4i + j) + (4u + v + 1), so
#      y(i, j) = b + (4i + j)·ΣK + Σ K(u,v)(4u + v + 1),    ΣK = 3,
#      Σ K(u,v)(4u+v+1) = (1·1 + 0·2 − 1·3) + (2·5 + 1·6 + 0·7) + (0·9 − 1·10 + 1·11) = −2 + 16 + 1 = 15
#      y = 0.5 + 15 + 3·(4i + j):  y(0,0) = 15.5, y(0,1) = 18.5, y(1,0) = 27.5, y(1,1) = 30.5.
#      (Check y(0,0) directly: 1·1 − 1·3 + 2·5 + 1·6 − 1·10 + 1·11 + 0.5 = 15.5.)
#    Backward with g = [[1, 2], [3, 4]]:
#      ∂b = Σg = 10.
#      ∂K(u,v) = Σ g(i,j) x(i+u, j+v) = Σ g(i,j)(4i + j) + Σg·(4u + v + 1)
#              = (1·0 + 2·1 + 3·4 + 4·5) + 10(4u + v + 1) = 34 + 10 + 40u + 10v = 44 + 40u + 10v.
#      ∂x = g(0,0)·K placed at (0,0) + g(0,1)·K at (0,1) + g(1,0)·K at (1,0) + g(1,1)·K at (1,1):
#        row 0: [1,            0 + 2·1,                  −1 + 2·0,                2·(−1)      ] = [1, 2, −1, −2]
#        row 1: [2 + 3·1,      1 + 2·2 + 3·0 + 4·1,      0 + 2·1 + 3·(−1) + 4·0,  2·0 + 4·(−1)] = [5, 9, −1, −4]
#        row 2: [0 + 3·2,     −1 + 2·0 + 3·1 + 4·2,      1 + 2·(−1) + 3·0 + 4·1,  2·1 + 4·0   ] = [6, 10, 3, 2]
#        row 3: [3·0,          3·(−1) + 4·0,             3·1 + 4·(−1),            4·1         ] = [0, −3, −1, 4]
#      (Check: Σ∂x = Σg·ΣK = 10·3 = 30; the rows sum to 0 + 9 + 21 + 0.)
#    params = 1·1·3·3 + 1 = 10.
# ---------------------------------------------------------------------------------------------
BASIC_REQUEST = {
    "input": [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]],
    "kernel": [[[[1, 0, -1], [2, 1, 0], [0, -1, 1]]]],
    "bias": [0.5],
    "stride": 1, "padding": 0, "dilation": 1,
    "grad_output": [[[1, 2], [3, 4]]],
}
BASIC_EXPECTED = {
    "output": [[[15.5, 18.5], [27.5, 30.5]]],
    "params": 10,
    "grad_input": [[[1, 2, -1, -2], [5, 9, -1, -4], [6, 10, 3, 2], [0, -3, -1, 4]]],
    "grad_kernel": [[[[44, 54, 64], [84, 94, 104], [124, 134, 144]]]],
    "grad_bias": [10],
}

# ---------------------------------------------------------------------------------------------
# 2. Dilation 2 with padding 2 ("same" size): a 3×3 input, a 3×3 kernel → 3×3 output; no
#    grad_output, so the answer has no gradients.
#
#    x = [1 2 3; 4 5 6; 7 8 9],  K = [1 2 3; 4 5 6; 7 8 9],  b = −1.
#    O = ⌊(3 + 2·2 − 2·(3 − 1) − 1)/1⌋ + 1 = 3; the dilated kernel spans 5 cells.
#    y(i, j) = b + Σ K(u,v) x(i + 2u − 2, j + 2v − 2): only rows i + 2u − 2 ∈ {0, 1, 2} count, so
#    row i = 0 uses u ∈ {1, 2} (rows 0, 2), i = 1 uses u = 1 (row 1), i = 2 uses u ∈ {0, 1} (rows 0, 2);
#    columns likewise.
#      y(0,0) = K11·x00 + K12·x02 + K21·x20 + K22·x22 = 5·1 + 6·3 + 8·7 + 9·9 = 160 → 159
#      y(0,1) = K11·x01 + K21·x21                     = 5·2 + 8·8             =  74 →  73
#      y(0,2) = K10·x00 + K11·x02 + K20·x20 + K21·x22 = 4·1 + 5·3 + 7·7 + 8·9 = 140 → 139
#      y(1,0) = K11·x10 + K12·x12                     = 5·4 + 6·6             =  56 →  55
#      y(1,1) = K11·x11                               = 5·5                   =  25 →  24
#      y(1,2) = K10·x10 + K11·x12                     = 4·4 + 5·6             =  46 →  45
#      y(2,0) = K01·x00 + K02·x02 + K11·x20 + K12·x22 = 2·1 + 3·3 + 5·7 + 6·9 = 100 →  99
#      y(2,1) = K01·x01 + K11·x21                     = 2·2 + 5·8             =  44 →  43
#      y(2,2) = K00·x00 + K01·x02 + K10·x20 + K11·x22 = 1·1 + 2·3 + 4·7 + 5·9 =  80 →  79
#    params = 9 + 1 = 10.
# ---------------------------------------------------------------------------------------------
DILATED_REQUEST = {
    "input": [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]],
    "kernel": [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]],
    "bias": [-1],
    "stride": 1, "padding": 2, "dilation": 2,
}
DILATED_EXPECTED = {
    "output": [[[159, 73, 139], [55, 24, 45], [99, 43, 79]]],
    "params": 10,
}

# ---------------------------------------------------------------------------------------------
# 3. Stride 2, padding 1, two input channels: a 2×4×4 input, one 2×3×3 kernel → 2×2 output.
#
#    channel 0: x(r, t) = 4r + t + 1 (1..16),       kernel channel 0: all ones
#    channel 1: x' = [1 0 2 0; 0 0 0 0; 3 0 4 0; 0 0 0 0],  kernel channel 1: 2 at the centre, else 0
#    b = 0.25.   O = ⌊(4 + 2·1 − 1·(3 − 1) − 1)/2⌋ + 1 = ⌊3/2⌋ + 1 = 2.
#    Window (i, j) covers input rows 2i − 1 … 2i + 1 and columns 2j − 1 … 2j + 1.
#    Channel 0 sums the window's cells that are inside the input:
#      (0,0): rows 0–1, cols 0–1: 1 + 2 + 5 + 6                          = 14
#      (0,1): rows 0–1, cols 1–3: 2 + 3 + 4 + 6 + 7 + 8                  = 30
#      (1,0): rows 1–3, cols 0–1: 5 + 6 + 9 + 10 + 13 + 14               = 57
#      (1,1): rows 1–3, cols 1–3: 6 + 7 + 8 + 10 + 11 + 12 + 14 + 15 + 16 = 99
#    Channel 1 adds 2·x'(2i, 2j): 2·1, 2·2, 2·3, 2·4.
#    y = [14 + 2 + 0.25, 30 + 4 + 0.25; 57 + 6 + 0.25, 99 + 8 + 0.25] = [16.25 34.25; 63.25 107.25].
#    Backward with g = [[1, −1], [2, 0.5]]:
#      ∂b = 1 − 1 + 2 + 0.5 = 2.5.
#      ∂K[0](u,v) = Σ g(i,j) x(2i + u − 1, 2j + v − 1):
#        u=0: v=0: 0.5·x(1,1) = 3;  v=1: 2·x(1,0) + 0.5·x(1,2) = 10 + 3.5 = 13.5;  v=2: 2·6 + 0.5·8 = 16
#        u=1: v=0: −1·x(0,1) + 0.5·x(2,1) = −2 + 5 = 3
#             v=1: 1·x(0,0) − 1·x(0,2) + 2·x(2,0) + 0.5·x(2,2) = 1 − 3 + 18 + 5.5 = 21.5
#             v=2: 1·x(0,1) − 1·x(0,3) + 2·x(2,1) + 0.5·x(2,3) = 2 − 4 + 20 + 6 = 24
#        u=2: v=0: −1·x(1,1) + 0.5·x(3,1) = −6 + 7 = 1
#             v=1: 1·x(1,0) − 1·x(1,2) + 2·x(3,0) + 0.5·x(3,2) = 5 − 7 + 26 + 7.5 = 31.5
#             v=2: 1·x(1,1) − 1·x(1,3) + 2·x(3,1) + 0.5·x(3,3) = 6 − 8 + 28 + 8 = 34
#      ∂K[1](u,v): x' is non-zero only at even rows and columns, reached only by u = v = 1:
#        ∂K[1](1,1) = Σ g(i,j) x'(2i, 2j) = 1·1 − 1·2 + 2·3 + 0.5·4 = 7, every other entry 0.
#      ∂x[0](r,t) = Σ of g over the windows covering (r,t) (the kernel is all ones). Row r is covered
#        by window row i = 0 if r ≤ 1 and i = 1 if r ≥ 1; columns likewise:
#        row 0: [g00, g00 + g01, g01, g01]                        = [1, 0, −1, −1]
#        row 1: [g00 + g10, Σg, g01 + g11, g01 + g11]             = [3, 2.5, −0.5, −0.5]
#        rows 2 and 3: [g10, g10 + g11, g11, g11]                 = [2, 2.5, 0.5, 0.5]
#      ∂x[1](2i, 2j) = 2·g(i,j), every other entry 0: [2 0 −2 0; 0 0 0 0; 4 0 1 0; 0 0 0 0].
#    params = 1·2·3·3 + 1 = 19.
# ---------------------------------------------------------------------------------------------
STRIDED_REQUEST = {
    "input": [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]],
              [[1, 0, 2, 0], [0, 0, 0, 0], [3, 0, 4, 0], [0, 0, 0, 0]]],
    "kernel": [[[[1, 1, 1], [1, 1, 1], [1, 1, 1]], [[0, 0, 0], [0, 2, 0], [0, 0, 0]]]],
    "bias": [0.25],
    "stride": 2, "padding": 1,
    "grad_output": [[[1, -1], [2, 0.5]]],
}
STRIDED_EXPECTED = {
    "output": [[[16.25, 34.25], [63.25, 107.25]]],
    "params": 19,
    "grad_input": [[[1, 0, -1, -1], [3, 2.5, -0.5, -0.5], [2, 2.5, 0.5, 0.5], [2, 2.5, 0.5, 0.5]],
                   [[2, 0, -2, 0], [0, 0, 0, 0], [4, 0, 1, 0], [0, 0, 0, 0]]],
    "grad_kernel": [[[[3, 13.5, 16], [3, 21.5, 24], [1, 31.5, 34]], [[0, 0, 0], [0, 7, 0], [0, 0, 0]]]],
    "grad_bias": [2.5],
}

# ---------------------------------------------------------------------------------------------
# 4. 2×2 pooling, stride 2, of a 4×4 input with ties in three of its four windows.
#
#    x = [ 1  3 | 2  2 ]      windows (row-major inside each):
#        [ 3  0 | 2  2 ]        top-left     1 3 3 0     max 3, first at (0,1) (tie with (1,0))
#        [ 0  0 | 5  1 ]        top-right    2 2 2 2     max 2, first at (0,2) (four-way tie)
#        [−1 −2 | 1  5 ]        bottom-left  0 0 −1 −2   max 0, first at (2,0) (tie with (2,1))
#                               bottom-right 5 1 1 5     max 5, first at (2,2) (tie with (3,3))
#    max: y = [3 2; 0 5]; with g = [[1, 2], [3, 4]] each g goes to its window's first maximum:
#         ∂x = [0 1 2 0; 0 0 0 0; 3 0 4 0; 0 0 0 0].
#    avg: y = [(1+3+3+0)/4, (2+2+2+2)/4; (0+0−1−2)/4, (5+1+1+5)/4] = [1.75 2; −0.75 3];
#         every cell of window (i,j) gets g(i,j)/4:
#         ∂x = [0.25 0.25 0.5 0.5; 0.25 0.25 0.5 0.5; 0.75 0.75 1 1; 0.75 0.75 1 1].
# ---------------------------------------------------------------------------------------------
_POOL_INPUT = [[[1, 3, 2, 2], [3, 0, 2, 2], [0, 0, 5, 1], [-1, -2, 1, 5]]]
MAX_TIES_REQUEST = {"input": _POOL_INPUT, "kind": "max", "size": 2, "stride": 2,
                    "grad_output": [[[1, 2], [3, 4]]]}
MAX_TIES_EXPECTED = {
    "output": [[[3, 2], [0, 5]]],
    "grad_input": [[[0, 1, 2, 0], [0, 0, 0, 0], [3, 0, 4, 0], [0, 0, 0, 0]]],
}
AVG_REQUEST = {"input": _POOL_INPUT, "kind": "avg", "size": 2,
               "grad_output": [[[1, 2], [3, 4]]]}
AVG_EXPECTED = {
    "output": [[[1.75, 2], [-0.75, 3]]],
    "grad_input": [[[0.25, 0.25, 0.5, 0.5], [0.25, 0.25, 0.5, 0.5], [0.75, 0.75, 1, 1], [0.75, 0.75, 1, 1]]],
}

# Case file name (without .json) → (request, expected answer). The prefix names the verb.
CASES = {
    "conv_textbook_4x4_3x3": (BASIC_REQUEST, BASIC_EXPECTED),
    "conv_textbook_dilation2_padding2": (DILATED_REQUEST, DILATED_EXPECTED),
    "conv_textbook_stride2_padding1_2ch": (STRIDED_REQUEST, STRIDED_EXPECTED),
    "pool_textbook_max_ties": (MAX_TIES_REQUEST, MAX_TIES_EXPECTED),
    "pool_textbook_avg": (AVG_REQUEST, AVG_EXPECTED),
}
