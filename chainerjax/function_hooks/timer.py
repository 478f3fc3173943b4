"""Timing of functions (``chainer.function_hooks.TimerHook``)."""
import sys
import time

import jax

from chainerjax import backend
from chainerjax import function_hook

_get_time = time.perf_counter


def _wait(arrays):
    # Waits for the JAX arrays among ``arrays`` (a pytree): JAX runs
    # asynchronously.
    for a in jax.tree_util.tree_leaves(arrays):
        if isinstance(a, jax.Array) and not isinstance(a, jax.core.Tracer):
            a.block_until_ready()


class TimerHook(function_hook.FunctionHook):
    """Measures the time each function (op) takes.

    The inputs are waited for before the clock starts (JAX computes
    asynchronously). A forward that records the graph is waited for before
    the clock stops (its outputs are computed together with the residuals
    kept for backward), so its time includes the computation; the other
    calls (forwards without backprop, backwards) are timed on the host, and
    their computation may finish later. Nested calls (a function calling
    others) overlap; :meth:`total_time` counts the outermost calls only.
    For device-side profiles use ``jax.profiler``. Inside ``chainerjax.jit``
    the hook sees the step only while it is traced.

    Example:
        >>> import numpy as np
        >>> import chainerjax.functions as F
        >>> from chainerjax.function_hooks import TimerHook
        >>> hook = TimerHook()
        >>> with hook:
        ...     _ = F.relu(np.ones(3, np.float32))
        >>> hook.summary()['ReLU']['occurrence']
        1

    Attributes:
        call_history (list): ``(function name, seconds)`` per call.
    """

    name = 'TimerHook'
    table = {'sec': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._depth = 0
        self._total_time = 0

    def _preprocess(self, arrays):
        _wait(arrays)
        self._running_stack.append(_get_time())
        self._depth += 1

    def _postprocess(self, function):
        elapsed_time = _get_time() - self._running_stack.pop()
        name = getattr(function, '_impl_name', type(function).__name__)
        self.call_history.append((name, elapsed_time))
        assert self._depth > 0
        self._depth -= 1
        if self._depth == 0:
            self._total_time += elapsed_time

    def forward_preprocess(self, function, in_data):
        self.xp = backend.get_array_module(*in_data)
        self._preprocess(in_data)

    def forward_postprocess(self, function, in_data):
        # the residuals of this call, computed with its outputs
        _wait(getattr(function, '_vjp', None))
        self._postprocess(function)

    def backward_preprocess(self, function, in_data, out_grad):
        self.xp = backend.get_array_module(*(in_data + out_grad))
        self._preprocess((in_data, out_grad))

    def backward_postprocess(self, function, in_data, out_grad):
        self._postprocess(function)

    def total_time(self):
        """Returns the total time of the outermost calls, in seconds."""
        return self._total_time

    def summary(self):
        """Returns a dict mapping each function name to
        ``{'elapsed_time': seconds, 'occurrence': calls}``."""
        summary = {}
        for function_name, elapsed_time in self.call_history:
            if function_name not in summary:
                summary[function_name] = {'elapsed_time': 0, 'occurrence': 0}
            record = summary[function_name]
            record['elapsed_time'] += elapsed_time
            record['occurrence'] += 1
        return summary

    def _choose_unit(self, second):
        factor = 1
        for unit in ['sec', 'ms', 'us']:
            if second * factor >= 1:
                return factor, unit
            factor *= 1000.0
        return factor, 'ns'

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints the summary as a table.

        Args:
            unit (str): ``'sec'``, ``'ms'``, ``'us'``, ``'ns'``, ``'auto'``
                (the unit of the largest time for all rows) or
                ``'auto_foreach'`` (a unit per row).
            file: where to write.
        """
        entries = [['FunctionName', 'ElapsedTime', 'Occurrence']]
        auto_foreach = (unit == 'auto_foreach')
        if unit == 'auto':
            max_time = max(
                record['elapsed_time'] for record in self.summary().values())
            factor, unit = self._choose_unit(max_time)
        elif not auto_foreach:
            factor = self.table[unit]
        for function_name, record in self.summary().items():
            second = record['elapsed_time']
            if auto_foreach:
                factor, unit = self._choose_unit(second)
            elapsed_time = '%3.2f%s' % (second * factor, unit)
            entries.append([function_name, elapsed_time,
                            str(record['occurrence'])])
        widths = [max(len(row[i]) for row in entries) for i in range(3)]
        template = '  '.join('{:>%d}' % w for w in widths)
        for row in entries:
            file.write(template.format(*row))
            file.write('\n')
        if hasattr(file, 'flush'):
            file.flush()
