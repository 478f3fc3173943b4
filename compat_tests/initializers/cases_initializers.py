"""Cases of ``chainer.initializers`` (issue 4 item 7).

Every case ``case_<name>(chainer, F, np)`` runs with real Chainer 7.8.1
(``generate.py``) and with chainerjax (``test_initializers.py``); see
``compat_tests/README.md``. Random initializers draw from NumPy (the
global generator or the ``rng`` given) in both frameworks, so their values
are compared exactly; the position of NumPy's global stream after each
draw (``next_*``: the next ``randint``) is compared too, so a framework
that draws more, less or in another order disagrees.

This module must not import chainer or chainerjax.
"""
from compat_tests.cases._util import arr, err

DTYPES = ('float16', 'float32', 'float64')
# name -> shape: a vector, a Linear weight (out, in), a Convolution2D
# weight (out, in, kh, kw).
SHAPES = (('1d', (5,)), ('2d', (4, 3)), ('4d', (3, 2, 3, 3)))
SEED = 7


def _next(np):
    return int(np.random.randint(1 << 30))


def _attrs(init, names):
    out = {}
    for name in names:
        v = getattr(init, name, 'missing')
        out['attr_' + name] = v if v is None or isinstance(
            v, (bool, int, float, str)) else repr(v)
    return out


def _dtype_attr(np, init):
    d = init.dtype
    return None if d is None else np.dtype(d).name


def _draws(chainer, np, cls, kwargs, shapes=SHAPES, dtypes=DTYPES,
           tag=''):
    """Values drawn by ``cls(**kwargs)`` for every dtype and shape, three
    ways: ``generate_array`` under ``numpy.random.seed``; calling the
    initializer (with its ``dtype``) on an existing array with
    ``rng=RandomState``; and the global stream left untouched by ``rng``.
    """
    I = chainer.initializers
    out = {}
    for dtype in dtypes:
        for sname, shape in shapes:
            key = '{}{}_{}'.format(tag, dtype, sname)
            np.random.seed(SEED)
            try:
                a = I.generate_array(cls(**kwargs), shape, np, dtype=dtype)
            except Exception as e:  # NOQA
                out['global_' + key] = type(e).__name__
            else:
                out['global_' + key] = arr(np, a)
                out['global_type_' + key] = type(a).__name__
            out['next_global_' + key] = _next(np)

            np.random.seed(SEED + 1)
            a = np.full(shape, 7, dtype=dtype)
            init = cls(dtype=np.dtype(dtype),
                       rng=np.random.RandomState(SEED), **kwargs)
            try:
                ret = init(a)
            except Exception as e:  # NOQA
                out['rng_' + key] = type(e).__name__
            else:
                out['rng_' + key] = arr(np, a)
                out['rng_ret_' + key] = repr(ret)
            out['next_rng_' + key] = _next(np)
    return out


def _errors(chainer, np, cls, kwargs):
    out = {}
    # initializer dtype vs array dtype: Chainer asserts
    init = cls(dtype=np.float32, **kwargs)
    out['dtype_mismatch_call'] = err(init, np.empty((4, 3), np.float64))
    out['dtype_mismatch_generate'] = err(
        chainer.initializers.generate_array, init, (4, 3), np,
        dtype=np.float64)
    out['unknown_kwarg'] = err(cls, foo=1, **kwargs)
    return out


# ---- random: normal ----

def case_normal(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.Normal, {})
    out.update(_draws(chainer, np, I.Normal, {'scale': 0.3},
                      dtypes=('float32',), tag='scale_'))
    out.update(_errors(chainer, np, I.Normal, {}))
    out.update(_attrs(I.Normal(), ('scale', 'dtype', 'rng')))
    out['attr_scale_pos'] = I.Normal(0.25).scale
    out['dtype_str'] = _dtype_attr(np, I.Normal(dtype='float16'))
    out['is_initializer'] = isinstance(I.Normal(), chainer.Initializer)
    return out


