"""The seed's models, written against Chainer's API (issue 4 item 6).

``build_*`` take the framework module (``chainer`` or ``chainerjax``), so the
generator runs them with real Chainer 7.8.1 and the tests with chainerjax.

- ``LinearLayer``: a ``Link`` holding ``W`` and ``b`` as
  ``chainer.Parameter`` with ``initializers.Normal()`` and
  ``initializers.Zero()``, computing ``F.linear``;
- ``SqueezeNet`` v1.0 built from ``Fire`` chains, in the old constructor
  style ``super().__init__(name=link, ...)``: conv1 96 7x7/2, max pool 3/2,
  fire2-4, max pool, fire5-8, max pool, fire9, dropout, conv10 1x1 to
  ``n_out`` classes, ReLU, global average pooling.
"""
import numpy

N_IN, N_OUT = 6, 4                # LinearLayer
N_CLASSES = 10                    # SqueezeNet (kept small: the weights are
                                  # a fixture)
BATCH, IMAGE = 2, (3, 224, 224)
LINEAR_SEED, SQUEEZENET_SEED = 0, 1
INPUT_SEED = 5


def build_linear_layer(chainer):
    F = chainer.functions
    initializers = chainer.initializers

    class LinearLayer(chainer.Link):

        def __init__(self, n_in, n_out):
            super().__init__()
            with self.init_scope():
                self.W = chainer.Parameter(initializers.Normal(),
                                           (n_out, n_in))
                self.b = chainer.Parameter(initializers.Zero(), (n_out,))

        def forward(self, x):
            return F.linear(x, self.W, self.b)

    return LinearLayer(N_IN, N_OUT)


def build_squeezenet(chainer):
    F = chainer.functions
    L = chainer.links

    class Fire(chainer.Chain):

        def __init__(self, in_size, s1, e1, e3):
            super().__init__(
                conv1=L.Convolution2D(in_size, s1, 1),
                conv2=L.Convolution2D(s1, e1, 1),
                conv3=L.Convolution2D(s1, e3, 3, pad=1),
            )

        def forward(self, x):
            h = F.relu(self.conv1(x))
            h_1 = self.conv2(h)
            h_3 = self.conv3(h)
            return F.relu(F.concat([h_1, h_3], axis=1))

    class SqueezeNet(chainer.Chain):

        def __init__(self, n_out):
            super().__init__(
                conv1=L.Convolution2D(3, 96, 7, stride=2),
                fire2=Fire(96, 16, 64, 64),
                fire3=Fire(128, 16, 64, 64),
                fire4=Fire(128, 32, 128, 128),
                fire5=Fire(256, 32, 128, 128),
                fire6=Fire(256, 48, 192, 192),
                fire7=Fire(384, 48, 192, 192),
                fire8=Fire(384, 64, 256, 256),
                fire9=Fire(512, 64, 256, 256),
                conv10=L.Convolution2D(512, n_out, 1),
            )

        def forward(self, x):
            h = F.relu(self.conv1(x))
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire2(h)
            h = self.fire3(h)
            h = self.fire4(h)
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire5(h)
            h = self.fire6(h)
            h = self.fire7(h)
            h = self.fire8(h)
            h = F.max_pooling_2d(h, 3, stride=2)
            h = self.fire9(h)
            h = F.dropout(h, ratio=0.5)
            h = F.relu(self.conv10(h))
            h = F.average_pooling_2d(h, h.shape[2:])
            return F.reshape(h, h.shape[:2])

    return SqueezeNet(N_CLASSES)


def make(chainer, which):
    """The model ``which`` built from its ``numpy.random`` seed."""
    if which == 'linear':
        numpy.random.seed(LINEAR_SEED)
        return build_linear_layer(chainer)
    numpy.random.seed(SQUEEZENET_SEED)
    return build_squeezenet(chainer)


def inputs(which):
    rs = numpy.random.RandomState(INPUT_SEED)
    if which == 'linear':
        x = rs.uniform(-1, 1, (3, N_IN)).astype(numpy.float32)
        t = rs.randint(0, N_OUT, (3,)).astype(numpy.int32)
    else:
        x = rs.uniform(-1, 1, (BATCH,) + IMAGE).astype(numpy.float32)
        t = rs.randint(0, N_CLASSES, (BATCH,)).astype(numpy.int32)
    return x, t


# The parameter gradients kept in the fixtures (SqueezeNet: a few layers).
GRADS = {
    'linear': ('W', 'b'),
    'squeezenet': ('conv1/W', 'conv1/b', 'fire2/conv3/W', 'fire9/conv1/b',
                   'conv10/W', 'conv10/b'),
}
# What SqueezeNet's gradient reaches through a max pooling. In float32, a
# few dozen of its pooling windows hold two values closer together than
# float32's rounding error (with these weights and inputs): which of the
# two gets the window's gradient then depends on the order of the sums
# that made them, which differs between NumPy's and XLA's convolutions and
# between CPUs.
ROUTED_BY_MAX_POOLING = {
    'squeezenet': ('grad:conv1/W', 'grad:conv1/b', 'grad:fire2/conv3/W',
                   'gx_sum_hw', 'gx_center', 'gx_strided'),
}


def _input_grad_summary(gx):
    # The whole input gradient is 1.2 MB; keep sums and two slices.
    return {'gx_sum_hw': gx.sum(axis=(2, 3)),
            'gx_center': gx[:, :, 104:120, 104:120],
            'gx_strided': gx[:, :, ::16, ::16]}


def cast(model, dtype):
    """Sets every parameter of ``model`` to its values in ``dtype``."""
    for _, param in model.namedparams():
        param.array = param.array.astype(dtype)
    return model


def run(chainer, model, which, dtype=numpy.float32):
    """Forward and backward in test mode (dropout is the identity), on the
    inputs in ``dtype`` (the model's parameters are to be in it too)."""
    x_data, t = inputs(which)
    x = chainer.Variable(x_data.astype(dtype))
    with chainer.using_config('train', False):
        y = model(x)
        loss = chainer.functions.softmax_cross_entropy(y, t)
    model.cleargrads()
    loss.backward()
    out = {'y': numpy.asarray(y.array), 'loss': numpy.asarray(loss.array)}
    params = dict(model.namedparams())
    for name in GRADS[which]:
        out['grad:' + name] = numpy.asarray(params['/' + name].grad)
    gx = numpy.asarray(x.grad)
    if which == 'linear':
        out['gx'] = gx
    else:
        out.update(_input_grad_summary(gx))
    return out
