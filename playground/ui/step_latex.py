"""The learning step as typeset maths: LaTeX built only from numbers and our own symbols.

Nothing a user typed (CSV column or class names) ever reaches these strings: features,
neurons and classes are numbered (x_1, a^{[1]}_2, class k); the page shows the names
beside them as plain text. Layer l = 1..L; a^{[0]} = x, the scaled inputs.

A line holds at most PER_ROW terms of a sum (or one of two statements): the page's column
is 358 px on a phone, where a line of four products ran far past it. Sums go on over
further lines, biases are columns; the page draws a line still too wide a little smaller
(ui/page_js/fit_equations.js).
"""

import math

import numpy as np

MAX_TERMS = 4  # terms of a sum shown; a longer one: its largest, and the rest summed up
WIDE = 6  # significant digits of a weight before and after its update (it moves little)
PER_ROW = 2  # terms of a sum on one line: two products of 4-digit numbers fit a phone

ACTIVATION_FORMULAS = {
    "tanh": (r"\tanh(z)", r"1 - a^2"),
    "sigmoid": (r"\sigma(z) = \frac{1}{1 + e^{-z}}", r"a\,(1 - a)"),
    "relu": (r"\max(0, z)", r"1 \text{ if } z > 0 \text{ else } 0"),
    "leaky_relu": (r"\max(0.01 z, z)", r"1 \text{ if } z > 0 \text{ else } 0.01"),
    "elu": (r"z \text{ if } z > 0 \text{ else } e^z - 1",
            r"1 \text{ if } z > 0 \text{ else } a + 1"),
    "linear": (r"z", r"1"),
    "swish": (r"z\,\sigma(z)", r"\sigma(z) + a\,(1 - \sigma(z))"),
    "gelu": (r"\tfrac{z}{2}\,(1 + \tanh(\sqrt{2/\pi}\,(z + 0.044715 z^3)))",
             r"\text{(its derivative)}"),
    "softmax": (r"\frac{e^{z_j}}{\sum_k e^{z_k}}", r"\text{(a Jacobian)}"),
}  # fmt: skip

LOSS_FORMULAS = {
    "bce": r"L = -\big[y \log \hat y + (1 - y) \log(1 - \hat y)\big]",
    "cce": r"L = -\sum_k y_k \log \hat y_k",
    "mse": r"L = \tfrac12 \sum_k (\hat y_k - y_k)^2",
}

UPDATE_FORMULAS = {
    "sgd": [r"w \leftarrow w - \eta\, g"],
    "momentum": [r"v \leftarrow \mu\, v + g", r"w \leftarrow w - \eta\, v"],
    "rmsprop": [r"s \leftarrow \alpha\, s + (1 - \alpha)\, g^2",
                r"w \leftarrow w - \eta\, \frac{g}{\sqrt{s} + \epsilon}"],
    "adam": [r"m \leftarrow \beta_1 m + (1 - \beta_1)\, g",
             r"v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2",
             r"\hat m = \frac{m}{1 - \beta_1^t}, \quad \hat v = \frac{v}{1 - \beta_2^t}",
             r"w \leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}"],
}  # fmt: skip

STATE_SYMBOLS = {"buffer": "v", "square_avg": "s", "exp_avg": "m", "exp_avg_sq": "v"}

DELTA_RULES = {
    "natural": r"\delta^{[L]} = \hat y - y",
    "squashed": r"\delta^{[L]} = (\hat y - y) \odot f'(z^{[L]})",
    "softmax_mse": r"\delta^{[L]}_j = \hat y_j \big(g_j - \textstyle\sum_k \hat y_k g_k\big),"
                   r"\ g = \hat y - y",
}  # fmt: skip


def num(value: float, digits: int = 4) -> str:
    """A number in LaTeX with `digits` significant digits (1.2 \\times 10^{-5} style)."""
    value = float(value)
    if not math.isfinite(value):
        return r"\infty" if value > 0 else (r"-\infty" if value < 0 else r"\text{NaN}")
    text = f"{value:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def paren(value: float) -> str:
    """The number, in parentheses when negative (for products)."""
    text = num(value)
    return f"({text})" if text.startswith("-") else text


def matrix(values: np.ndarray, digits: int = 4) -> str:
    """A (rows, columns) or (n,) array as a bmatrix (a vector as one row)."""
    values = np.atleast_2d(values)
    rows = [" & ".join(num(v, digits) for v in row) for row in values]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def before_after(symbol: str, before: np.ndarray, after: np.ndarray) -> str:
    """symbol: [before] on one line, -> [after] under it (WIDE digits: they move little);
    a vector (a bias, (n,)) as two columns side by side: a row of n numbers of WIDE
    digits ran off a phone."""
    if np.ndim(before) == 1:
        column = [matrix(np.reshape(v, (-1, 1)), WIDE) for v in (before, after)]
        return rf"{symbol} = {column[0]} \to {column[1]}"
    return (
        rf"\begin{{aligned}} {symbol} &= {matrix(before, WIDE)} \\ "
        rf"&\to {matrix(after, WIDE)} \end{{aligned}}"
    )


