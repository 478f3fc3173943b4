"""``chainer.training.extensions.PrintReport``."""
import os
import sys

from chainerjax.training import extension
from chainerjax.training.extensions import log_report as log_report_module
from chainerjax.training.extensions import util


class PrintReport(extension.Extension):
    """Prints the entries of a :class:`LogReport` as a table.

    Args:
        entries (list of str): the keys to print (columns), e.g.
            ``['epoch', 'main/loss', 'validation/main/accuracy']``.
        log_report: the name of the LogReport extension of the trainer, or
            a LogReport object (then it is called by this extension).
        out: the stream to write to (default: ``sys.stdout``).
    """

    def __init__(self, entries, log_report='LogReport', out=sys.stdout):
        self._entries = entries
        self._log_report = log_report
        self._out = out
        self._log_len = 0
        widths = [max(10, len(s)) for s in entries]
        self._header = '  '.join(
            '{:%d}' % w for w in widths).format(*entries) + '\n'
        self._templates = [(entry, '{:<%dg}  ' % w, ' ' * (w + 2))
                           for entry, w in zip(entries, widths)]

    def __call__(self, trainer):
        out = self._out
        if self._header:
            out.write(self._header)
            self._header = None

        log_report = self._log_report
        if isinstance(log_report, str):
            log_report = trainer.get_extension(log_report)
        elif isinstance(log_report, log_report_module.LogReport):
            log_report(trainer)
        else:
            raise TypeError('log report has a wrong type %s' %
                            type(log_report))

        log = log_report.log
        while len(log) > self._log_len:
            if os.name == 'nt':
                util.erase_console(0, 0)
            else:
                out.write('\033[J')
            self._print(log[self._log_len])
            self._log_len += 1

    def serialize(self, serializer):
        if isinstance(self._log_report, log_report_module.LogReport):
            self._log_report.serialize(serializer['_log_report'])

    def _print(self, observation):
        out = self._out
        for entry, template, empty in self._templates:
            if entry in observation:
                out.write(template.format(observation[entry]))
            else:
                out.write(empty)
        out.write('\n')
        if hasattr(out, 'flush'):
            out.flush()
