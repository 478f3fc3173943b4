"""Printing what functions receive (``chainer.function_hooks.PrintHook``).
"""
import sys
import warnings

from chainerjax import backend
from chainerjax import function_hook
from chainerjax import variable


class PrintHook(function_hook.FunctionHook):
    """Prints the inputs of every function's forward and backward (and the
    output gradients of the backward) before it runs.

    Args:
        sep: deprecated and ignored.
        end (str): appended to each printed line.
        file: where to write (default ``sys.stdout``).
        flush (bool): flush ``file`` after each function.

    Example:
        >>> import io
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> from chainerjax.function_hooks import PrintHook
        >>> out = io.StringIO()
        >>> with PrintHook(file=out):
        ...     _ = F.relu(np.ones(3, np.float32))
        >>> out.getvalue().splitlines()[0]
        'function\\tReLU'
    """

    name = 'PrintHook'

    def __init__(self, sep=None, end='\n', file=sys.stdout, flush=True):
        if sep is not None:
            warnings.warn('sep argument in chainer.function_hooks.PrintHook '
                          'is deprecated.', DeprecationWarning)
        self.sep = sep
        self.end = end
        self.file = file
        self.flush = flush

    def _print(self, msg):
        self.file.write(msg + self.end)

    def _process(self, function, in_data, out_grad=None):
        self._print('function\t{}'.format(function.label))
        self._print('input data')
        for d in in_data:
            if d is None:
                # an input released by retain_grad
                self._print('(removed)')
                continue
            self._print(variable.Variable(d).debug_print())
        if out_grad is not None:
            self._print('output gradient')
            for d in out_grad:
                if d is None:
                    v = variable.Variable()
                else:
                    xp = backend.get_array_module(d)
                    v = variable.Variable(xp.zeros_like(d, dtype=d.dtype))
                    v.grad = d
                self._print(v.debug_print())
        if self.flush and hasattr(self.file, 'flush'):
            self.file.flush()

    def forward_preprocess(self, function, in_data):
        self._process(function, in_data)

    def backward_preprocess(self, function, in_data, out_grad):
        self._process(function, in_data, out_grad)
