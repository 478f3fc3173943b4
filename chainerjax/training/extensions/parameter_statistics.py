"""``chainer.training.extensions.ParameterStatistics``."""
import numpy

from chainerjax import backend
from chainerjax import reporter
from chainerjax.training import extension
from chainerjax.training import trigger as trigger_module


def _xp(x):
    return backend.get_array_module(x)


_default_statistics = {
    'mean': lambda x: _xp(x).mean(x),
    'std': lambda x: _xp(x).std(x),
    'min': lambda x: _xp(x).min(x),
    'max': lambda x: _xp(x).max(x),
    'zeros': lambda x: _xp(x).count_nonzero(x == 0),
    'percentile': lambda x: _xp(x).percentile(
        x, (0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87)),
}


class ParameterStatistics(extension.Extension):
    """Reports statistics of the parameters (and gradients) of links.

    At each call (every iteration by default) the statistics of each
    parameter of each link are computed on the flattened array and added to
    a summary; when ``trigger`` fires, the means are reported and the
    summary restarts. A key is
    ``{prefix}/{link name}{parameter path}/{data|grad}/{statistic}``, e.g.
    ``main/predictor/l1/W/data/mean`` for a link named ``main`` (a root
    link's name is None, written ``None`` as in Chainer); a statistic with
    several values (``percentile``) gets ``/0``, ``/1``, ... appended.

    Args:
        links (~chainerjax.Link or list of Links): the links to observe.
        statistics (dict or 'default'): statistic name to function of a 1-D
            array returning a number or an array; ``'default'``: ``mean``,
            ``std``, ``min``, ``max``, ``zeros`` (count of zeros) and
            ``percentile`` (at 0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87,
            the sigma points); None: none.
        report_params (bool): report the statistics of the values
            (``data``).
        report_grads (bool): report the statistics of the gradients
            (``grad``).
        prefix (str): prepended to the keys (with a ``/``).
        trigger: when to report the accumulated means.
        skip_nan_params (bool): report NaN instead of the statistics of an
            array containing NaN, without computing them.

    Parameters whose array or gradient is None (uninitialized, or no
    gradient yet) are skipped.
    """

    default_name = 'parameter_statistics'
    priority = extension.PRIORITY_WRITER

    # prefix ends with a '/' and param_name starts with a '/'
    report_key_template = ('{prefix}{link_name}{param_name}/{attr_name}/'
                           '{function_name}')

    default_statistics = _default_statistics

    def __init__(self, links, statistics='default', report_params=True,
                 report_grads=True, prefix=None, trigger=(1, 'epoch'),
                 skip_nan_params=False):
        if not isinstance(links, (list, tuple)):
            links = links,
        self._links = links

        if statistics is None:
            statistics = {}
        elif isinstance(statistics, str) and statistics == 'default':
            statistics = self.default_statistics
        self._statistics = dict(statistics)

        attrs = []
        if report_params:
            attrs.append('data')
        if report_grads:
            attrs.append('grad')
        self._attrs = attrs

        self._prefix = prefix
        self._trigger = trigger_module.get_trigger(trigger)
        self._summary = reporter.DictSummary()
        self._skip_nan_params = skip_nan_params

    def __call__(self, trainer):
        """Adds the current statistics to the summary, and reports the
        means if the trigger fires."""
        statistics = {}
        prefix = self._prefix + '/' if self._prefix else ''
        array_types = backend.get_array_types()
        for link in self._links:
            link_name = getattr(link, 'name', 'None')
            for param_name, param in link.namedparams():
                for attr_name in self._attrs:
                    array = param.array if attr_name == 'data' else \
                        param.grad
                    if array is None:
                        continue
                    # The statistics see a flat array: they may not assume
                    # anything about the axes.
                    flat = array.ravel()
                    has_nan = self._skip_nan_params and bool(
                        _xp(flat).isnan(flat).any())
                    for function_name, function in self._statistics.items():
                        value = numpy.nan if has_nan else function(flat)
                        key = self.report_key_template.format(
                            prefix=prefix, link_name=link_name,
                            param_name=param_name, attr_name=attr_name,
                            function_name=function_name)
                        if isinstance(value, array_types) and value.size > 1:
                            for i, v in enumerate(value):
                                statistics['{}/{}'.format(key, i)] = v
                        else:
                            statistics[key] = value

        self._summary.add(statistics)
        if self._trigger(trainer):
            reporter.report(self._summary.compute_mean())
            self._summary = reporter.DictSummary()

    def register_statistics(self, name, function):
        """Adds a statistic: ``function`` takes a 1-D array and returns a
        number or an array of numbers."""
        self._statistics[name] = function
