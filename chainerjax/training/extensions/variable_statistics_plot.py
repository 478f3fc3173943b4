"""``chainer.training.extensions.VariableStatisticsPlot`` (needs
matplotlib)."""
import os
import warnings

import numpy

from chainerjax import link as link_module
from chainerjax import variable
from chainerjax.training import extension
from chainerjax.training import trigger as trigger_module
from chainerjax.training import util

_available = None
_plot_color = None
_plot_color_trans = None
_plot_common_kwargs = None


def _try_import_matplotlib():
    global _available, _plot_color, _plot_color_trans, _plot_common_kwargs
    try:
        import matplotlib
        import matplotlib.colors
    except (ImportError, TypeError):
        _available = False
        return
    _available = True
    _plot_color = matplotlib.colors.to_rgba('#1f77b4')  # matplotlib's C0
    _plot_color_trans = _plot_color[:3] + (0.2,)
    _plot_common_kwargs = {
        'alpha': 0.2, 'linewidth': 0, 'color': _plot_color_trans}


def _check_available():
    if _available is None:
        _try_import_matplotlib()
    if not _available:
        warnings.warn('matplotlib is not installed on your environment, '
                      'so nothing will be plotted at this time. '
                      'Please install matplotlib to plot figures.\n\n'
                      '  $ pip install matplotlib\n')


def _unpack_variables(x):
    # The Variables of x: a Variable, a Link (its parameters) or a list.
    if isinstance(x, variable.Variable):
        return (x,)
    if isinstance(x, link_module.Link):
        return tuple(x.params(include_uninit=True))
    if isinstance(x, (list, tuple)):
        out = ()
        for xi in x:
            out += _unpack_variables(xi)
        return out
    return ()


class Reservoir(object):
    """A uniform random sample of at most ``size`` items (reservoir
    sampling), each an array of shape ``data_shape`` with an index."""

    def __init__(self, size, data_shape, dtype=numpy.float32):
        self.size = size
        self.data = numpy.zeros((size,) + data_shape, dtype=dtype)
        self.idxs = numpy.zeros((size,), dtype=numpy.int32)
        self.counter = 0

    def add(self, x, idx=None):
        """Adds ``x`` (with index ``idx``, default: its count); once full,
        it replaces a random item with probability ``size / count``."""
        if self.counter < self.size:
            self.data[self.counter] = x
            self.idxs[self.counter] = idx or self.counter
        elif numpy.random.random() < self.size / float(self.counter + 1):
            i = numpy.random.randint(self.size)
            self.data[i] = x
            self.idxs[i] = idx or self.counter
        self.counter += 1

    def get_data(self):
        """Returns ``(indices, data)`` of the sample, sorted by index."""
        idxs = self.idxs[:min(self.counter, self.size)]
        order = numpy.argsort(idxs)
        return idxs[order], self.data[order]


class Statistician(object):
    """Computes the mean, the standard deviation and percentiles of an
    array along axes (a dict with keys ``mean``, ``std``, ``percentile``
    for those asked for)."""

    def __init__(self, collect_mean, collect_std, percentile_sigmas):
        self.collect_mean = collect_mean
        self.collect_std = collect_std
        self.percentile_sigmas = percentile_sigmas

    def __call__(self, x, axis=0, dtype=None, xp=None):
        if axis is None:
            axis = tuple(range(x.ndim))
        elif not isinstance(axis, (tuple, list)):
            axis = axis,
        return self.collect(x, axis)

    def collect(self, x, axis):
        out = {}
        if self.collect_mean:
            out['mean'] = x.mean(axis=axis)
        if self.collect_std:
            out['std'] = x.std(axis=axis)
        if self.percentile_sigmas:
            out['percentile'] = numpy.percentile(
                x, self.percentile_sigmas, axis=axis)
        return out