def case_normal_generator_rng(chainer, F, np):
    # a numpy.random.Generator as rng (Chainer calls rng.normal)
    I = chainer.initializers
    a = np.empty((4, 3), np.float32)
    I.Normal(0.5, rng=np.random.default_rng(3))(a)
    b = np.empty((4, 3), np.float64)
    I.HeNormal(rng=np.random.default_rng(3))(b)
    c = np.empty((3, 5), np.float64)
    I.Orthogonal(rng=np.random.default_rng(3))(c)
    # a 0-dim Orthogonal draws rng.randint, which a Generator lacks
    zero_dim = err(I.Orthogonal(rng=np.random.default_rng(3)),
                   np.empty((), np.float32))
    return {'normal': arr(np, a), 'he': arr(np, b), 'orthogonal': arr(np, c),
            'orthogonal_0d': zero_dim}


def case_lecun_normal(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.LeCunNormal, {})
    out.update(_draws(chainer, np, I.LeCunNormal, {'scale': 2.0},
                      shapes=SHAPES[1:], dtypes=('float32',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.LeCunNormal, {}))
    out.update(_attrs(I.LeCunNormal(), ('scale', 'dtype', 'rng')))
    return out


def case_glorot_normal(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.GlorotNormal, {})
    out.update(_draws(chainer, np, I.GlorotNormal, {'scale': 0.5},
                      shapes=SHAPES[1:], dtypes=('float64',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.GlorotNormal, {}))
    out.update(_attrs(I.GlorotNormal(), ('scale', 'dtype', 'rng')))
    return out


def case_he_normal(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.HeNormal, {})
    out.update(_draws(chainer, np, I.HeNormal, {'fan_option': 'fan_out'},
                      shapes=SHAPES[1:], dtypes=('float32', 'float16'),
                      tag='fan_out_'))
    out.update(_draws(chainer, np, I.HeNormal, {'scale': 3.0},
                      shapes=SHAPES[1:], dtypes=('float64',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.HeNormal, {}))
    out.update(_attrs(I.HeNormal(), ('scale', 'dtype', 'rng',
                                     'fan_option')))
    bad = I.HeNormal(fan_option='fan_avg')
    out['bad_fan_option_init'] = bad.fan_option
    out['bad_fan_option_call'] = err(bad, np.empty((4, 3), np.float32))
    out['positional'] = _attrs(I.HeNormal(2.0, None, 'fan_out'),
                               ('scale', 'fan_option'))['attr_fan_option']
    return out


# ---- random: uniform ----

def case_uniform(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.Uniform, {})
    out.update(_draws(chainer, np, I.Uniform, {'scale': 2.5},
                      dtypes=('float64',), tag='scale_'))
    out.update(_errors(chainer, np, I.Uniform, {}))
    out.update(_attrs(I.Uniform(), ('scale', 'dtype', 'rng')))
    a = np.empty((3, 3), np.float32)
    I.Uniform(1.0, rng=np.random.default_rng(5))(a)
    out['generator_rng'] = arr(np, a)
    return out


def case_lecun_uniform(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.LeCunUniform, {})
    out.update(_draws(chainer, np, I.LeCunUniform, {'scale': 0.5},
                      shapes=SHAPES[1:], dtypes=('float32',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.LeCunUniform, {}))
    out.update(_attrs(I.LeCunUniform(), ('scale', 'dtype', 'rng')))
    return out


def case_glorot_uniform(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.GlorotUniform, {})
    out.update(_draws(chainer, np, I.GlorotUniform, {'scale': 2.0},
                      shapes=SHAPES[1:], dtypes=('float16',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.GlorotUniform, {}))
    out.update(_attrs(I.GlorotUniform(), ('scale', 'dtype', 'rng')))
    return out


def case_he_uniform(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.HeUniform, {})
    out.update(_draws(chainer, np, I.HeUniform, {'scale': 0.1},
                      shapes=SHAPES[1:], dtypes=('float64',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.HeUniform, {}))
    out.update(_attrs(I.HeUniform(), ('scale', 'dtype', 'rng')))
    # Chainer 7.8.1's HeUniform has no fan_option (HeNormal has)
    out['fan_option_kwarg'] = err(I.HeUniform, fan_option='fan_out')
    return out


# ---- orthogonal ----

ORTHO_SHAPES = (('0d', ()), ('1d', (5,)), ('wide', (3, 5)),
                ('tall', (5, 3)), ('square', (4, 4)),
                ('4d_wide', (3, 2, 2, 2)), ('3d_tall', (8, 2, 2)))


def case_orthogonal(chainer, F, np):
    I = chainer.initializers
    out = _draws(chainer, np, I.Orthogonal, {}, shapes=ORTHO_SHAPES)
    out.update(_draws(chainer, np, I.Orthogonal, {'scale': 1.0},
                      shapes=ORTHO_SHAPES[2:4], dtypes=('float64',),
                      tag='scale_'))
    out.update(_errors(chainer, np, I.Orthogonal, {}))
    out.update(_attrs(I.Orthogonal(), ('scale', 'dtype', 'rng', 'mode')))
    out['empty'] = err(I.Orthogonal(), np.empty((0, 3), np.float32))
    out['bad_mode'] = err(I.Orthogonal, mode='semi')
    # the rows (wide) or columns (tall) are orthogonal with norm scale
    w = I.generate_array(I.Orthogonal(scale=2.0), (3, 5), np,
                         dtype=np.float64)
    out['wide_gram'] = arr(np, w.dot(w.T))
    t = I.generate_array(I.Orthogonal(scale=2.0), (5, 3), np,
                         dtype=np.float64)
    out['tall_gram'] = arr(np, t.T.dot(t))
    return out


def case_orthogonal_modes(chainer, F, np):
    # which shapes each mode accepts (rows = shape[0], columns = the rest)
    I = chainer.initializers
    out = {}
    for mode in ('auto', 'projection', 'embedding', 'basis'):
        for sname, shape in ORTHO_SHAPES[2:]:
            a = np.empty(shape, np.float32)
            init = I.Orthogonal(mode=mode, rng=np.random.RandomState(1))
            try:
                init(a)
            except Exception as e:  # NOQA
                out['{}_{}'.format(mode, sname)] = type(e).__name__
            else:
                out['{}_{}'.format(mode, sname)] = arr(np, a)
        out['attr_' + mode] = I.Orthogonal(mode=mode).mode
    return out


# ---- constants ----

def case_constant(chainer, F, np):
    I = chainer.initializers
    out = {}
    for dtype in DTYPES:
        for sname, shape in SHAPES:
            key = '{}_{}'.format(dtype, sname)
            out['scalar_' + key] = arr(np, I.generate_array(
                I.Constant(2.5), shape, np, dtype=dtype))
            a = np.zeros(shape, dtype)
            out['call_ret_' + key] = repr(I.Constant(-1.5,
                                                     dtype=dtype)(a))
            out['call_' + key] = arr(np, a)
    fill = np.arange(3, dtype=np.int32)
    out['array_broadcast'] = arr(np, I.generate_array(
        I.Constant(fill), (2, 3), np, dtype=np.float32))
    out['array_same_shape'] = arr(np, I.generate_array(
        I.Constant(np.arange(6.).reshape(2, 3)), (2, 3), np,
        dtype=np.float16))
    out['array_bad_shape'] = err(I.generate_array, I.Constant(fill),
                                 (2, 4), np)
    out['list_fill'] = err(I.Constant, [1.0, 2.0])
    out['string_fill'] = err(I.generate_array, I.Constant('abc'), (2,), np)
    out['fill_value'] = I.Constant(3).fill_value
    out['dtype_attr'] = _dtype_attr(np, I.Constant(3, np.float16))
    out['default_dtype'] = I.generate_array(
        I.Constant(3), (2,), np).dtype.name
    out['init_dtype'] = I.generate_array(
        I.Constant(3, dtype='float16'), (2,), np).dtype.name
    out['dtype_mismatch_call'] = err(I.Constant(1., dtype=np.float32),
                                     np.empty(2, np.float64))
    out['int_array'] = arr(np, I.generate_array(
        I.Constant(3.7), (3,), np, dtype=np.int32))
    return out


def case_zero_one_nan(chainer, F, np):
    I = chainer.initializers
    out = {}
    for name in ('Zero', 'One', 'NaN'):
        cls = getattr(I, name)
        for dtype in DTYPES:
            for sname, shape in SHAPES:
                key = '{}_{}_{}'.format(name, dtype, sname)
                out[key] = arr(np, I.generate_array(cls(), shape, np,
                                                    dtype=dtype))
            a = np.full((2, 2), 5, dtype)
            out['{}_call_{}'.format(name, dtype)] = repr(
                cls(dtype=dtype)(a))
            out['{}_called_{}'.format(name, dtype)] = arr(np, a)
        out[name + '_fill_value'] = cls().fill_value
        out[name + '_dtype'] = _dtype_attr(np, cls(np.float16))
        out[name + '_dtype_mismatch'] = err(cls(dtype=np.float16),
                                            np.empty(2, np.float32))
        out[name + '_is_constant'] = isinstance(cls(), I.Constant)
    return out


def case_identity(chainer, F, np):
    I = chainer.initializers
    out = {}
    for dtype in DTYPES:
        out['default_' + dtype] = arr(np, I.generate_array(
            I.Identity(), (3, 3), np, dtype=dtype))
        a = np.full((4, 4), 9, dtype)
        out['call_ret_' + dtype] = repr(I.Identity(0.5, dtype)(a))
        out['call_' + dtype] = arr(np, a)
    for sname, shape in (('non_square', (3, 4)), ('1d', (3,)),
                         ('3d', (2, 2, 2)), ('0d', ())):
        out['error_' + sname] = err(I.generate_array, I.Identity(),
                                    shape, np)
    out['scale'] = I.Identity(2.0).scale
    out['dtype_mismatch'] = err(I.Identity(dtype=np.float16),
                                np.empty((2, 2), np.float32))
    return out


# ---- sampling filters ----

SAMPLING_SHAPES = (('2d_even', (2, 2, 4, 4)), ('2d_odd', (3, 3, 3, 3)),
                   ('out1', (3, 1, 4, 4)), ('3d', (2, 2, 3, 3, 3)),
                   ('1d', (2, 2, 5)), ('ksize_differ', (2, 2, 3, 4)),
                   ('channels_differ', (2, 3, 3, 3)))


def case_sampling_filters(chainer, F, np):
    I = chainer.initializers
    out = {}
    for name in ('UpsamplingDeconvFilter', 'DownsamplingConvFilter'):
        cls = getattr(I, name)
        for sname, shape in SAMPLING_SHAPES:
            for dtype in (('float32',) if sname != '2d_even' else DTYPES):
                key = '{}_{}_{}'.format(name, dtype, sname)
                a = np.full(shape, 7, dtype)
                try:
                    ret = cls()(a)
                except Exception as e:  # NOQA
                    out[key] = type(e).__name__
                else:
                    out[key] = arr(np, a)
                    out[key + '_ret'] = repr(ret)
        out[name + '_bad_interpolation'] = err(cls, interpolation='cubic')
        out[name + '_dtype_mismatch'] = err(cls(dtype=np.float16),
                                            np.empty((2, 2, 3, 3)))
        out[name + '_positional_dtype'] = _dtype_attr(
            np, cls('linear', np.float64))
        out[name + '_generate'] = arr(np, I.generate_array(
            cls(), (2, 2, 4, 4), np, dtype=np.float64))
    return out


# ---- generate_array, the default dtype, _get_initializer ----

def case_generate_array(chainer, F, np):
    I = chainer.initializers
    out = {}
    a = I.generate_array(I.Constant(1.0), 3, np)
    out['int_shape'] = list(a.shape)
    out['int_shape_type'] = type(a).__name__
    out['tuple_shape'] = list(I.generate_array(
        I.Constant(1.0), (2, 1, 3), np).shape)
    out['empty_shape'] = list(I.generate_array(
        I.Constant(1.0), (), np).shape)
    out['default_dtype'] = I.generate_array(
        I.Constant(1.0), (2,), np).dtype.name
    out['init_dtype'] = I.generate_array(
        I.Normal(dtype=np.float16), (2,), np).dtype.name
    out['arg_dtype'] = I.generate_array(
        I.Normal(), (2,), np, dtype='float64').dtype.name
    out['same_dtype'] = I.generate_array(
        I.Normal(dtype=np.float16), (2,), np, dtype=np.float16).dtype.name
    out['mismatch'] = err(I.generate_array, I.Normal(dtype=np.float16),
                          (2,), np, dtype=np.float32)
    b = I.generate_array(I.One(), (2,), np, device='@numpy')
    out['device_numpy_type'] = type(b).__name__
    out['device_numpy'] = arr(np, b)
    out['device_minus1_type'] = type(I.generate_array(
        I.One(), (2,), np, device=-1)).__name__

    # a plain function is an initializer too (it fills in place)
    def fill(array):
        array[...] = np.arange(array.size).reshape(array.shape)
    out['function'] = arr(np, I.generate_array(fill, (2, 3), np))
    # a callable object without a dtype attribute uses config.dtype
    out['function_dtype'] = I.generate_array(fill, (2,), np).dtype.name

    # initializer(array) writes into the array (also into a view) and
    # draws the same values as generate_array for the same seed
    np.random.seed(11)
    g = I.generate_array(I.GlorotUniform(), (4, 6), np)
    np.random.seed(11)
    c = np.zeros((4, 6), np.float32)
    ret = I.GlorotUniform()(c)
    out['call_ret'] = repr(ret)
    out['call_equals_generate'] = bool((c == g).all())
    out['generated'] = arr(np, g)
    base = np.zeros((4, 6), np.float32)
    I.Constant(3.0)(base[:, ::2])
    out['view_base'] = arr(np, base)
    base = np.zeros((4, 6), np.float32)
    np.random.seed(11)
    I.Normal()(base[1:3])
    out['normal_view_base'] = arr(np, base)
    return out


def case_config_dtype(chainer, F, np):
    # the dtype generate_array uses when neither the initializer nor the
    # call gives one: chainer.config.dtype
    I = chainer.initializers
    out = {}
    for dtype in DTYPES:
        with chainer.using_config('dtype', np.dtype(dtype)):
            np.random.seed(4)
            a = I.generate_array(I.LeCunNormal(), (3, 2), np)
            out['lecun_' + dtype] = arr(np, a)
            out['constant_dtype_' + dtype] = I.generate_array(
                I.Constant(1), (2,), np).dtype.name
            out['explicit_wins_' + dtype] = I.generate_array(
                I.Zero(), (2,), np, dtype=np.float64).dtype.name
            out['init_wins_' + dtype] = I.generate_array(
                I.Zero(np.float32), (2,), np).dtype.name
    with chainer.using_config('dtype', chainer.mixed16):
        try:
            out['mixed16'] = I.generate_array(
                I.Zero(), (2,), np).dtype.name
        except Exception as e:  # NOQA
            out['mixed16'] = type(e).__name__
    out['get_dtype_default'] = chainer.get_dtype().name
    return out


def case_get_initializer(chainer, F, np):
    I = chainer.initializers
    out = {}
    d = I._get_initializer(None)
    out['none_type'] = type(d).__name__
    out['none_scale'] = d.scale
    out['none_dtype'] = repr(d.dtype)
    c = I._get_initializer(2.5)
    out['scalar_type'] = type(c).__name__
    out['scalar_fill'] = c.fill_value
    c = I._get_initializer(np.float16(3))
    out['numpy_scalar_type'] = type(c).__name__
    a = np.arange(4.).reshape(2, 2)
    c = I._get_initializer(a)
    out['array_type'] = type(c).__name__
    out['array_fill_is_given'] = c.fill_value is a
    n = I.HeNormal()
    out['initializer_is_given'] = I._get_initializer(n) is n

    def fill(array):
        array[...] = 1
    out['callable_is_given'] = I._get_initializer(fill) is fill
    out['non_callable'] = err(I._get_initializer, object())
    out['list'] = err(I._get_initializer, [1, 2])
    out['string_type'] = type(I._get_initializer('abc')).__name__
    # the default weight initializer of links is LeCunNormal(): a Linear
    # made under a seed has its weights
    np.random.seed(9)
    w = I.generate_array(I._get_initializer(None), (3, 4), np)
    np.random.seed(9)
    lin = chainer.links.Linear(4, 3)
    out['linear_W'] = arr(np, lin.W)
    out['linear_W_is_lecun'] = bool((np.asarray(lin.W.array) == w).all())
    return out


def case_get_fans(chainer, F, np):
    get_fans = chainer.initializer.get_fans
    out = {}
    for sname, shape in SHAPES[1:] + (('3d', (2, 3, 4)),
                                     ('5d', (2, 3, 2, 2, 2))):
        out[sname] = list(get_fans(shape))
    out['1d'] = err(get_fans, (5,))
    out['0d'] = err(get_fans, ())
    out['list'] = err(get_fans, [4, 3])
    return out
