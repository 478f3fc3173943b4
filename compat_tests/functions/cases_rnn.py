"""``chainer.functions.rnn`` (``lstm``, ``slstm``, ``tree_lstm``): values,
dtypes, gradients, double backward and errors against Chainer 7.8.1.

Every function runs in float16, float32 and float64; each option set runs
in one dtype in turn (``sweep``). The ``n_step_*`` functions have their own
cases.
"""
from compat_tests.functions._common import double_bwd, err, sweep

F64 = ('float64',)


def case_lstm(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', F.lstm, [(2, 3), (2, 12)]),
        # a smaller batch for x: the remaining rows of c_prev pass through
        ('short_x', F.lstm, [(3, 2), (2, 8)]),
        ('nd', F.lstm, [(2, 2, 1), (2, 8, 1)])], 1, low=-2, high=2)
    for dt in F64:
        xs = [np.random.RandomState(4 + i).uniform(-2, 2, s).astype(dt)
              for i, s in enumerate(((2, 3), (2, 12)))]
        for k, f in (('c', lambda c, x: F.lstm(c, x)[0]),
                     ('h', lambda c, x: F.lstm(c, x)[1])):
            double_bwd(chainer, np, out, 'dd_{}_{}'.format(k, dt), f, xs,
                       6)
    c = np.zeros((2, 3), np.float32)
    out['err_x_width'] = err(F.lstm, c, np.zeros((2, 10), np.float32))
    out['err_x_batch'] = err(F.lstm, c, np.zeros((3, 12), np.float32))
    out['err_dtype'] = err(F.lstm, c, np.zeros((2, 12), np.float64))
    return out


def case_slstm(chainer, F, np):
    out = {}
    sweep(chainer, np, out, [
        ('base', F.slstm, [(2, 3), (2, 3), (2, 12), (2, 12)]),
        ('nd', F.slstm, [(2, 2, 1), (2, 2, 1), (2, 8, 1), (2, 8, 1)])], 7,
        low=-2, high=2)
    c = np.zeros((2, 3), np.float32)
    x = np.zeros((2, 12), np.float32)
    out['err_x_width'] = err(F.slstm, c, c, x, np.zeros((2, 8), np.float32))
    out['err_c_shape'] = err(F.slstm, c, np.zeros((2, 2), np.float32), x, x)
    return out


def case_tree_lstm(chainer, F, np):
    # two children: x has (2 + 3) * 3 columns
    out = {}
    sweep(chainer, np, out, [
        ('two', F.tree_lstm, [(2, 3), (2, 3), (2, 15)]),
        ('one', F.tree_lstm, [(2, 2), (2, 8)]),
        ('three', F.tree_lstm, [(1, 2), (1, 2), (1, 2), (1, 12)])], 9,
        low=-2, high=2)
    c = np.zeros((2, 3), np.float32)
    out['err_x_width'] = err(F.tree_lstm, c, c, np.zeros((2, 12),
                                                         np.float32))
    out['err_c_shape'] = err(F.tree_lstm, c, np.zeros((2, 2), np.float32),
                             np.zeros((2, 15), np.float32))
    return out
