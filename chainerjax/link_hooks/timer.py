"""Timing of link forwards (``chainer.link_hooks.TimerHook``)."""
import collections
import sys
import time

import jax

from chainerjax import link_hook
from chainerjax import variable

_get_time = time.perf_counter


def _wait(obj):
    # Waits for the JAX arrays in ``obj`` (JAX runs asynchronously), so
    # that the measured time includes their computation.
    if isinstance(obj, variable.Variable):
        obj = obj._data
    if isinstance(obj, (tuple, list)):
        for o in obj:
            _wait(o)
    elif isinstance(obj, dict):
        for o in obj.values():
            _wait(o)
    elif isinstance(obj, jax.Array) and \
            not isinstance(obj, jax.core.Tracer):
        obj.block_until_ready()


class TimerHook(link_hook.LinkHook):
    """Measures the time each link's forward takes.

    The inputs are waited for before the clock starts and the outputs
    before it stops (JAX computes asynchronously), so the times include
    the computation. Links call each other, so the times of nested links
    overlap; :meth:`total_time` counts the outermost calls only. Inside
    ``chainerjax.jit`` the hook sees the step only while it is traced.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> from chainerjax.link_hooks import TimerHook
        >>> hook = TimerHook()
        >>> with hook:
        ...     _ = L.Linear(3, 2)(np.ones((1, 3), np.float32))
        >>> list(hook.summary()), hook.summary()['Linear']['occurrence']
        (['Linear'], 1)

    Attributes:
        call_history (list): ``(link class name, seconds)`` per call.
    """

    name = 'TimerHook'
    table = {'sec': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._depth = 0
        self._total_time = 0

    def forward_preprocess(self, args):
        self.xp = args.link.xp
        _wait((args.args, args.kwargs))
        self._running_stack.append(_get_time())
        self._depth += 1

    def forward_postprocess(self, args):
        _wait(args.out)
        elapsed_time = _get_time() - self._running_stack.pop()
        self.call_history.append(
            (args.link.__class__.__name__, elapsed_time))
        assert self._depth > 0
        self._depth -= 1
        if self._depth == 0:
            self._total_time += elapsed_time

    def total_time(self):
        """Returns the total time of the outermost calls, in seconds."""
        return self._total_time

    def summary(self):
        """Returns an ordered dict mapping each link class name to
        ``{'elapsed_time': seconds, 'occurrence': calls}``."""
        summary = collections.OrderedDict()
        for link_name, elapsed_time in self.call_history:
            if link_name not in summary:
                summary[link_name] = {'elapsed_time': 0, 'occurrence': 0}
            record = summary[link_name]
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
        entries = [['LinkName', 'ElapsedTime', 'Occurrence']]
        auto_foreach = (unit == 'auto_foreach')
        if unit == 'auto':
            max_time = max(
                record['elapsed_time'] for record in self.summary().values())
            factor, unit = self._choose_unit(max_time)
        elif not auto_foreach:
            factor = self.table[unit]
        for link_name, record in self.summary().items():
            second = record['elapsed_time']
            if auto_foreach:
                factor, unit = self._choose_unit(second)
            elapsed_time = '%3.2f%s' % (second * factor, unit)
            entries.append([link_name, elapsed_time,
                            str(record['occurrence'])])
        widths = [max(len(row[i]) for row in entries) for i in range(3)]
        template = '  '.join('{:>%d}' % w for w in widths)
        for row in entries:
            file.write(template.format(*row))
            file.write('\n')
        if hasattr(file, 'flush'):
            file.flush()
