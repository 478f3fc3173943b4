"""Link test cases shared by ``generate_linktests.py`` (real Chainer 7.8.1)
and the ``test_<category>.py`` modules (chainerjax).

A case is a class of this module (see :class:`Case`) describing one link:
its parameter table (dicts of lists, expanded into their product like
``chainer.testing.product``), the initializer arrays handed to the
constructor, the constructor call, the inputs and the forward call. Every
method receives the framework module (``chainer`` or ``chainerjax``) so
that both run the very same code. Arrays come from
``numpy.random.RandomState`` seeded by the case key (the link name and its
parameters) and by what is drawn, never from a framework's generator.

:func:`run` builds a case, runs its forward, then its backward from a fixed
upstream gradient, and returns a flat dict of NumPy arrays:

``out/<i>``
    the outputs;
``params``
    a str array, ``'<name> <shape> <dtype>'`` for each ``namedparams()``
    entry in order;
``state/<key>``
    what ``serializers.DictionarySerializer`` writes after the forward
    (parameters and persistents such as ``avg_mean`` and ``N``);
``states``
    a str array, ``'<key> <shape> <dtype>'`` (or ``'<key> None'``), for
    the serialized entries whose values are not recorded: all where
    :attr:`Case.state_values` is False (big models), the parameters set by
    :func:`fill_params` otherwise;
``extra/<name>``
    further values of the case (:meth:`Case.extras`, e.g. Classifier's
    ``accuracy``);
``gx/<i>``, ``gp/<name>``
    the gradients of the float inputs and of the parameters (those that
    are not None) after ``chainer.backward`` of the float outputs with
    fixed upstream gradients.

The generator stores it, packed by :func:`pack` (one array per dtype and
an index: small files), in ``fixtures/linktests_<category>.npz``.
:class:`LinkCaseTest` adapts a case to ``chainerjax.testing.LinkTestCase``.
This module imports no framework at import time.
"""
import itertools
import os
import zlib

import numpy

FLOATS = (numpy.float16, numpy.float32, numpy.float64)
F16, F32, F64 = FLOATS
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fixtures')
CATEGORIES = ('activation', 'connection', 'loss', 'model', 'normalization',
              'rnn')


# ----- keys and deterministic arrays -----------------------------------------

def _fmt(v):
    if isinstance(v, numpy.dtype) or (
            isinstance(v, type) and issubclass(v, numpy.generic)):
        return numpy.dtype(v).name
    if isinstance(v, (tuple, list)):
        return '(' + ','.join(_fmt(x) for x in v) + ')'
    return str(v)


def key(name, p):
    """``Name[k1=v1,k2=v2]`` (sorted keys): the case's fixture prefix."""
    return '{}[{}]'.format(
        name, ','.join('{}={}'.format(k, _fmt(p[k])) for k in sorted(p)))


def rng(case_key, what):
    """A ``RandomState`` of its own for each (case, thing drawn)."""
    return numpy.random.RandomState(
        zlib.crc32((case_key + '|' + what).encode('utf-8')))


def uniform(rs, shape, dtype, low=-1., high=1.):
    return numpy.asarray(rs.uniform(low, high, shape)).astype(dtype)


def expand(tables):
    """The parameter dicts of a list of tables (each a dict of lists)."""
    out = []
    for table in tables:
        names = sorted(table)
        for values in itertools.product(*[table[n] for n in names]):
            out.append(dict(zip(names, values)))
    return out


def fill_params(link, case_key, prefixes=None):
    """Sets every initialized parameter (whose name starts with one of
    ``prefixes``, if given) from its own ``RandomState``: uniform in
    ``[-s, s)`` with ``s = 1 / sqrt(prod(shape[1:]))`` (1 for vectors), so
    that deep chains stay in float16 range."""
    for name, param in sorted(link.namedparams()):
        if param.array is None:
            continue
        if prefixes is not None and not name.startswith(prefixes):
            continue
        shape = tuple(param.shape)
        scale = 1. / numpy.sqrt(max(1, int(numpy.prod(shape[1:]))))
        param.array = (uniform(rng(case_key, 'param' + name), shape,
                               numpy.float64) * scale).astype(param.dtype)


# ----- cases -----------------------------------------------------------------

CASES = {c: [] for c in CATEGORIES}
_BY_NAME = {}


def register(category):
    def deco(cls):
        case = cls()
        case.category = category
        if case.name is None:
            case.name = cls.__name__
        CASES[category].append(case)
        _BY_NAME[case.name] = case
        return cls
    return deco


def get(name):
    return _BY_NAME[name]


class Case(object):
    """One link and its parameter table.

    Attributes:
        tables: list of dicts of lists (their products are the cases).
        param_names: the link's direct parameters whose gradients
            ``LinkTestCase.test_backward`` checks numerically.
        numerical: False where the numerical check is not run (the
            gradients are compared with Chainer's instead).
        chain: the parameters are (also) in child links, which the
            numerical check leaves in the test dtype while it casts the
            inputs to float64 (new kernels for every mixed-dtype op):
            checked numerically in float64 only; test_chainer compares
            the gradients of every dtype with Chainer's.
        fill: set every parameter with :func:`fill_params` after the
            constructor (for chains and links without initializer
            arguments).
        fill_prefixes: only those whose name starts with one of these.
        state_values: record the serialized values (else their shapes).
        grad_params: restrict the recorded parameter gradients to these
            names (None: all).
    """
    name = None
    category = None
    tables = [{'dtype': FLOATS}]
    param_names = ()
    numerical = True
    chain = False
    fill = False
    fill_prefixes = None
    state_values = True
    grad_params = None

    def use_numerical(self, p):
        """Whether test_backward checks the case ``p`` numerically."""
        return self.numerical and (
            not self.chain or numpy.dtype(dtype_of(p)) == numpy.float64)

    def checked_params(self, p):
        """``param_names`` of the case ``p`` (``b`` dropped with
        ``nobias``)."""
        return tuple(n for n in self.param_names
                     if not (n == 'b' and p.get('nobias', False)))

    def inits(self, p, rs):
        """Initializer arrays for the constructor (a tuple)."""
        return ()

    def make(self, chainer, p, inits):
        raise NotImplementedError

    def inputs(self, p, rs):
        """Input arrays (a tuple)."""
        return ()

    def forward(self, chainer, link, xs, p):
        """Runs the link on the input Variables; a tuple of Variables."""
        return link(*xs),

    def extras(self, link):
        """Further arrays recorded after the forward (dict)."""
        return {}

    def train(self, p):
        return p.get('train', True)


def dtype_of(p):
    return p.get('dtype', F32)


def build(chainer, case, p, inits=None):
    """The link of a case (its parameters set deterministically)."""
    k = key(case.name, p)
    if inits is None:
        inits = case.inits(p, rng(k, 'params'))
    with chainer.using_config('dtype', dtype_of(p)):
        link = case.make(chainer, p, tuple(inits))
    if case.fill:
        fill_params(link, k, case.fill_prefixes)
    return link


