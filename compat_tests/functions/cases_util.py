"""``chainer.functions.util`` (``forget``): values, dtypes and gradients
against Chainer 7.8.1."""
from compat_tests.functions._common import err, sweep


def case_forget(chainer, F, np):
    def f(x, y):
        return F.forget(lambda a, b: F.sigmoid(a) * b + a, x, y)

    def g(x):
        return F.forget(lambda a: (F.tanh(a), F.exp(a) * 2), x)

    def h(x, y):
        # Variables reused after forget: gradients accumulate
        z = F.forget(lambda a, b: a * b, x, y)
        return z + x * 2
    out = {}
    sweep(chainer, np, out, [
        ('two_inputs', f, [(2, 3), (2, 3)]),
        ('two_outputs', g, [(3,)]),
        ('reuse', h, [(2, 2), (2, 2)])], 1)
    out['err_not_callable'] = err(F.forget, 1, np.zeros(2, np.float32))
    out['err_returns_array'] = err(
        F.forget, lambda a: np.zeros(2, np.float32),
        chainer.Variable(np.zeros(2, np.float32)))
    return out
