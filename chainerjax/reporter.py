"""Reporting observed values (``chainer.reporter``).

A :class:`Reporter` collects named values (an *observation*) while it is
the current reporter. Code anywhere (a loss function, a link) calls
:func:`report` and the value lands in the observation of the current
reporter, under the observer's registered name (``'main/loss'``). The
trainer makes its reporter current around each update; extensions read
``trainer.observation``.

Values may be Variables, NumPy arrays, JAX arrays or Python scalars.
:class:`Summary` and :class:`DictSummary` accumulate them into means and
standard deviations without moving JAX arrays to the host.
"""
import collections
import contextlib
import copy
import json
import threading
import warnings

import numpy

from chainerjax import configuration
from chainerjax import serializer as serializer_module
from chainerjax import variable

_thread_local = threading.local()


@contextlib.contextmanager
def _recording(records):
    """Within the block, reports are appended to ``records`` as
    ``(values, observer)`` instead of being stored: ``chainerjax.jit``
    records the reports of a step while tracing it and makes them after
    every call, with the current reporter's observer names."""
    previous = getattr(_thread_local, 'records', None)
    _thread_local.records = records
    try:
        yield
    finally:
        _thread_local.records = previous


def _get_reporters():
    reporters = getattr(_thread_local, 'reporters', None)
    if reporters is None:
        reporters = _thread_local.reporters = []
    return reporters


def _cut_graph(value):
    # A reported Variable is copied so that the observation does not keep
    # the computational graph alive (unless keep_graph_on_report is set).
    if isinstance(value, variable.Variable):
        return copy.copy(value)
    return value


class Reporter(object):
    """Collects observed values into an observation dictionary.

    Observers (usually links) are registered under names; a value reported
    for an observer is stored as ``'<observer name>/<key>'``, a value
    reported without observer under its key alone.

    A reporter is made current by ``with reporter:`` or
    ``with reporter.scope(observation):``; :func:`report` then writes into
    it.

    Example:
        >>> reporter = Reporter()
        >>> observer = object()
        >>> reporter.add_observer('main', observer)
        >>> observation = {}
        >>> with reporter.scope(observation):
        ...     report({'loss': 0.5}, observer)
        >>> observation
        {'main/loss': 0.5}

    Attributes:
        observation (dict): the dictionary the values are written to.
    """

    def __init__(self):
        self._observer_names = {}
        self.observation = {}

    def __enter__(self):
        """Makes this reporter the current one."""
        _get_reporters().append(self)

    def __exit__(self, exc_type, exc_value, traceback):
        """Restores the previous current reporter."""
        _get_reporters().pop()

    @contextlib.contextmanager
    def scope(self, observation):
        """Makes this reporter current, writing into ``observation``.

        Args:
            observation (dict): the observation dictionary used inside the
                ``with`` block (the previous one is restored afterwards).
        """
        previous = self.observation
        self.observation = observation
        self.__enter__()
        try:
            yield
        finally:
            self.__exit__(None, None, None)
            self.observation = previous

    def add_observer(self, name, observer):
        """Registers ``observer`` under ``name``.

        Args:
            name (str): the prefix of the values reported for it.
            observer: any object (identified by ``id``).
        """
        self._observer_names[id(observer)] = name

    def add_observers(self, prefix, observers):
        """Registers ``(name, observer)`` pairs under ``prefix + name``.

        Args:
            prefix (str): prepended to each name.
            observers: iterable of ``(name, observer)``, e.g.
                ``link.namedlinks(skipself=True)``.
        """
        for name, observer in observers:
            self._observer_names[id(observer)] = prefix + name

    def report(self, values, observer=None):
        """Stores ``values`` in the current observation.

        Args:
            values (dict): names to values (Variables, arrays, scalars).
            observer: a registered observer; its name prefixes the keys.

        Raises:
            KeyError: ``observer`` is not registered.
        """
        records = getattr(_thread_local, 'records', None)
        if records is not None:
            records.append((dict(values), observer))
            return
        if not configuration.config.keep_graph_on_report:
            values = {key: _cut_graph(value) for key, value in values.items()}
        if observer is None:
            self.observation.update(values)
            return
        try:
            prefix = self._observer_names[id(observer)]
        except KeyError:
            raise KeyError(
                'Given observer is not registered to the reporter.') from None
        for key, value in values.items():
            self.observation['{}/{}'.format(prefix, key)] = value


def get_current_reporter():
    """Returns the current :class:`Reporter` (IndexError if none)."""
    return _get_reporters()[-1]