class VariableStatisticsPlot(extension.Extension):
    """Plots statistics of variables (or of the parameters of links) over
    the iterations and saves the figure to ``<trainer.out>/<filename>``.

    At each call the values (``data``) and gradients (``grad``) of all the
    target variables are flattened together and their mean, standard
    deviation and percentiles are recorded (a reservoir sample of at most
    ``max_sample_size`` iterations is kept); when ``trigger`` fires the plot
    is drawn: one column per kind (data, grad), a row for mean +- std and a
    row for the percentile bands. Without matplotlib it warns and does
    nothing (as Chainer does).

    Args:
        targets (Variable, Link or list of them): what to observe.
        max_sample_size (int): the size of the reservoir sample.
        report_data (bool): plot the statistics of the values.
        report_grad (bool): plot the statistics of the gradients.
        plot_mean (bool): plot the mean.
        plot_std (bool): plot the standard deviation.
        percentile_sigmas (float or tuple of floats): the percentiles to
            plot, in ``[0, 100]``.
        trigger: when to save the plot (default ``(1, 'epoch')``).
        filename (str): the image file (default ``'statistics.png'``;
            ``file_name`` is an alias).
        figsize (tuple): matplotlib's ``figsize``.
        marker (str): matplotlib's marker.
        grid (bool): draw grids.
    """

    def __init__(self, targets, max_sample_size=1000, report_data=True,
                 report_grad=True, plot_mean=True, plot_std=True,
                 percentile_sigmas=(
                     0, 0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87, 100),
                 trigger=(1, 'epoch'), filename=None, figsize=None,
                 marker=None, grid=True, **kwargs):
        file_name = kwargs.pop('file_name', 'statistics.png')
        util._reject_kwargs('__init__', kwargs)
        if filename is None:
            filename = file_name

        self._vars = _unpack_variables(targets)
        if not self._vars:
            raise ValueError(
                'Need at least one variables for which to collect statistics.'
                '\nActual: 0 <= 0')
        if not any((plot_mean, plot_std, bool(percentile_sigmas))):
            raise ValueError('Nothing to plot')

        self._keys = []
        if report_data:
            self._keys.append('data')
        if report_grad:
            self._keys.append('grad')
        self._report_data = report_data
        self._report_grad = report_grad

        self._statistician = Statistician(
            collect_mean=plot_mean, collect_std=plot_std,
            percentile_sigmas=percentile_sigmas)
        self._plot_mean = plot_mean
        self._plot_std = plot_std
        self._plot_percentile = bool(percentile_sigmas)

        self._trigger = trigger_module.get_trigger(trigger)
        self._filename = filename
        self._figsize = figsize
        self._marker = marker
        self._grid = grid

        if not self._plot_percentile:
            n_percentile = 0
        elif not isinstance(percentile_sigmas, (list, tuple)):
            n_percentile = 1
        else:
            n_percentile = len(percentile_sigmas)
        self._data_shape = (
            len(self._keys), int(plot_mean) + int(plot_std) + n_percentile)
        self._samples = Reservoir(max_sample_size, data_shape=self._data_shape)

    @staticmethod
    def available():
        """True if matplotlib can be imported (warns otherwise)."""
        _check_available()
        return _available

    def __call__(self, trainer):
        if not self.available():
            return
        import matplotlib.pyplot as plt

        stats = numpy.zeros(self._data_shape, dtype=numpy.float32)
        for i, key in enumerate(self._keys):
            xs = []
            for var in self._vars:
                x = var.array if key == 'data' else var.grad
                if x is not None:
                    xs.append(numpy.asarray(x).ravel())
            if not xs:
                continue
            stat = self._statistician(numpy.concatenate(xs), axis=0)
            row = []
            if self._plot_mean:
                row.append(numpy.atleast_1d(stat['mean']))
            if self._plot_std:
                row.append(numpy.atleast_1d(stat['std']))
            if self._plot_percentile:
                row.append(numpy.atleast_1d(stat['percentile']))
            stats[i] = numpy.concatenate(row)
        self._samples.add(stats, idx=trainer.updater.iteration)

        if self._trigger(trainer):
            self.save_plot_using_module(
                os.path.join(trainer.out, self._filename), plt)

    def save_plot_using_module(self, file_path, plt):
        """Draws the recorded statistics with ``plt`` (matplotlib.pyplot)
        and saves the figure to ``file_path``."""
        nrows = int(self._plot_mean or self._plot_std) + \
            int(self._plot_percentile)
        ncols = len(self._keys)
        fig, axes = plt.subplots(nrows, ncols, figsize=self._figsize,
                                 sharex=True, squeeze=False)

        idxs, data = self._samples.get_data()
        offset = int(self._plot_mean) + int(self._plot_std)
        n_percentile = data.shape[-1] - offset
        n_mid = n_percentile // 2
        odd = n_percentile % 2 == 1

        for col in range(ncols):
            row = 0
            ax = axes[row, col]
            ax.set_title(self._keys[col])
            if self._plot_mean or self._plot_std:
                if self._plot_mean and self._plot_std:
                    ax.errorbar(idxs, data[:, col, 0], data[:, col, 1],
                                color=_plot_color, ecolor=_plot_color_trans,
                                label='mean, std', marker=self._marker)
                else:
                    ax.plot(idxs, data[:, col, 0], color=_plot_color,
                            label='mean' if self._plot_mean else 'std',
                            marker=self._marker)
                row += 1
            if self._plot_percentile:
                ax = axes[row, col]
                # Bands between symmetric percentiles (outermost first); the
                # middle one is a line when their number is odd.
                for i in range(n_mid + 1):
                    if odd and i == n_mid:
                        ax.plot(idxs, data[:, col, offset + i],
                                color=_plot_color, label='percentile',
                                marker=self._marker)
                    else:
                        label = 'percentile' if i == n_mid else '_nolegend_'
                        ax.fill_between(idxs, data[:, col, offset + i],
                                        data[:, col, -i - 1], label=label,
                                        **_plot_common_kwargs)
                ax.set_xlabel('iteration')

        for ax in axes.ravel():
            ax.legend()
            if self._grid:
                ax.grid()
                ax.set_axisbelow(True)
        fig.savefig(file_path)
        plt.close(fig)
