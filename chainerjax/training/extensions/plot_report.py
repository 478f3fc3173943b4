"""``chainer.training.extensions.PlotReport`` (needs matplotlib)."""
import json
import os
import warnings

import numpy

from chainerjax import reporter
from chainerjax import serializer as serializer_module
from chainerjax.training import extension
from chainerjax.training import trigger as trigger_module
from chainerjax.training import util

_available = None


def _try_import_matplotlib():
    global _available
    try:
        import matplotlib  # NOQA
        _available = True
    except (ImportError, TypeError):
        _available = False


def _check_available():
    if _available is None:
        _try_import_matplotlib()
    if not _available:
        warnings.warn('matplotlib is not installed on your environment, '
                      'so nothing will be plotted at this time. '
                      'Please install matplotlib to plot figures.\n\n'
                      '  $ pip install matplotlib\n')


class PlotReport(extension.Extension):
    """Plots the means of observed values against iterations or epochs
    and saves the figure to ``<trainer.out>/<filename>``.

    Without matplotlib it warns and does nothing (as Chainer does).

    Args:
        y_keys (str or list): the observation keys to plot.
        x_key (str): ``'iteration'`` or ``'epoch'``.
        trigger: when to add a point and redraw (default ``(1, 'epoch')``).
        postprocess: ``postprocess(figure, axes, summary)`` before saving.
        filename (str): the image file (default ``'plot.png'``;
            ``file_name`` is an alias).
        marker (str): the matplotlib marker.
        grid (bool): draw a grid.
    """

    def __init__(self, y_keys, x_key='iteration', trigger=(1, 'epoch'),
                 postprocess=None, filename=None, marker='x', grid=True,
                 **kwargs):
        file_name = kwargs.pop('file_name', 'plot.png')
        util._reject_kwargs('__init__', kwargs)
        if filename is None:
            filename = file_name
        _check_available()
        self._x_key = x_key
        if isinstance(y_keys, str):
            y_keys = (y_keys,)
        self._y_keys = y_keys
        self._trigger = trigger_module.get_trigger(trigger)
        self._file_name = filename
        self._marker = marker
        self._grid = grid
        self._postprocess = postprocess
        self._init_summary()
        self._data = {k: [] for k in y_keys}

    @staticmethod
    def available():
        """True if matplotlib can be imported (warns once otherwise)."""
        _check_available()
        return _available

    def __call__(self, trainer):
        if _available is None:
            _try_import_matplotlib()
        if not _available:
            return
        import matplotlib.pyplot as plt

        keys = self._y_keys
        observation = trainer.observation
        self._summary.add({k: observation[k] for k in keys
                           if k in observation})
        if not (trainer.is_before_training or self._trigger(trainer)):
            return
        stats = {name: float(value)
                 for name, value in self._summary.compute_mean().items()}
        stats['epoch'] = trainer.updater.epoch
        stats['iteration'] = trainer.updater.iteration
        x = stats[self._x_key]
        for k in keys:
            if k in stats:
                self._data[k].append((x, stats[k]))

        figure = plt.figure()
        axes = figure.add_subplot(111)
        axes.set_xlabel(self._x_key)
        if self._grid:
            axes.grid()
        for k in keys:
            xy = self._data[k]
            if xy:
                xy = numpy.array(xy)
                axes.plot(xy[:, 0], xy[:, 1], marker=self._marker, label=k)
        if axes.has_data():
            if self._postprocess is not None:
                self._postprocess(figure, axes, self._summary)
            legend = axes.legend(bbox_to_anchor=(1.05, 1), loc=2,
                                 borderaxespad=0.)
            figure.savefig(os.path.join(trainer.out, self._file_name),
                           bbox_extra_artists=(legend,), bbox_inches='tight')
        plt.close()
        self._init_summary()

    def serialize(self, serializer):
        key = '_plot_{}'.format(self._file_name)
        if isinstance(serializer, serializer_module.Serializer):
            serializer(key, json.dumps(self._data))
        else:
            self._data = json.loads(serializer(key, ''))

    def _init_summary(self):
        self._summary = reporter.DictSummary()