def report(values, observer=None):
    """Reports ``values`` to the current reporter (no-op without one).

    Args:
        values (dict): names to values (Variables, arrays, scalars).
        observer: the object the values belong to; it must be registered to
            the current reporter (the trainer registers each optimizer's
            target link as ``'main'`` and its sublinks as ``'main/l1'``...).

    Example:
        >>> class Classifier(chainer.Chain):
        ...     def forward(self, x, t):
        ...         loss = F.softmax_cross_entropy(self.predictor(x), t)
        ...         chainer.report({'loss': loss}, self)
        ...         return loss
    """
    records = getattr(_thread_local, 'records', None)
    if records is not None:
        records.append((dict(values), observer))
        return
    reporters = _get_reporters()
    if reporters:
        reporters[-1].report(values, observer)


@contextlib.contextmanager
def report_scope(observation):
    """Makes the current reporter write into ``observation`` in the block.

    Args:
        observation (dict): the dictionary that receives reported values.
    """
    current = _get_reporters()[-1]
    previous = current.observation
    current.observation = observation
    try:
        yield
    finally:
        current.observation = previous


def _is_scalar(value):
    return numpy.isscalar(value) or getattr(value, 'ndim', -1) == 0


def _sqrt(value):
    if isinstance(value, (numpy.ndarray, numpy.generic, int, float)):
        return numpy.sqrt(value)
    import jax.numpy as jnp
    return jnp.sqrt(value)


class Summary(object):
    """Online mean and standard deviation of scalar values.

    Values may be Python or NumPy scalars or 0-d NumPy/JAX arrays; JAX
    arrays are accumulated on their device (no host transfer until the
    result is converted).
    """

    def __init__(self):
        self._x = 0.0
        self._x2 = 0.0
        self._n = 0

    def add(self, value, weight=1):
        """Adds a (weighted) value.

        Args:
            value: a scalar, or a 0-d array or Variable.
            weight: its weight (a scalar).
        """
        if isinstance(value, variable.Variable):
            value = value.array
        if isinstance(value, (numpy.floating, numpy.ndarray)) and \
                value.dtype.kind == 'f' and value.dtype.itemsize < 8:
            # Chainer (NumPy 1) accumulated float32/float16 reports in
            # float64; NumPy 2 would keep float32.
            value = value.astype(numpy.float64)
        self._x += weight * value
        self._x2 += weight * value * value
        self._n += weight

    def compute_mean(self):
        """Returns the weighted mean of the values added."""
        return self._x / self._n

    def make_statistics(self):
        """Returns ``(mean, std)`` of the values added."""
        mean = self._x / self._n
        var = self._x2 / self._n - mean * mean
        return mean, _sqrt(var)

    def serialize(self, serializer):
        try:
            self._x = serializer('_x', self._x)
            self._x2 = serializer('_x2', self._x2)
            self._n = serializer('_n', self._n)
        except KeyError:
            warnings.warn('The previous statistics are not saved.')


class DictSummary(object):
    """A :class:`Summary` per key of the dictionaries added.

    Non-scalar values are ignored. A value may be a ``(value, weight)``
    tuple.
    """

    def __init__(self):
        self._summaries = collections.defaultdict(Summary)

    def add(self, d):
        """Adds each scalar value of the dictionary ``d`` to its summary.

        Args:
            d (dict): names to values (Variables, arrays, scalars, or
                ``(value, weight)`` tuples with a scalar weight).

        Raises:
            ValueError: a weight is not a scalar.
        """
        summaries = self._summaries
        for key, value in d.items():
            weight = 1
            if isinstance(value, tuple):
                value, weight = value
                if isinstance(weight, variable.Variable):
                    weight = weight.array
                if not _is_scalar(weight):
                    raise ValueError(
                        'Given weight to {} was not scalar.'.format(key))
            if isinstance(value, variable.Variable):
                value = value.array
            if _is_scalar(value):
                summaries[key].add(value, weight=weight)

    def compute_mean(self):
        """Returns a dictionary of the means."""
        return {name: summary.compute_mean()
                for name, summary in self._summaries.items()}

    def make_statistics(self):
        """Returns a dictionary of the means and, under ``'<name>.std'``,
        the standard deviations."""
        stats = {}
        for name, summary in self._summaries.items():
            mean, std = summary.make_statistics()
            stats[name] = mean
            stats[name + '.std'] = std
        return stats

    def serialize(self, serializer):
        if isinstance(serializer, serializer_module.Serializer):
            names = list(self._summaries.keys())
            serializer('_names', json.dumps(names))
            for index, name in enumerate(names):
                self._summaries[name].serialize(
                    serializer['_summaries'][str(index)])
            return
        self._summaries.clear()
        try:
            names = json.loads(serializer('_names', ''))
        except KeyError:
            warnings.warn('The names of statistics are not saved.')
            return
        for index, name in enumerate(names):
            self._summaries[name].serialize(
                serializer['_summaries'][str(index)])