def aligned(lines: list[str]) -> str:
    """Lines (each with one & where they align) as an aligned block."""
    return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"


def _continued(first: str, terms: list[str], last: str = "") -> list[str]:
    """Aligned lines: `first` then the terms, PER_ROW a line ('&= t1 + t2', then
    a quad and '+ t3 + t4', ...), `last` at the end of the last line."""
    rows = [" + ".join(terms[k : k + PER_ROW]) for k in range(0, len(terms), PER_ROW)]
    lines = [first + rows[0]] + [r"&\quad + " + row for row in rows[1:]]
    lines[-1] += last
    return lines


def _sum_terms(pairs: list[tuple[float, float]]) -> list[str]:
    """The terms of w_1 a_1 + w_2 a_2 + ... with the numbers; only the MAX_TERMS largest
    |w a| of a long sum, the others added up as one number."""
    order = list(range(len(pairs)))
    if len(pairs) > MAX_TERMS:
        # one term's room goes to the sum of the others
        order = sorted(order, key=lambda i: -abs(pairs[i][0] * pairs[i][1]))[: MAX_TERMS - 1]
    shown = [f"{paren(w)} \\cdot {paren(a)}" for w, a in (pairs[i] for i in order)]
    rest = len(pairs) - len(order)
    if rest:
        others = sum(w * a for i, (w, a) in enumerate(pairs) if i not in order)
        shown.append(rf"\underbrace{{{paren(others)}}}_{{\text{{{rest} more terms}}}}")
    return shown


def neuron_forward(layer: int, j: int, inputs, weights, bias, z, a, activation) -> str:
    """z^{[l]}_j = sum_i w_ij a_i + b_j = ... = z; a = f(z) = ... for neuron j (0-based)
    of layer l; inputs (fan_in,), weights (fan_in,) its incoming weights."""
    below = "x" if layer == 1 else f"a^{{[{layer - 1}]}}"
    terms = _sum_terms(list(zip(weights, inputs, strict=True)))
    name = r"\mathrm{" + activation.replace("_", r"\_") + "}"
    if activation == "softmax":
        f = rf"\mathrm{{softmax}}(z^{{[{layer}]}})_{{{j + 1}}}"
    else:
        f = rf"{name}({num(z)})"
    head = (
        rf"z^{{[{layer}]}}_{{{j + 1}}} &= \sum_i w^{{[{layer}]}}_{{i,{j + 1}}} {below}_i + "
        rf"b^{{[{layer}]}}_{{{j + 1}}}"
    )
    sums = _continued("&= ", terms, f" + {paren(bias)} = {num(z)}")  # the bias: short
    return aligned([head, *sums, rf"a^{{[{layer}]}}_{{{j + 1}}} &= {f} = {num(a)}"])


def hidden_delta(
    layer: int, j: int, upstream: float, slope: float, delta: float, weights_above, deltas_above
) -> str:
    """delta^{[l]}_j = (sum_k w_jk delta^{[l+1]}_k) f'(z_j) with the numbers."""
    terms = _sum_terms(list(zip(weights_above, deltas_above, strict=True)))
    head = (
        rf"\delta^{{[{layer}]}}_{{{j + 1}}} &= \Big(\sum_k w^{{[{layer + 1}]}}_{{{j + 1},k}}"
        rf"\,\delta^{{[{layer + 1}]}}_k\Big) f'(z^{{[{layer}]}}_{{{j + 1}}})"
    )
    sums = _continued("&= (", terms, rf") \cdot {paren(slope)}")
    return aligned([head, *sums, rf"&= {paren(upstream)} \cdot {paren(slope)} = {num(delta)}"])


def output_delta(rule: str, j: int, y_hat: float, y: float, delta: float, slope=None) -> str:
    """The output's delta for neuron j with the numbers."""
    head = rf"\delta^{{[L]}}_{{{j + 1}}} = "
    if rule == "natural":
        return (
            head + rf"\hat y_{{{j + 1}}} - y_{{{j + 1}}} = {num(y_hat)} - {paren(y)} = {num(delta)}"
        )
    if rule == "squashed":
        k = j + 1
        return aligned([
            rf"\delta^{{[L]}}_{{{k}}} &= (\hat y_{{{k}}} - y_{{{k}}})\, f'(z_{{{k}}})",
            rf"&= ({num(y_hat)} - {paren(y)}) \cdot {paren(slope)} = {num(delta)}",
        ])  # fmt: skip
    return head + num(delta)


