"""Generates fixtures.npz for the connection function tests with real
Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \\
        tests/functions_tests/connection_tests/make_fixtures.py

For each case ``<name>`` it stores the inputs ``<name>/x0, x1, ...``, the
keyword options ``<name>/kwargs`` (JSON), the output ``<name>/y``, the
upstream gradient ``<name>/gy`` and the input gradients ``<name>/gx<i>``
that Chainer's backward computes. Inputs come from fixed RandomState seeds.
"""
import json
import os

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures.npz')

DTYPES = (numpy.float32, numpy.float64)


def run(store, name, func, inputs, kwargs):
    rs = numpy.random.RandomState(len(store) % 1000 + 1)
    vs = [chainer.Variable(a) if a.dtype.kind == 'f' else a for a in inputs]
    y = func(*vs, **kwargs)
    gy = rs.uniform(-1, 1, y.shape).astype(y.dtype)
    y.grad = gy.copy()  # Chainer may modify the gradient in place
    y.backward()
    assert name + '/y' not in store, name
    store[name + '/kwargs'] = numpy.array(json.dumps(kwargs))
    store[name + '/y'] = y.array
    store[name + '/gy'] = gy
    for i, (a, v) in enumerate(zip(inputs, vs)):
        store['{}/x{}'.format(name, i)] = a
        if isinstance(v, chainer.Variable) and v.grad is not None:
            store['{}/gx{}'.format(name, i)] = v.grad


def uniform(seed, shape, dtype, lo=-1, hi=1):
    return numpy.random.RandomState(seed).uniform(lo, hi, shape).astype(dtype)


def conv_cases(store, fname, func, x_shape, w_shape_of, grid, dtypes):
    """``grid``: list of (case_suffix, kwargs, nobias)."""
    for dtype in dtypes:
        d = numpy.dtype(dtype).name
        for suffix, kwargs, nobias, xs, ws, bsize in grid(x_shape,
                                                          w_shape_of):
            x = uniform(1, xs, dtype)
            W = uniform(2, ws, dtype)
            inputs = [x, W]
            if not nobias:
                inputs.append(uniform(3, (bsize,), dtype))
            run(store, '{}_{}_{}'.format(fname, suffix, d), func, inputs,
                kwargs)


def conv2d_grid(_, __):
    # (suffix, kwargs, nobias, x shape, W shape, bias size)
    return [
        ('plain', {}, False, (2, 3, 5, 5), (2, 3, 3, 3), 2),
        ('s2p1', {'stride': 2, 'pad': 1}, False, (2, 3, 5, 5),
         (2, 3, 3, 3), 2),
        ('coverall', {'stride': 2, 'pad': 1, 'cover_all': True}, False,
         (2, 3, 5, 5), (2, 3, 2, 2), 2),
        ('rect', {'stride': (2, 1), 'pad': (1, 0), 'cover_all': True},
         True, (2, 3, 5, 4), (2, 3, 2, 3), 2),
        ('dilate', {'pad': 1, 'dilate': 2}, False, (2, 3, 5, 5),
         (2, 3, 2, 2), 2),
        ('dilate_coverall', {'stride': 2, 'dilate': (2, 1),
                             'cover_all': True},
         False, (2, 3, 6, 5), (2, 3, 2, 2), 2),
        ('groups', {'pad': 1, 'groups': 2}, False, (2, 4, 4, 4),
         (6, 2, 3, 3), 6),
        ('groups_nobias', {'stride': 2, 'groups': 3}, True, (2, 3, 5, 5),
         (3, 1, 2, 2), 3),
    ]


