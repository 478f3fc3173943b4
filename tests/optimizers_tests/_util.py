import numpy

import chainerjax


class Model(chainerjax.Chain):
    """Two parameters (``/a/W`` and ``/b``) with given arrays."""

    def __init__(self, w, b):
        super(Model, self).__init__()
        with self.init_scope():
            self.a = chainerjax.Link()
            with self.a.init_scope():
                self.a.W = chainerjax.Parameter(w)
            self.b = chainerjax.Parameter(b)


def make(dtype=numpy.float32, seed=0, device=None):
    rs = numpy.random.RandomState(seed)
    w = rs.uniform(-1, 1, (3, 4)).astype(dtype)
    b = rs.uniform(-1, 1, (5,)).astype(dtype)
    m = Model(w, b)
    if device is not None:
        m.to_device(device)
    return m


def set_grads(model, seed=1):
    rs = numpy.random.RandomState(seed)
    grads = {}
    for name, p in model.namedparams():
        g = rs.uniform(-1, 1, p.shape).astype(p.dtype)
        grads[name] = g
        p.grad = p.device.send(g)
    return grads


def arrays(model):
    return {name: numpy.array(p.array) for name, p in model.namedparams()}