def rows_of(items: list[str], per_row: int = PER_ROW) -> str:
    """Items in centred rows of per_row (a list too long for one line; three a row of
    'w_{12,3} = -0.0123' ran off a phone)."""
    rows = [r",\ ".join(items[k : k + per_row]) for k in range(0, len(items), per_row)]
    return r"\begin{gathered}" + r" \\ ".join(rows) + r"\end{gathered}"


def output_deltas(rule: str, y_hat, y, delta) -> str:
    """All the output's deltas (k,) at once, as column vectors (natural rule: delta =
    y_hat - y; the other rules: the result only)."""
    column = [matrix(np.reshape(v, (-1, 1)), 3) for v in (y_hat, y, delta)]
    if rule == "natural":
        return rf"\delta^{{[L]}} = \hat y - y = {column[0]} - {column[1]} = {column[2]}"
    return rf"\delta^{{[L]}} = {column[2]}"


def sample_loss(loss: str, y_hat, y, value: float) -> str:
    """The loss formula with this sample's numbers substituted."""
    if loss == "bce":
        p, t = float(y_hat[0]), float(y[0])
        chosen = rf"-\log {paren(p)}" if t == 1 else rf"-\log(1 - {num(p)})"
        return rf"L = {chosen} = {num(value)}"
    if loss == "cce":
        k = int(np.argmax(y))
        return rf"L = -\log \hat y_{{{k + 1}}} = -\log {num(y_hat[k])} = {num(value)}"
    pairs = list(zip(y_hat, y, strict=True))
    order = range(len(pairs))
    if len(pairs) > MAX_TERMS:  # a copy of 64 pixels: its largest errors, the rest summed
        order = sorted(order, key=lambda k: -abs(pairs[k][0] - pairs[k][1]))[: MAX_TERMS - 1]
    terms = [rf"({num(pairs[k][0])} - {paren(pairs[k][1])})^2" for k in order]
    rest = len(pairs) - len(order)
    if rest:
        others = sum((p - t) ** 2 for k, (p, t) in enumerate(pairs) if k not in order)
        terms.append(rf"\underbrace{{{num(others)}}}_{{\text{{{rest} more terms}}}}")
    return aligned(_continued(r"L &= \tfrac12 \big[", terms, rf"\big] = {num(value)}"))


def _then(step: str, result: str) -> str:
    """'step' on one line, '= result' under it."""
    return aligned([step, f"&= {result}"])


def parameter_update(
    rule: str,
    symbol: str,
    before: float,
    g: float,
    after: float,
    state_before: dict,
    state_after: dict,
    hyper,
    t: int,
) -> list[str]:
    """One parameter's update with the numbers: the state's new values, then the weight."""
    eta = num(hyper.learning_rate)
    before, after = num(before, WIDE), num(after, WIDE)
    if rule == "sgd":
        return [rf"{symbol} \leftarrow {before} - {eta} \cdot {paren(g)} = {after}"]
    lines = []
    if rule == "momentum":
        v0, v1 = state_before["buffer"], state_after["buffer"]
        lines.append(_then(rf"v &\leftarrow {num(hyper.momentum)} \cdot {paren(v0)} + {paren(g)}",
                           num(v1)))  # fmt: skip
        lines.append(rf"{symbol} \leftarrow {before} - {eta} \cdot {paren(v1)} = {after}")
        return lines
    if rule == "rmsprop":
        s0, s1 = state_before["square_avg"], state_after["square_avg"]
        alpha = num(hyper.alpha)
        lines.append(
            _then(rf"s &\leftarrow {alpha} \cdot {num(s0)} + (1 - {alpha}) \cdot {paren(g)}^2",
                  num(s1))
        )  # fmt: skip
        fraction = rf"\frac{{{num(g)}}}{{\sqrt{{{num(s1)}}} + \epsilon}}"
        lines.append(_then(rf"{symbol} &\leftarrow {before} - {eta} \cdot {fraction}", after))
        return lines
    m0, m1 = state_before["exp_avg"], state_after["exp_avg"]
    v0, v1 = state_before["exp_avg_sq"], state_after["exp_avg_sq"]
    b1, b2 = num(hyper.beta1), num(hyper.beta2)
    lines.append(_then(rf"m &\leftarrow {b1} \cdot {paren(m0)} + (1 - {b1}) \cdot {paren(g)}",
                       num(m1)))  # fmt: skip
    lines.append(_then(rf"v &\leftarrow {b2} \cdot {num(v0)} + (1 - {b2}) \cdot {paren(g)}^2",
                       num(v1)))  # fmt: skip
    m_hat, v_hat = m1 / (1 - hyper.beta1**t), v1 / (1 - hyper.beta2**t)
    lines.append(rf"t = {t}:\ \hat m = {num(m_hat)},\ \hat v = {num(v_hat)}")
    fraction = rf"\frac{{{num(m_hat)}}}{{\sqrt{{{num(v_hat)}}} + \epsilon}}"
    lines.append(_then(rf"{symbol} &\leftarrow {before} - {eta} \cdot {fraction}", after))
    return lines