def deconv2d_grid(_, __):
    return [
        ('plain', {}, False, (2, 3, 3, 3), (3, 2, 3, 3), 2),
        ('s2p1', {'stride': 2, 'pad': 1}, False, (2, 3, 3, 3),
         (3, 2, 3, 3), 2),
        ('outsize', {'stride': 2, 'pad': 1, 'outsize': (6, 5)}, False,
         (2, 3, 3, 3), (3, 2, 3, 3), 2),
        ('rect', {'stride': (2, 3), 'pad': (0, 1)}, True, (2, 3, 3, 2),
         (3, 2, 2, 3), 2),
        ('dilate', {'stride': 2, 'dilate': 2}, False, (2, 3, 3, 3),
         (3, 2, 2, 2), 2),
        ('groups', {'stride': 2, 'pad': 1, 'groups': 2}, False,
         (2, 4, 3, 3), (4, 3, 3, 3), 6),
        ('bigpad', {'pad': 2}, True, (2, 2, 5, 4), (2, 2, 2, 2), 2),
    ]


def conv1d_grid(_, __):
    return [
        ('plain', {}, False, (2, 3, 6), (2, 3, 3), 2),
        ('opts', {'stride': 2, 'pad': 1, 'cover_all': True, 'dilate': 2},
         False, (2, 4, 7), (3, 4, 2), 3),
        ('groups', {'stride': 2, 'groups': 2}, True, (2, 4, 6), (4, 2, 2),
         4),
    ]


def conv3d_grid(_, __):
    return [
        ('plain', {}, False, (1, 2, 3, 4, 3), (2, 2, 2, 2, 2), 2),
        ('opts', {'stride': (1, 2, 2), 'pad': 1, 'cover_all': True},
         False, (1, 2, 3, 4, 3), (2, 2, 2, 2, 2), 2),
    ]


def deconv1d_grid(_, __):
    return [
        ('plain', {}, False, (2, 3, 4), (3, 2, 3), 2),
        ('opts', {'stride': 2, 'pad': 1, 'outsize': (8,), 'dilate': 2},
         False, (2, 3, 4), (3, 2, 2), 2),
        ('groups', {'stride': 2, 'groups': 3}, True, (2, 3, 4), (3, 1, 2),
         3),
    ]


def deconv3d_grid(_, __):
    return [
        ('plain', {}, False, (1, 2, 2, 3, 2), (2, 2, 2, 2, 2), 2),
        ('opts', {'stride': 2, 'pad': (0, 1, 0), 'outsize': (5, 5, 4)},
         False, (1, 2, 2, 3, 2), (2, 2, 2, 2, 2), 2),
    ]


def dilated_grid(_, __):
    return [
        ('plain', {'dilate': 2}, False, (2, 3, 5, 5), (2, 3, 2, 2), 2),
        ('opts', {'stride': 2, 'pad': 1, 'dilate': (1, 2),
                  'cover_all': True},
         True, (2, 3, 5, 6), (2, 3, 2, 2), 2),
    ]


def depthwise_grid(_, __):
    return [
        ('plain', {}, False, (2, 3, 4, 4), (2, 3, 2, 2), 6),
        ('opts', {'stride': 2, 'pad': 1}, True, (2, 3, 5, 5),
         (1, 3, 3, 3), 3),
    ]


