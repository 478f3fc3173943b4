"""``chainer.training.extensions.DumpGraph`` (exported also as
``dump_graph``)."""
import os
import subprocess

from chainerjax import computational_graph
from chainerjax import configuration
from chainerjax import variable
from chainerjax.training import extension
from chainerjax.training import util


def is_return_code_zero(args):
    """True if the command ``args`` (a list) runs and exits with status 0;
    its output is discarded."""
    try:
        subprocess.check_call(args, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, OSError):
        return False
    return True


def is_graphviz_available():
    """True if Graphviz's ``dot`` command is available."""
    return is_return_code_zero(['dot', '-V'])


_var_style = {'shape': 'octagon', 'fillcolor': '#E0E0E0', 'style': 'filled'}
_func_style = {'shape': 'record', 'fillcolor': '#6495ED', 'style': 'filled'}


class DumpGraph(extension.Extension):
    """Writes the computational graph of a reported variable, once.

    At the first iteration it writes the graph that produced the observed
    value ``root_name`` (e.g. ``'main/loss'``) to ``<trainer.out>/<filename>``
    in the DOT language, and also renders it to a PNG image of the same name
    if Graphviz's ``dot`` command is available.

    To keep the graph until extensions run, it turns
    ``chainer.config.keep_graph_on_report`` on when the training starts and
    restores it after the dump.

    Args:
        root_name (str): the observation key of the root variable.
        filename (str): the output file (default ``'cg.dot'``; ``out_name``
            is an alias).
        variable_style (dict): DOT style of the variables (default: gray
            octagons).
        function_style (dict): DOT style of the functions (default: blue
            records).
    """

    default_name = 'dump_graph'

    def __init__(self, root_name, filename=None, variable_style=None,
                 function_style=None, **kwargs):
        out_name = kwargs.pop('out_name', 'cg.dot')
        util._reject_kwargs('__init__', kwargs)
        if filename is None:
            filename = out_name
        self._root_name = root_name
        self._filename = filename
        self._variable_style = _var_style if variable_style is None else \
            variable_style
        self._function_style = _func_style if function_style is None else \
            function_style
        self._original_flag = None
        self._flag_called = False

    def initialize(self, trainer):
        if not self._flag_called:
            self._original_flag = configuration.config.keep_graph_on_report
            configuration.config.keep_graph_on_report = True

    def trigger(self, trainer):
        if self._flag_called:
            return False
        self._flag_called = True
        return True

    def __call__(self, trainer):
        try:
            var = trainer.observation[self._root_name]
            if not isinstance(var, variable.Variable):
                raise TypeError('root value is not a Variable (got '
                                '{})'.format(type(var).__name__))
            cg = computational_graph.build_computational_graph(
                [var], variable_style=self._variable_style,
                function_style=self._function_style).dump()
            filename = os.path.join(trainer.out, self._filename)
            with open(filename, 'w') as f:
                f.write(cg)
            if is_graphviz_available():
                image = os.path.join(
                    trainer.out, os.path.splitext(self._filename)[0] + '.png')
                subprocess.check_call(
                    ['dot', '-Tpng', filename, '-o', image])
        finally:
            configuration.config.keep_graph_on_report = self._original_flag

    def serialize(self, serializer):
        self._original_flag = serializer('_original_flag',
                                         self._original_flag)
        self._flag_called = serializer('_flag_called', self._flag_called)

