"""Generates the optimizer trajectory fixtures with real Chainer 7.8.1.

Run with the reference interpreter (``/work/refvenv/bin/python``) from the
repository root::

    /work/refvenv/bin/python -m compat_tests.optimizers.generate

Writes (atomically) ``fixtures/trajectories.npz``: for each case in
``cases.CASES`` the parameters after every step (``<case>/step<NN>/<path>``)
the gradients each update started from
(``<case>/grad<NN>/<path>``, cases without loss scaling), and the final
optimizer state as ``save_npz`` writes it
(``<case>/opt/<key>``); and for each case in ``cases.INTERCHANGE_CASES``,
``interchange-<case>-model.npz`` and ``interchange-<case>-optimizer.npz``
(``chainer.serializers.save_npz`` after step ``INTERCHANGE_STEP``).
"""
import json
import os
import sys
import tempfile

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

import chainer  # NOQA
from compat_tests.optimizers import cases  # NOQA

FIXTURES = os.path.join(HERE, 'fixtures')


def _atomic(path, write):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix='.tmp')
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _savez(path, arrays):
    def write(tmp):
        with open(tmp, 'wb') as f:
            numpy.savez_compressed(f, **arrays)
    _atomic(path, write)


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    out = {}
    for case in cases.CASES:
        def on_step(step, model, opt, case=case):
            if (case in cases.INTERCHANGE_CASES
                    and step == cases.INTERCHANGE_STEP):
                for what, obj in (('model', model), ('optimizer', opt)):
                    path = os.path.join(
                        FIXTURES, 'interchange-%s-%s.npz' % (case, what))
                    _atomic(path, lambda tmp, obj=obj:
                            chainer.serializers.save_npz(tmp, obj))
        model, opt, history, grads = cases.run(chainer, case,
                                               on_step=on_step)
        for step, params in history.items():
            for k, v in params.items():
                out['%s/step%02d/%s' % (case, step, k)] = v
            if grads[step] is not None:
                for k, v in grads[step].items():
                    out['%s/grad%02d/%s' % (case, step, k)] = v
        for k, v in cases.state_dict(chainer, opt).items():
            out['%s/opt/%s' % (case, k)] = v
        out['%s/loss_scale' % case] = numpy.asarray(
            -1.0 if opt._loss_scale is None else opt._loss_scale)
    _savez(os.path.join(FIXTURES, 'trajectories.npz'), out)
    meta = {'chainer': chainer.__version__, 'numpy': numpy.__version__,
            'cases': sorted(cases.CASES)}
    _atomic(os.path.join(FIXTURES, 'VERSIONS.json'),
            lambda tmp: open(tmp, 'w').write(json.dumps(meta, indent=1)))
    print('wrote %d arrays for %d cases' % (len(out), len(cases.CASES)))


if __name__ == '__main__':
    main()