def main():
    store = {}
    both = DTYPES
    half = (numpy.float16,) + DTYPES
    conv_cases(store, 'convolution_2d', F.convolution_2d, None, None,
               conv2d_grid, both)
    conv_cases(store, 'deconvolution_2d', F.deconvolution_2d, None, None,
               deconv2d_grid, both)
    conv_cases(store, 'convolution_nd1', F.convolution_1d, None, None,
               conv1d_grid, both)
    conv_cases(store, 'convolution_nd3', F.convolution_3d, None, None,
               conv3d_grid, both)
    conv_cases(store, 'deconvolution_nd1', F.deconvolution_1d, None, None,
               deconv1d_grid, both)
    conv_cases(store, 'deconvolution_nd3', F.deconvolution_3d, None, None,
               deconv3d_grid, both)
    conv_cases(store, 'dilated_convolution_2d', F.dilated_convolution_2d,
               None, None, dilated_grid, both)
    conv_cases(store, 'depthwise_convolution_2d',
               F.depthwise_convolution_2d, None, None, depthwise_grid, both)
    # float16: one case each for the two main convolutions.
    x = uniform(1, (2, 3, 5, 5), numpy.float16)
    W = uniform(2, (2, 3, 3, 3), numpy.float16)
    b = uniform(3, (2,), numpy.float16)
    run(store, 'convolution_2d_s2p1_float16', F.convolution_2d, [x, W, b],
        {'stride': 2, 'pad': 1})
    x = uniform(1, (2, 3, 3, 3), numpy.float16)
    W = uniform(2, (3, 2, 3, 3), numpy.float16)
    run(store, 'deconvolution_2d_s2p1_float16', F.deconvolution_2d,
        [x, W, b], {'stride': 2, 'pad': 1})

    # embed_id
    for dtype in half:
        d = numpy.dtype(dtype).name
        ids = numpy.array([[0, 4, 2], [1, 4, 3]], numpy.int32)
        W = uniform(4, (5, 3), dtype)
        run(store, 'embed_id_plain_' + d, F.embed_id, [ids, W], {})
        ids = numpy.array([[0, -1, 2], [-1, 4, 2]], numpy.int32)
        run(store, 'embed_id_ignore_' + d, F.embed_id, [ids, W],
            {'ignore_label': -1})

    # bilinear (float32 only, as in Chainer)
    f32 = numpy.float32
    e1 = uniform(5, (3, 2, 2), f32)
    e2 = uniform(6, (3, 3), f32)
    W = uniform(7, (4, 3, 2), f32)
    run(store, 'bilinear_plain_float32', F.bilinear, [e1, e2, W], {})
    run(store, 'bilinear_full_float32', F.bilinear,
        [e1, e2, W, uniform(8, (4, 2), f32), uniform(9, (3, 2), f32),
         uniform(10, (2,), f32)], {})

    # local_convolution_2d: W (c_O, h_O, w_O, c_I, k_H, k_W)
    for dtype in DTYPES:
        d = numpy.dtype(dtype).name
        x = uniform(1, (2, 3, 5, 5), dtype)
        run(store, 'local_convolution_2d_plain_' + d, F.local_convolution_2d,
            [x, uniform(2, (2, 3, 3, 3, 3, 3), dtype),
             uniform(3, (2, 3, 3), dtype)], {})
        run(store, 'local_convolution_2d_stride_' + d,
            F.local_convolution_2d,
            [x, uniform(2, (2, 2, 3, 3, 2, 2), dtype)], {'stride': (2, 1)})

    # shift
    for dtype in DTYPES:
        d = numpy.dtype(dtype).name
        run(store, 'shift_k3_' + d, F.shift, [uniform(1, (2, 11, 4, 4),
                                                        dtype)], {})
        run(store, 'shift_opts_' + d, F.shift,
            [uniform(1, (2, 16, 5, 4), dtype)],
            {'ksize': (3, 5), 'dilate': (2, -1)})

    # deformable_convolution_2d_sampler
    for dtype in DTYPES:
        d = numpy.dtype(dtype).name
        x = uniform(1, (2, 3, 4, 4), dtype)
        W = uniform(2, (2, 3, 2, 2), dtype)
        b = uniform(3, (2,), dtype)
        offset = uniform(4, (2, 8, 3, 3), dtype, -0.8, 0.8)
        run(store, 'deformable_convolution_2d_sampler_plain_' + d,
            F.deformable_convolution_2d_sampler, [x, offset, W, b], {})
        offset = uniform(4, (2, 8, 2, 2), dtype, -0.8, 0.8)
        run(store, 'deformable_convolution_2d_sampler_opts_' + d,
            F.deformable_convolution_2d_sampler, [x, offset, W],
            {'stride': 2, 'pad': 1})

    numpy.savez_compressed(OUT, **store)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