def call(chainer, case, link, xs, p):
    """The case's forward under its configuration (dtype, train)."""
    with chainer.using_config('dtype', dtype_of(p)), \
            chainer.using_config('train', case.train(p)):
        ys = case.forward(chainer, link, tuple(xs), p)
    return tuple(ys)


def run(chainer, case, p):
    """Forward and backward of a case; the flat dict described above."""
    k = key(case.name, p)
    link = build(chainer, case, p)
    out = {}
    xs = []
    ys = ()
    if case.forward is not None:
        link.cleargrads()
        xs = [chainer.Variable(x, requires_grad=x.dtype.kind == 'f')
              for x in case.inputs(p, rng(k, 'inputs'))]
        ys = call(chainer, case, link, xs, p)
        for i, y in enumerate(ys):
            out['out/%d' % i] = numpy.array(y.array)
        for name, value in case.extras(link).items():
            out['extra/' + name] = numpy.array(value)
    out['params'] = numpy.array(
        ['{} {} {}'.format(name, tuple(param.shape), param.dtype)
         for name, param in link.namedparams()], dtype=str)
    ser = chainer.serializers.DictionarySerializer()
    link.serialize(ser)
    param_keys = {name.lstrip('/') for name, _ in link.namedparams()}
    shapes = []
    for name, value in sorted(ser.target.items()):
        value = numpy.asarray(value)
        if value.dtype == object:   # None, as numpy.asarray(None)
            shapes.append('{} None'.format(name))
        elif not case.state_values or (case.fill and name in param_keys):
            # (parameter values set by fill_params are known)
            shapes.append('{} {} {}'.format(name, value.shape, value.dtype))
        else:
            out['state/' + name] = numpy.array(value)
    out['states'] = numpy.array(shapes, dtype=str)
    if case.forward is None:
        return out
    outputs, grads = [], []
    for i, y in enumerate(ys):
        if y.dtype.kind != 'f' or y.creator is None:
            continue
        outputs.append(y)
        grads.append(chainer.Variable(
            uniform(rng(k, 'gy%d' % i), y.shape, y.dtype)))
    chainer.backward(outputs, grads)
    for i, x in enumerate(xs):
        if x.grad is not None:
            out['gx/%d' % i] = numpy.array(x.grad)
    for name, param in link.namedparams():
        if case.grad_params is not None and name not in case.grad_params:
            continue
        if param.grad is not None:
            out['gp' + name] = numpy.array(param.grad)
    return out


# ----- connection ------------------------------------------------------------

def _conv_inits(p, rs, w_shape, b_size):
    dtype = dtype_of(p)
    W = uniform(rs, w_shape, dtype)
    if p.get('nobias', False):
        return W,
    return W, uniform(rs, (b_size,), dtype)


def _wb(inits):
    return {'initialW': inits[0],
            'initial_bias': inits[1] if len(inits) > 1 else None,
            'nobias': len(inits) == 1}


@register('connection')
class Linear(Case):
    tables = [{'dtype': FLOATS, 'x_shape': [(2, 3, 2)],
               'n_batch_axes': [1], 'nobias': [False], 'lazy': [False]},
              {'dtype': [F32], 'x_shape': [(2, 3, 2)], 'n_batch_axes': [2],
               'nobias': [True], 'lazy': [True]}]
    param_names = ('W', 'b')

    def in_size(self, p):
        return int(numpy.prod(p['x_shape'][p['n_batch_axes']:]))

    def inits(self, p, rs):
        return _conv_inits(p, rs, (2, self.in_size(p)), 2)

    def make(self, chainer, p, inits):
        in_size = None if p['lazy'] else self.in_size(p)
        return chainer.links.Linear(in_size, 2, **_wb(inits))

    def inputs(self, p, rs):
        return uniform(rs, p['x_shape'], dtype_of(p)),

    def forward(self, chainer, link, xs, p):
        return link(xs[0], n_batch_axes=p['n_batch_axes']),


class _ConvBase(Case):
    """A convolution link ``cls(in, out, ksize, ...)`` on ``x_shape``."""
    link_name = None
    x_shape = None
    out_channels = 2
    ksize = 3
    param_names = ('W', 'b')

    def w_shape(self, p):
        return (self.out_channels, self.x_shape[1] // p.get('groups', 1)) \
            + (self.ksize,) * (len(self.x_shape) - 2)

    def inits(self, p, rs):
        return _conv_inits(p, rs, self.w_shape(p), self.out_channels)

    def kwargs(self, p):
        return {}

    def args(self, p):
        return (self.x_shape[1], self.out_channels, self.ksize)

    def make(self, chainer, p, inits):
        cls = getattr(chainer.links, self.link_name)
        kw = _wb(inits)
        kw.update(self.kwargs(p))
        return cls(*self.args(p), **kw)

    def inputs(self, p, rs):
        return uniform(rs, self.x_shape, dtype_of(p)),


def _opts(p, *names):
    return {n: p[n] for n in names if n in p}


@register('connection')
class Convolution2D(_ConvBase):
    link_name = 'Convolution2D'
    x_shape = (2, 4, 5, 6)
    tables = [{'dtype': FLOATS, 'stride': [1], 'pad': [1]},
              {'dtype': [F32], 'stride': [(2, 1)], 'pad': [(0, 1)],
               'dilate': [2], 'groups': [2], 'nobias': [True]}]

    def kwargs(self, p):
        return _opts(p, 'stride', 'pad', 'dilate', 'groups')


@register('connection')
class Convolution1D(_ConvBase):
    link_name = 'Convolution1D'
    x_shape = (2, 3, 5)
    tables = [{'dtype': FLOATS, 'stride': [2], 'pad': [1]}]

    def kwargs(self, p):
        return _opts(p, 'stride', 'pad')


@register('connection')
class Convolution3D(_ConvBase):
    link_name = 'Convolution3D'
    x_shape = (1, 2, 3, 4, 3)
    ksize = 2
    tables = [{'dtype': FLOATS, 'pad': [1]}]

    def kwargs(self, p):
        return _opts(p, 'pad')


@register('connection')
class ConvolutionND(_ConvBase):
    link_name = 'ConvolutionND'
    x_shape = (2, 3, 5, 4)
    tables = [{'dtype': FLOATS, 'stride': [2], 'cover_all': [False]},
              {'dtype': [F32], 'stride': [2], 'cover_all': [True]}]

    def args(self, p):
        return (2,) + super(ConvolutionND, self).args(p)

    def kwargs(self, p):
        return _opts(p, 'stride', 'cover_all')


class _DeconvBase(_ConvBase):

    def w_shape(self, p):
        return (self.x_shape[1], self.out_channels // p.get('groups', 1)) \
            + (self.ksize,) * (len(self.x_shape) - 2)


@register('connection')
class Deconvolution2D(_DeconvBase):
    link_name = 'Deconvolution2D'
    x_shape = (2, 4, 3, 2)
    out_channels = 4
    tables = [{'dtype': FLOATS, 'stride': [2], 'pad': [1]},
              {'dtype': [F32], 'stride': [2], 'pad': [0],
               'outsize': [(8, 6)], 'groups': [2], 'nobias': [True]}]

    def kwargs(self, p):
        return _opts(p, 'stride', 'pad', 'outsize', 'groups')


@register('connection')
class Deconvolution1D(_DeconvBase):
    link_name = 'Deconvolution1D'
    x_shape = (2, 3, 4)
    tables = [{'dtype': FLOATS, 'stride': [2]}]

    def kwargs(self, p):
        return _opts(p, 'stride')


@register('connection')
class Deconvolution3D(_DeconvBase):
    link_name = 'Deconvolution3D'
    x_shape = (1, 2, 2, 3, 2)
    ksize = 2
    tables = [{'dtype': FLOATS, 'stride': [1], 'pad': [0]}]

    def kwargs(self, p):
        return _opts(p, 'stride', 'pad')


@register('connection')
class DeconvolutionND(_DeconvBase):
    link_name = 'DeconvolutionND'
    x_shape = (2, 3, 3, 2)
    tables = [{'dtype': FLOATS, 'stride': [2], 'pad': [1], 'dilate': [1]},
              {'dtype': [F32], 'stride': [2], 'pad': [1], 'dilate': [2]}]

    def args(self, p):
        return (2,) + super(DeconvolutionND, self).args(p)

    def kwargs(self, p):
        return _opts(p, 'stride', 'pad', 'dilate')


@register('connection')
class DilatedConvolution2D(_ConvBase):
    link_name = 'DilatedConvolution2D'
    x_shape = (2, 3, 5, 4)
    tables = [{'dtype': FLOATS, 'pad': [2], 'dilate': [2]}]

    def kwargs(self, p):
        return _opts(p, 'pad', 'dilate')


@register('connection')
class DepthwiseConvolution2D(_ConvBase):
    link_name = 'DepthwiseConvolution2D'
    x_shape = (2, 3, 4, 4)
    ksize = 2
    tables = [{'dtype': FLOATS, 'stride': [1], 'pad': [1]}]

    def w_shape(self, p):
        return (2, 3, 2, 2)

    def inits(self, p, rs):
        return _conv_inits(p, rs, self.w_shape(p), 6)

    def kwargs(self, p):
        return _opts(p, 'stride', 'pad')


@register('connection')
class LocalConvolution2D(_ConvBase):
    # (Chainer 7.8.1 sizes W as if the stride were 1: stride 1 only.)
    link_name = 'LocalConvolution2D'
    tables = [{'dtype': FLOATS, 'nobias': [False]},
              {'dtype': [F32], 'nobias': [True]}]

    def inits(self, p, rs):
        dtype = dtype_of(p)
        W = uniform(rs, (2, 3, 2, 3, 2, 2), dtype)
        if p['nobias']:
            return W,
        return W, uniform(rs, (2, 3, 2), dtype)

    def args(self, p):
        return (3, 2, (4, 3), 2)

    def inputs(self, p, rs):
        return uniform(rs, (2, 3, 4, 3), dtype_of(p)),


@register('connection')
class DeformableConvolution2D(Case):
    chain = True
    tables = [{'dtype': FLOATS}]
    # The offsets come from the child ``offset_conv``: its parameters are
    # reached only through the chain, so their gradients are compared with
    # Chainer's (``param_names`` lists direct parameters only).

    def inits(self, p, rs):
        dtype = dtype_of(p)
        # small offset weights keep the sampling points inside the image
        return (uniform(rs, (8, 3, 2, 2), dtype, -.2, .2),
                uniform(rs, (8,), dtype, -.3, .3),
                uniform(rs, (2, 3, 2, 2), dtype),
                uniform(rs, (2,), dtype))

    def make(self, chainer, p, inits):
        return chainer.links.DeformableConvolution2D(
            3, 2, 2, stride=1, pad=0, offset_initialW=inits[0],
            offset_initial_bias=inits[1], deform_initialW=inits[2],
            deform_initial_bias=inits[3])

    def inputs(self, p, rs):
        return uniform(rs, (2, 3, 4, 3), dtype_of(p)),


@register('connection')
class EmbedID(Case):
    tables = [{'dtype': FLOATS, 'ignore_label': [None]},
              {'dtype': [F32], 'ignore_label': [-1]}]
    param_names = ('W',)

    def inits(self, p, rs):
        return uniform(rs, (5, 3), dtype_of(p)),

    def make(self, chainer, p, inits):
        return chainer.links.EmbedID(5, 3, initialW=inits[0],
                                     ignore_label=p['ignore_label'])

    def inputs(self, p, rs):
        x = rs.randint(0, 5, (2, 3)).astype(numpy.int32)
        if p['ignore_label'] is not None:
            x[0, 1] = p['ignore_label']
        return x,


@register('connection')
class Bias(Case):
    tables = [{'dtype': FLOATS, 'axis': [1], 'learned': [True]},
              {'dtype': [F32], 'axis': [1], 'learned': [False]}]
    fill = True

    def checked_params(self, p):
        return ('b',) if p['learned'] else ()

    def make(self, chainer, p, inits):
        if p['learned']:
            return chainer.links.Bias(axis=p['axis'], shape=(3,))
        return chainer.links.Bias(axis=p['axis'])

    def inputs(self, p, rs):
        x = uniform(rs, (2, 3, 4), dtype_of(p))
        if p['learned']:
            return x,
        return x, uniform(rs, (3, 4), dtype_of(p))


@register('connection')
class Scale(Case):
    chain = True
    tables = [{'dtype': FLOATS, 'learned': [True], 'bias_term': [True]},
              {'dtype': [F32], 'learned': [False], 'bias_term': [True]}]
    fill = True

    def checked_params(self, p):
        # the bias is the child link ``bias``
        return ('W',) if p['learned'] else ()

    def make(self, chainer, p, inits):
        if p['learned']:
            return chainer.links.Scale(axis=1, W_shape=(3,),
                                       bias_term=p['bias_term'])
        return chainer.links.Scale(axis=1, bias_term=p['bias_term'],
                                   bias_shape=(3, 4))

    def inputs(self, p, rs):
        x = uniform(rs, (2, 3, 4), dtype_of(p))
        if p['learned']:
            return x,
        return x, uniform(rs, (3, 4), dtype_of(p))


@register('connection')
class Bilinear(Case):
    # Chainer's bilinear function takes float32 only.
    tables = [{'dtype': [F32], 'nobias': [False, True]}]

    def checked_params(self, p):
        return ('W',) if p['nobias'] else ('W', 'V1', 'V2', 'b')

    def inits(self, p, rs):
        dtype = dtype_of(p)
        W = uniform(rs, (3, 2, 4), dtype)
        if p['nobias']:
            return W,
        return (W, uniform(rs, (3, 4), dtype), uniform(rs, (2, 4), dtype),
                uniform(rs, (4,), dtype))

    def make(self, chainer, p, inits):
        if p['nobias']:
            return chainer.links.Bilinear(3, 2, 4, nobias=True,
                                          initialW=inits[0])
        return chainer.links.Bilinear(3, 2, 4, initialW=inits[0],
                                      initial_bias=inits[1:])

    def inputs(self, p, rs):
        return (uniform(rs, (5, 3), dtype_of(p)),
                uniform(rs, (5, 2), dtype_of(p)))


@register('connection')
class Highway(Case):
    chain = True
    tables = [{'dtype': FLOATS}]

    def inits(self, p, rs):
        dtype = dtype_of(p)
        return (uniform(rs, (3, 3), dtype), uniform(rs, (3, 3), dtype),
                uniform(rs, (3,), dtype), uniform(rs, (3,), dtype))

    def make(self, chainer, p, inits):
        return chainer.links.Highway(3, init_Wh=inits[0], init_Wt=inits[1],
                                     init_bh=inits[2], init_bt=inits[3])

    def inputs(self, p, rs):
        return uniform(rs, (4, 3), dtype_of(p)),


@register('connection')
class Inception(Case):
    chain = True
    tables = [{'dtype': FLOATS}]
    fill = True

    def make(self, chainer, p, inits):
        return chainer.links.Inception(3, 2, 2, 3, 2, 2, 2)

    def inputs(self, p, rs):
        return uniform(rs, (2, 3, 4, 3), dtype_of(p)),


@register('connection')
class InceptionBN(Case):
    # train mode: the batch statistics, and avg_mean/avg_var/N after it.
    # Every batch-normalized value before a ReLU is at least 0.01 from 0
    # in the float16 case (its x_shape and key chosen for that): closer,
    # float16 rounding decides the ReLU's mask, and the gradients then
    # differ by whole elements between CPUs (seen with (3, 3, 4, 4), where
    # one value was 1e-4 from 0).
    chain = True
    tables = [{'dtype': FLOATS, 'pooltype': ['max'], 'stride': [1],
               'train': [True], 'x_shape': [(2, 3, 3, 3)]},
              {'dtype': [F32], 'pooltype': ['avg'], 'stride': [2],
               'train': [True]},
              {'dtype': [F64], 'pooltype': ['avg'], 'stride': [1],
               'train': [False]}]
    fill = True

    def make(self, chainer, p, inits):
        proj_pool = 2 if p['stride'] == 1 else None
        out1 = 2 if p['stride'] == 1 else 0
        return chainer.links.InceptionBN(
            3, out1, 2, 2, 2, 3, p['pooltype'], proj_pool=proj_pool,
            stride=p['stride'], dtype=dtype_of(p))

    def inputs(self, p, rs):
        return uniform(rs, p.get('x_shape', (3, 3, 4, 4)), dtype_of(p)),


@register('connection')
class MLPConvolution2D(Case):
    chain = True
    tables = [{'dtype': FLOATS, 'ksize': [2]}]
    fill = True

    def make(self, chainer, p, inits):
        return chainer.links.MLPConvolution2D(3, (4, 2), p['ksize'])

    def inputs(self, p, rs):
        return uniform(rs, (2, 3, 3, 3), dtype_of(p)),


@register('connection')
class Parameter(Case):
    tables = [{'dtype': FLOATS}]
    param_names = ('W',)

    def make(self, chainer, p, inits):
        rs = rng(key(self.name, p), 'W')
        return chainer.links.Parameter(uniform(rs, (2, 3), dtype_of(p)))

    def forward(self, chainer, link, xs, p):
        return link(),


# ----- activation ------------------------------------------------------------

@register('activation')
class Maxout(Case):
    # W and b are the child ``linear``'s (test_chainer checks them)
    chain = True

    def inits(self, p, rs):
        dtype = dtype_of(p)
        return uniform(rs, (2, 3, 4), dtype), uniform(rs, (2, 3), dtype)

    def make(self, chainer, p, inits):
        return chainer.links.Maxout(4, 2, 3, initialW=inits[0],
                                    initial_bias=inits[1])

    def inputs(self, p, rs):
        return uniform(rs, (5, 4), dtype_of(p)),


@register('activation')
class PReLU(Case):
    param_names = ('W',)

    def inits(self, p, rs):
        return uniform(rs, (3,), dtype_of(p)),

    def make(self, chainer, p, inits):
        return chainer.links.PReLU(shape=(3,), init=inits[0])

    def inputs(self, p, rs):
        return uniform(rs, (2, 3, 4), dtype_of(p)),


@register('activation')
class SimplifiedDropconnect(Case):
    # 'test': train=False (a linear layer); 'batchwise'/'shared': a given
    # (n, out, in) / (out, in) mask, so that the result is deterministic
    tables = [{'dtype': FLOATS, 'mode': ['test']},
              {'dtype': [F32], 'mode': ['batchwise']},
              {'dtype': [F64], 'mode': ['shared']}]
    param_names = ('W', 'b')

    def inits(self, p, rs):
        dtype = dtype_of(p)
        return uniform(rs, (2, 3), dtype), uniform(rs, (2,), dtype)

    def make(self, chainer, p, inits):
        return chainer.links.SimplifiedDropconnect(
            3, 2, ratio=.5, initialW=inits[0], initial_bias=inits[1])

    def inputs(self, p, rs):
        return uniform(rs, (4, 3), dtype_of(p)),

    def forward(self, chainer, link, xs, p):
        if p['mode'] == 'test':
            return link(xs[0], train=False),
        shape = (4, 2, 3) if p['mode'] == 'batchwise' else (2, 3)
        mask = (rng(key(self.name, p), 'mask').uniform(0, 1, shape) > .5
                ).astype(dtype_of(p))
        return link(xs[0], train=True, mask=mask,
                    use_batchwise_mask=p['mode'] == 'batchwise'),


@register('activation')
class Swish(Case):
    param_names = ('beta',)

    def inits(self, p, rs):
        return uniform(rs, (3,), dtype_of(p)),

    def make(self, chainer, p, inits):
        return chainer.links.Swish((3,), beta_init=inits[0])

    def inputs(self, p, rs):
        return uniform(rs, (2, 3, 4), dtype_of(p)),


# ----- loss ------------------------------------------------------------------

class FixedSampler(object):
    """A sampler (``sampler.sample(shape)``) giving the same int32 words at
    every call, in place of the link's random ``WalkerAlias``."""

    def __init__(self, case_key, n_words):
        self.case_key = case_key
        self.n_words = n_words

    def sample(self, shape):
        return rng(self.case_key, 'samples').randint(
            0, self.n_words, shape).astype(numpy.int32)

    __call__ = sample

    def device_resident_accept(self, visitor):
        pass   # nothing to move: the samples are made on the host


_COUNTS = [3, 1, 4, 2, 5]


@register('loss')
class NegativeSampling(Case):
    tables = [{'dtype': FLOATS, 'reduce': ['sum']},
              {'dtype': [F32], 'reduce': ['no']}]
    fill = True
    param_names = ('W',)

    def make(self, chainer, p, inits):
        return chainer.links.NegativeSampling(3, _COUNTS, 2,
                                              dtype=dtype_of(p))

    def inputs(self, p, rs):
        t = rs.randint(0, 5, (4,)).astype(numpy.int32)
        t[1] = -1   # ignored
        return uniform(rs, (4, 3), dtype_of(p)), t

    def forward(self, chainer, link, xs, p):
        link.sampler = FixedSampler(key(self.name, p), len(_COUNTS))
        return link(xs[0], xs[1], reduce=p['reduce']),


@register('loss')
class BlackOut(Case):
    fill = True
    param_names = ('W',)

    def make(self, chainer, p, inits):
        return chainer.links.BlackOut(3, _COUNTS, 2)

    def inputs(self, p, rs):
        return (uniform(rs, (4, 3), dtype_of(p)),
                rs.randint(0, 5, (4,)).astype(numpy.int32))

    def forward(self, chainer, link, xs, p):
        link.sample_data = FixedSampler(
            key(self.name, p), len(_COUNTS)).sample((4, 2))
        return link(xs[0], xs[1]),


@register('loss')
class CRF1d(Case):
    # xs: 3 steps of batches 3, 2, 1 (time-major, as CRF1d expects), or
    # with transpose=True 3 unsorted sequences of lengths 2, 3, 1;
    # 'argmax' returns the best score and paths.
    tables = [{'dtype': FLOATS, 'method': ['loss'], 'transpose': [False],
               'reduce': ['mean']},
              {'dtype': [F32], 'method': ['loss'], 'transpose': [True],
               'reduce': ['no']},
              {'dtype': [F64], 'method': ['argmax'], 'transpose': [False],
               'reduce': ['mean']}]
    param_names = ('cost',)

    def lengths(self, p):
        return (2, 3, 1) if p['transpose'] else (3, 2, 1)

    def inits(self, p, rs):
        return uniform(rs, (3, 3), dtype_of(p)),

    def make(self, chainer, p, inits):
        return chainer.links.CRF1d(3, initial_cost=inits[0])

    def inputs(self, p, rs):
        lengths = self.lengths(p)
        xs = tuple(uniform(rs, (n, 3), dtype_of(p)) for n in lengths)
        if p['method'] == 'argmax':
            return xs
        ys = tuple(rs.randint(0, 3, (n,)).astype(numpy.int32)
                   for n in lengths)
        return xs + ys

    def forward(self, chainer, link, xs, p):
        if p['method'] == 'argmax':
            score, path = link.argmax(list(xs), transpose=p['transpose'])
            return (score,) + tuple(chainer.Variable(numpy.asarray(q))
                                    for q in path)
        n = len(xs) // 2
        return link(list(xs[:n]), list(xs[n:]), reduce=p['reduce'],
                    transpose=p['transpose']),


@register('loss')
class BinaryHierarchicalSoftmax(Case):
    fill = True
    param_names = ('W',)

    def make(self, chainer, p, inits):
        L = chainer.links
        tree = L.BinaryHierarchicalSoftmax.create_huffman_tree(
            {0: 4, 1: 3, 2: 2, 3: 1})
        return L.BinaryHierarchicalSoftmax(3, tree, dtype=dtype_of(p))

    def inputs(self, p, rs):
        return (uniform(rs, (4, 3), dtype_of(p)),
                numpy.array([0, 3, 1, 2], numpy.int32))


# ----- model -----------------------------------------------------------------

@register('model')
class Classifier(Case):
    # The predictor is a Linear(3, 4) with initializer arrays; label_key
    # -1: link(x, t), 0: link(t, x), 't': link(x, t=t).
    chain = True
    tables = [{'dtype': FLOATS, 'label_key': [-1], 'lossfun': ['default'],
               'compute_accuracy': [True]},
              {'dtype': [F32], 'label_key': [0, 't'], 'lossfun': ['default'],
               'compute_accuracy': [False]},
              {'dtype': [F64], 'label_key': [-1], 'lossfun': ['hinge'],
               'compute_accuracy': [True]}]

    def inits(self, p, rs):
        dtype = dtype_of(p)
        return uniform(rs, (4, 3), dtype), uniform(rs, (4,), dtype)

    def make(self, chainer, p, inits):
        L = chainer.links
        predictor = L.Linear(3, 4, initialW=inits[0], initial_bias=inits[1])
        kwargs = {'label_key': p['label_key']}
        if p['lossfun'] == 'hinge':
            kwargs['lossfun'] = chainer.functions.hinge
        link = L.Classifier(predictor, **kwargs)
        link.compute_accuracy = p['compute_accuracy']
        return link

    def inputs(self, p, rs):
        return (uniform(rs, (5, 3), dtype_of(p)),
                numpy.array([0, 3, 1, 2, 1], numpy.int32))

    def forward(self, chainer, link, xs, p):
        x, t = xs
        if p['label_key'] == 0:
            loss = link(t, x)
        elif p['label_key'] == 't':
            loss = link(x, t=t)
        else:
            loss = link(x, t)
        return loss, link.y

    def extras(self, link):
        out = {'loss': link.loss.array}
        if link.accuracy is not None:
            out['accuracy'] = link.accuracy.array
        return out


class _Vision(Case):
    # Names, shapes and dtypes of the parameters and persistents of
    # pretrained_model=None (no forward: the models are big).
    tables = [{'dtype': [F32]}]
    forward = None
    state_values = False

    def make(self, chainer, p, inits):
        return getattr(chainer.links, self.name)(pretrained_model=None)


for _name in ('VGG16Layers', 'VGG19Layers', 'ResNet50Layers',
              'ResNet101Layers', 'ResNet152Layers', 'GoogLeNet'):
    register('model')(type(_name, (_Vision,), {}))
del _name


@register('model')
class GoogLeNetForward(Case):
    # The first layers of GoogLeNet (conv1 ... inception_3a) on a 32x32
    # image, their parameters set by fill_params (the others keep their
    # random initial values, which do not matter); test mode.
    name = 'GoogLeNet.inception_3a'
    tables = [{'dtype': [F32], 'train': [False]}]
    fill = True
    fill_prefixes = ('/conv1/', '/conv2_reduce/', '/conv2/', '/inc3a/')
    state_values = False
    grad_params = ('/conv1/W', '/conv1/b', '/conv2_reduce/b', '/conv2/b',
                   '/inc3a/conv1/b', '/inc3a/proj3/b', '/inc3a/conv5/b',
                   '/inc3a/projp/b', '/inc3b/conv1/b', '/loss3_fc/b')

    def make(self, chainer, p, inits):
        return chainer.links.GoogLeNet(pretrained_model=None)

    def inputs(self, p, rs):
        return uniform(rs, (1, 3, 32, 32), dtype_of(p), 0., 1.),

    def forward(self, chainer, link, xs, p):
        return link(xs[0], layers=['inception_3a'])['inception_3a'],


# ----- normalization ---------------------------------------------------------

def _bn_inits(p, rs, size):
    dtype = dtype_of(p)
    return (uniform(rs, size, dtype), uniform(rs, size, dtype),
            uniform(rs, size, dtype), uniform(rs, size, dtype, .5, 1.5))


@register('normalization')
class BatchNormalization(Case):
    # one step in train mode (then avg_mean, avg_var and N, in
    # state/...) or in test mode (given avg_mean/avg_var); options:
    # lazy (axis=0, size from the input), no gamma/beta, finetune,
    # axis=(0, 2) on a 3-d input.
    tables = [{'dtype': FLOATS, 'train': [True, False], 'opt': ['default']},
              {'dtype': [F32], 'train': [True], 'opt': ['lazy', 'no_gamma']},
              {'dtype': [F64], 'train': [True], 'opt': ['finetune', 'axis']}]

    def checked_params(self, p):
        return () if p['opt'] in ('no_gamma', 'lazy') else ('gamma', 'beta')

    def x_shape(self, p):
        return {'lazy': (4, 3), 'axis': (3, 4, 2)}.get(p['opt'], (3, 3, 2))

    def inits(self, p, rs):
        size = 4 if p['opt'] == 'axis' else 3
        return _bn_inits(p, rs, (size,))

    def make(self, chainer, p, inits):
        g, b, m, v = inits
        L = chainer.links
        dtype = dtype_of(p)
        if p['opt'] == 'lazy':
            return L.BatchNormalization(axis=0, dtype=dtype, initial_gamma=g,
                                        initial_beta=b)
        if p['opt'] == 'no_gamma':
            return L.BatchNormalization(3, dtype=dtype, use_gamma=False,
                                        use_beta=False, initial_avg_mean=m,
                                        initial_avg_var=v)
        kwargs = {'axis': (0, 2)} if p['opt'] == 'axis' else {}
        return L.BatchNormalization(
            4 if p['opt'] == 'axis' else 3, decay=.8, eps=1e-3, dtype=dtype,
            initial_gamma=g, initial_beta=b, initial_avg_mean=m,
            initial_avg_var=v, **kwargs)

    def inputs(self, p, rs):
        return uniform(rs, self.x_shape(p), dtype_of(p)),

    def forward(self, chainer, link, xs, p):
        if p['opt'] == 'finetune':
            return link(xs[0], finetune=True),
        return link(xs[0]),


@register('normalization')
class BatchRenormalization(Case):
    # In train mode Chainer's gradient treats r and d as constants (as the
    # paper does), which a numerical gradient cannot: Chainer's gradients
    # are compared instead (test_chainer).
    tables = [{'dtype': FLOATS, 'train': [True, False]}]
    param_names = ('gamma', 'beta')

    def inits(self, p, rs):
        return _bn_inits(p, rs, (3,))

    def make(self, chainer, p, inits):
        g, b, m, v = inits
        link = chainer.links.BatchRenormalization(
            3, rmax=1.5, dmax=.3, decay=.8, dtype=dtype_of(p),
            initial_gamma=g, initial_beta=b)
        # (Chainer 7.8.1 hands initial_avg_mean/initial_avg_var on to
        # BatchNormalization as axis/initial_avg_mean: set them here; see
        # docs/differences.md)
        link.avg_mean = m
        link.avg_var = v
        return link

    def inputs(self, p, rs):
        return uniform(rs, (4, 3, 2), dtype_of(p)),

    def use_numerical(self, p):
        return not p['train']


@register('normalization')
class DecorrelatedBatchNormalization(Case):
    # NumPy's eigh (Chainer's CPU path) has no float16.
    tables = [{'dtype': [F32, F64], 'train': [True, False]}]

    def make(self, chainer, p, inits):
        link = chainer.links.DecorrelatedBatchNormalization(
            4, groups=2, decay=.8, dtype=dtype_of(p))
        rs = rng(key(self.name, p), 'stats')
        link.avg_mean = uniform(rs, (2, 2), dtype_of(p), -.5, .5)
        a = uniform(rs, (2, 2, 2), dtype_of(p))
        link.avg_projection = (numpy.eye(2, dtype=dtype_of(p)) +
                               .3 * a).astype(dtype_of(p))
        return link

    def inputs(self, p, rs):
        return uniform(rs, (5, 4, 2), dtype_of(p)),


@register('normalization')
class GroupNormalization(Case):
    tables = [{'dtype': FLOATS, 'groups': [2]}]
    param_names = ('gamma', 'beta')

    def inits(self, p, rs):
        dtype = dtype_of(p)
        return uniform(rs, (4,), dtype), uniform(rs, (4,), dtype)

    def make(self, chainer, p, inits):
        return chainer.links.GroupNormalization(
            p['groups'], 4, initial_gamma=inits[0], initial_beta=inits[1])

    def inputs(self, p, rs):
        return uniform(rs, (2, 4, 3), dtype_of(p)),


@register('normalization')
class LayerNormalization(Case):
    tables = [{'dtype': FLOATS, 'lazy': [False]},
              {'dtype': [F32], 'lazy': [True]}]
    param_names = ('gamma', 'beta')

    def inits(self, p, rs):
        dtype = dtype_of(p)
        return uniform(rs, (4,), dtype), uniform(rs, (4,), dtype)

    def make(self, chainer, p, inits):
        # (Chainer 7.8.1 calls initial_gamma/initial_beta: arrays are
        # passed as Constant initializers)
        C = chainer.initializers.Constant
        return chainer.links.LayerNormalization(
            None if p['lazy'] else 4, eps=1e-5, initial_gamma=C(inits[0]),
            initial_beta=C(inits[1]))

    def inputs(self, p, rs):
        return uniform(rs, (3, 4), dtype_of(p)),


# ----- rnn -------------------------------------------------------------------

class _Stateful(Case):
    """A stateful cell (in 3, out 4) run on two steps after
    ``reset_state()``: the outputs of both steps (and the cell state)."""
    chain = True
    link_name = None
    tables = [{'dtype': FLOATS}]
    fill = True
    has_c = False

    def make(self, chainer, p, inits):
        return getattr(chainer.links, self.link_name)(3, 4)

    def inputs(self, p, rs):
        return uniform(rs, (2, 3), dtype_of(p)), uniform(rs, (2, 3),
                                                         dtype_of(p))

    def forward(self, chainer, link, xs, p):
        link.reset_state()
        h1 = link(xs[0])
        h2 = link(xs[1])
        return (h1, h2, link.c) if self.has_c else (h1, h2)


@register('rnn')
class LSTM(_Stateful):
    # the second step may have a smaller batch (the rest of h and c kept)
    tables = [{'dtype': FLOATS, 'batch2': [2]}, {'dtype': [F32],
                                                  'batch2': [1]}]
    link_name = 'LSTM'
    has_c = True

    def inputs(self, p, rs):
        return (uniform(rs, (2, 3), dtype_of(p)),
                uniform(rs, (p['batch2'], 3), dtype_of(p)))


@register('rnn')
class StatefulGRU(_Stateful):
    link_name = 'StatefulGRU'


@register('rnn')
class GRU(_Stateful):
    link_name = 'GRU'


@register('rnn')
class StatefulMGU(_Stateful):
    link_name = 'StatefulMGU'


@register('rnn')
class StatefulPeepholeLSTM(_Stateful):
    link_name = 'StatefulPeepholeLSTM'
    has_c = True


@register('rnn')
class StatefulZoneoutLSTM(_Stateful):
    # zoneout off: ratios 0 in train mode, or ratios .5 in test mode
    tables = [{'dtype': FLOATS, 'train': [False], 'ratio': [.5]},
              {'dtype': [F32], 'train': [True], 'ratio': [0.]}]
    has_c = True

    def make(self, chainer, p, inits):
        return chainer.links.StatefulZoneoutLSTM(
            3, 4, c_ratio=p['ratio'], h_ratio=p['ratio'])


@register('rnn')
class StatelessLSTM(Case):
    # state: c and h given, or None (zeros)
    chain = True
    tables = [{'dtype': FLOATS, 'state': ['given']},
              {'dtype': [F32], 'state': ['none']}]
    fill = True

    def make(self, chainer, p, inits):
        return chainer.links.StatelessLSTM(3, 4)

    def inputs(self, p, rs):
        x = uniform(rs, (2, 3), dtype_of(p))
        if p['state'] == 'none':
            return x,
        return (uniform(rs, (2, 4), dtype_of(p)),
                uniform(rs, (2, 4), dtype_of(p)), x)

    def forward(self, chainer, link, xs, p):
        if p['state'] == 'none':
            return link(None, None, xs[0])
        return link(*xs)


class _StatelessH(Case):
    chain = True
    link_name = None
    fill = True

    def make(self, chainer, p, inits):
        return getattr(chainer.links, self.link_name)(3, 4)

    def inputs(self, p, rs):
        return uniform(rs, (2, 4), dtype_of(p)), uniform(rs, (2, 3),
                                                         dtype_of(p))


@register('rnn')
class StatelessGRU(_StatelessH):
    link_name = 'StatelessGRU'


@register('rnn')
class StatelessMGU(_StatelessH):
    link_name = 'StatelessMGU'


class _NStep(Case):
    """``n_layers`` layers (2 for the LSTMs, whose stacking code the others
    share, 1 otherwise), in 3, out 2, no dropout, on 3 sequences of lengths
    2, 3 and 1 (unsorted); hx (and cx) given or None. Outputs: hy, (cy,)
    ys.

    The numerical check of these (many parameters, eager loops) would be
    slow: the gradients of every parameter, of hx/cx and of the sequences
    are compared with Chainer's instead (test_chainer)."""
    link_name = None
    tables = [{'dtype': FLOATS, 'hx': ['given']},
              {'dtype': [F32], 'hx': ['none']}]
    fill = True
    numerical = False
    lstm = False
    bi = False
    n_layers = 1

    def make(self, chainer, p, inits):
        return getattr(chainer.links, self.link_name)(
            self.n_layers, 3, 2, 0.)

    def inputs(self, p, rs):
        dtype = dtype_of(p)
        xs = tuple(uniform(rs, (n, 3), dtype) for n in (2, 3, 1))
        if p['hx'] == 'none':
            return xs
        n = self.n_layers * (2 if self.bi else 1)
        hs = (uniform(rs, (n, 3, 2), dtype),)
        if self.lstm:
            hs += (uniform(rs, (n, 3, 2), dtype),)
        return hs + xs

    def forward(self, chainer, link, xs, p):
        n_h = 2 if self.lstm else 1
        if p['hx'] == 'none':
            hs, seqs = (None,) * n_h, list(xs)
        else:
            hs, seqs = xs[:n_h], list(xs[n_h:])
        out = link(*(hs + (seqs,)))
        return tuple(out[:-1]) + tuple(out[-1])


for _name, _lstm, _bi in (
        ('NStepLSTM', True, False), ('NStepBiLSTM', True, True),
        ('NStepGRU', False, False), ('NStepBiGRU', False, True),
        ('NStepRNNTanh', False, False), ('NStepRNNReLU', False, False),
        ('NStepBiRNNTanh', False, True), ('NStepBiRNNReLU', False, True)):
    register('rnn')(type(_name, (_NStep,), {
        'link_name': _name, 'lstm': _lstm, 'bi': _bi,
        'n_layers': 2 if _lstm else 1}))
del _name, _lstm, _bi


@register('rnn')
class ChildSumTreeLSTM(Case):
    # two children and x, or one child and no x
    chain = True
    tables = [{'dtype': FLOATS, 'children': [2]},
              {'dtype': [F32], 'children': [1]}]
    fill = True

    def make(self, chainer, p, inits):
        return chainer.links.ChildSumTreeLSTM(3, 2)

    def inputs(self, p, rs):
        dtype = dtype_of(p)
        n = p['children']
        cs = tuple(uniform(rs, (4, 2), dtype) for _ in range(n))
        hs = tuple(uniform(rs, (4, 2), dtype) for _ in range(n))
        if n == 1:
            return cs + hs
        return cs + hs + (uniform(rs, (4, 3), dtype),)

    def forward(self, chainer, link, xs, p):
        if p['children'] == 1:
            return link(*(xs + (None,)))
        return link(*xs)


@register('rnn')
class NaryTreeLSTM(Case):
    # a binary node with both children, or with the second one missing
    chain = True
    tables = [{'dtype': FLOATS, 'missing': [False]},
              {'dtype': [F32], 'missing': [True]}]
    fill = True

    def make(self, chainer, p, inits):
        return chainer.links.NaryTreeLSTM(3, 2, n_ary=2)

    def inputs(self, p, rs):
        dtype = dtype_of(p)
        n = 1 if p['missing'] else 2
        cs = tuple(uniform(rs, (4, 2), dtype) for _ in range(n))
        hs = tuple(uniform(rs, (4, 2), dtype) for _ in range(n))
        return cs + hs + (uniform(rs, (4, 3), dtype),)

    def forward(self, chainer, link, xs, p):
        if p['missing']:
            c1, h1, x = xs
            return link(c1, None, h1, None, x)
        return link(*xs)


# ----- the chainerjax side: LinkTestCase adapter -----------------------------

# (rtol, atol) of the forward/Chainer comparisons (compat_tests' defaults)
# and of the numerical gradient check.
FORWARD_TOL = {'float16': (1e-2, 1e-3), 'float32': (1e-4, 1e-5),
               'float64': (1e-10, 1e-12)}
BACKWARD_TOL = {'float16': (5e-2, 5e-2), 'float32': (1e-3, 1e-3),
                'float64': (1e-4, 1e-5)}

# test_chainer: gradients in float16 sum more terms than the outputs, each
# rounded to float16 by Chainer (NumPy), not by XLA.
CHAINER_TOL = {'float16': {'gx/*': (2e-2, 5e-3), 'gp/*': (2e-2, 5e-3)}}

_fixtures = {}
_MISSING = object()


def pack(case_key, result):
    """The fixture entries of a case result: ``<case key>/<dtype>`` holds
    the arrays of that dtype raveled one after the other, and
    ``<case key>/index`` their ``'<name>|<dtype>|<shape>'`` in order;
    str arrays stay as they are."""
    out = {}
    chunks = {}
    index = []
    for name in sorted(result):
        a = numpy.asarray(result[name])
        if a.dtype.kind == 'U':
            out[case_key + '/' + name] = a
            continue
        index.append('{}|{}|{}'.format(
            name, a.dtype.name, ','.join(str(d) for d in a.shape)))
        chunks.setdefault(a.dtype.name, []).append(a.ravel())
    for dtype, parts in chunks.items():
        out[case_key + '/' + dtype] = numpy.concatenate(parts)
    out[case_key + '/index'] = numpy.array(index, dtype=str)
    return out


def unpack(entries):
    """The inverse of :func:`pack` for the entries of one case (keys
    without the case prefix)."""
    out = {k: v for k, v in entries.items()
           if v.dtype.kind == 'U' and k != 'index'}
    offsets = {}
    for item in entries['index']:
        name, dtype, shape = str(item).split('|')
        shape = tuple(int(d) for d in shape.split(',')) if shape else ()
        start = offsets.get(dtype, 0)
        size = int(numpy.prod(shape))
        out[name] = entries[dtype][start:start + size].reshape(shape)
        offsets[dtype] = start + size
    return out


def load_fixture(category):
    """``{case key: {name: array}}`` of a category."""
    if category not in _fixtures:
        path = os.path.join(FIXTURES, 'linktests_%s.npz' % category)
        grouped = {}
        with numpy.load(path, allow_pickle=False) as f:
            for k in f.files:
                case_key, name = k.rsplit('/', 1)
                grouped.setdefault(case_key, {})[name] = f[k]
        _fixtures[category] = {k: unpack(v) for k, v in grouped.items()}
    return _fixtures[category]


def expected(case, p):
    """The fixture entries of a case (copies)."""
    entries = load_fixture(case.category).get(key(case.name, p), {})
    return {k: v.copy() for k, v in entries.items()}


def fixture_case_keys(category):
    return sorted(load_fixture(category))


def table_case_keys(category):
    return sorted(key(c.name, p) for c in CASES[category]
                  for p in expand(c.tables))


class CaseAdapter(object):
    """Mixin giving ``testing.LinkTestCase``/``LinkInitializersTestCase``
    the hooks of a :class:`Case` (``case``; its parameters are the
    attributes ``testing.parameterize`` sets).

    ``forward_tol``/``backward_tol`` override the tolerances by dtype name.
    """
    case = None
    forward_tol = {}
    backward_tol = {}

    def setUp(self):
        names = set().union(*self.case.tables)
        self.p = {k: getattr(self, k) for k in names
                  if getattr(self, k, _MISSING) is not _MISSING}
        self.case_key = key(self.case.name, self.p)
        self.dtype_name = numpy.dtype(dtype_of(self.p)).name
        rtol, atol = self.forward_tol.get(self.dtype_name,
                                          FORWARD_TOL[self.dtype_name])
        self.check_forward_options = {'rtol': rtol, 'atol': atol}
        rtol, atol = self.backward_tol.get(self.dtype_name,
                                           BACKWARD_TOL[self.dtype_name])
        self.check_backward_options = {'rtol': rtol, 'atol': atol}
        if not self.param_names:
            self.param_names = self.case.checked_params(self.p)
        if not self.case.use_numerical(self.p):
            self.skip_backward_test = True

    def before_test(self, test_name):
        # check_backward's random direction (from NumPy's global generator)
        # is then the same whatever ran before
        numpy.random.seed(zlib.crc32(
            (self.case_key + '|' + test_name).encode('utf-8')))

    def generate_params(self):
        return self.case.inits(self.p, rng(self.case_key, 'params'))

    def generate_grad_outputs(self, outputs_template):
        # the upstream gradients of the fixture (run)
        return tuple(uniform(rng(self.case_key, 'gy%d' % i), y.shape,
                             y.dtype)
                     for i, y in enumerate(outputs_template))

    def create_link(self, initializers):
        import chainerjax
        return build(chainerjax, self.case, self.p, initializers)

    def generate_inputs(self):
        return tuple(self.case.inputs(self.p, rng(self.case_key, 'inputs')))

    def forward(self, link, inputs, device):
        import chainerjax
        return call(chainerjax, self.case, link, inputs, self.p)

    def forward_expected(self, link, inputs):
        exp = expected(self.case, self.p)
        n = len([k for k in exp if k.startswith('out/')])
        return tuple(exp['out/%d' % i] for i in range(n))


class LinkCaseTest(CaseAdapter):
    """Mixin adapting a :class:`Case` to ``testing.LinkTestCase``.

    Put it first: ``class TestX(LinkCaseTest, testing.LinkTestCase)``
    with ``case = _link_cases.get('X')``. ``test_forward`` compares the
    outputs with Chainer's, ``test_backward`` checks the gradients of the
    inputs and of ``case.checked_params`` numerically (unless
    ``case.numerical`` is False), and ``test_chainer`` compares
    :func:`run` (outputs, parameter names/shapes/dtypes, serialized state,
    gradients for Chainer's upstream gradient) with the fixture;
    ``chainer_tol`` (``{dtype name: {key pattern: (rtol, atol)}}``)
    widens its tolerances.
    """
    chainer_tol = {}

    def test_chainer(self, backend_config):
        import chainerjax
        from compat_tests import _harness
        exp = expected(self.case, self.p)
        assert exp, 'no fixture for ' + self.case_key
        with backend_config:
            ours = run(chainerjax, self.case, self.p)
        tol = dict(self.chainer_tol.get(self.dtype_name, {}))
        for pattern, t in CHAINER_TOL.get(self.dtype_name, {}).items():
            tol.setdefault(pattern, t)
        errors = []
        for listing in ('params', 'states'):
            exp_names = [str(n) for n in exp.pop(listing, ())]
            our_names = [str(n) for n in ours.pop(listing, ())]
            if exp_names != our_names:
                errors.append('{}: Chainer {} != chainerjax {}'.format(
                    listing, exp_names, our_names))
        errors += _harness.compare(self.case_key, (exp, {}), ours, tol)
        assert not errors, '\n'.join([self.case_key] + errors)
