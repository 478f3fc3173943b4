"""Generates fixtures_roi.npz for the tests of roi_max_pooling_2d,
roi_average_pooling_2d, roi_max_align_2d and roi_average_align_2d with real
Chainer 7.8.1.

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python \
        tests/functions_tests/pooling_tests/make_fixtures_roi.py

For each case ``<name>`` it stores the input ``<name>/x0``, the RoIs
``<name>/rois`` and ``<name>/roi_indices``, the keyword options
``<name>/kwargs`` (JSON: ``outsize``, ``spatial_scale`` and, for the align
functions, ``sampling_ratio``), the output ``<name>/y``, the upstream
gradient ``<name>/gy`` and the gradient ``<name>/gx0`` that Chainer's
backward computes (on the CPU, Chainer's reference implementation).
"""
import json
import os

import numpy

import chainer
import chainer.functions as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   'fixtures_roi.npz')


def distinct(seed, shape, dtype):
    """Distinct values 0.1 apart, in random order."""
    size = int(numpy.prod(shape))
    v = numpy.random.RandomState(seed).permutation(size) * 0.1 - size * 0.05
    return v.reshape(shape).astype(dtype)


# RoIs (y_min, x_min, y_max, x_max) on a 6 x 7 input and their batch
# indices. All sets have 7 RoIs, so that the cases of one function with the
# same options share compiled kernels.
INSIDE = ([[1, 1, 5, 4], [0, 2, 6, 7], [2.5, 0.5, 3.5, 6.5],
           [1.2, 3.3, 1.4, 3.6], [0, 0, 6, 7], [3.7, 4.2, 5.9, 6.1],
           [0.5, 0.5, 2.5, 2.5]], [0, 1, 1, 0, 1, 0, 1])
# partly outside of the input, reversed, half-pixel corners (rounding ties
# when scaled by 1), large, and entirely outside (bins without any pixel or
# sample)
EDGES = ([[-2, -3, 4, 5], [5, 6, 2, 1], [1.5, 2.5, 4.5, 9.5],
          [-1.25, 3.75, 8.0, 12.0], [0, 0, 14, 16], [8, 9, 12, 14],
          [-9, -9, -4, -5]], [1, 0, 1, 0, 1, 0, 1])
# for the align ties: with outsize (3, 2) and sampling_ratio 2 every sample
# falls on a pixel, so samples of integer inputs tie exactly
ON_PIXELS = ([[-0.5, -0.5, 5.5, 3.5], [0.5, 2.5, 6.5, 6.5],
              [-0.5, 1.5, 5.5, 5.5], [0.5, 0.5, 6.5, 4.5],
              [-0.5, 2.5, 5.5, 6.5], [0.5, -0.5, 6.5, 3.5],
              [-0.5, 0.5, 5.5, 4.5]], [0, 1, 0, 1, 0, 1, 1])


def run(store, name, func, x, rois_and_indices, kwargs):
    rs = numpy.random.RandomState(len(store) % 1000 + 1)
    rois = numpy.asarray(rois_and_indices[0], x.dtype)
    roi_indices = numpy.asarray(rois_and_indices[1], numpy.int32)
    xv = chainer.Variable(x)
    y = func(xv, rois, roi_indices, **kwargs)
    gy = rs.uniform(-1, 1, y.shape).astype(y.dtype)
    y.grad = gy.copy()
    y.backward()
    assert name + '/y' not in store, name
    store[name + '/kwargs'] = numpy.array(json.dumps(kwargs))
    store[name + '/x0'] = x
    store[name + '/rois'] = rois
    store[name + '/roi_indices'] = roi_indices
    store[name + '/y'] = y.array
    store[name + '/gy'] = gy
    store[name + '/gx0'] = xv.grad


def main():
    store = {}
    shape = (2, 3, 6, 7)
    opts = {'outsize': [3, 2], 'spatial_scale': 1.0}
    scaled = {'outsize': 2, 'spatial_scale': 0.6}
    x32 = distinct(2, shape, numpy.float32)
    # ties: small integers; the gradient goes to the first maximum
    ties = numpy.random.RandomState(5).randint(0, 3, shape).astype(
        numpy.float32)
    for fname in ('roi_max_pooling_2d', 'roi_average_pooling_2d'):
        func = getattr(F, fname)
        for dtype in (numpy.float16, numpy.float32, numpy.float64):
            d = numpy.dtype(dtype).name
            run(store, '{}_inside_{}'.format(fname, d), func,
                distinct(1, shape, dtype), INSIDE, opts)
        run(store, fname + '_edges_float32', func, x32, EDGES, opts)
    # the scaling and rounding of the RoIs are shared by both functions
    run(store, 'roi_max_pooling_2d_scaled_float32', F.roi_max_pooling_2d,
        x32, EDGES, scaled)
    run(store, 'roi_max_pooling_2d_ties_float32', F.roi_max_pooling_2d,
        ties, INSIDE, opts)

    # the align functions take float32 only
    for fname in ('roi_max_align_2d', 'roi_average_align_2d'):
        func = getattr(F, fname)
        run(store, fname + '_auto_float32', func, x32, INSIDE,
            dict(opts, sampling_ratio=None))
        if fname == 'roi_max_align_2d':
            # the sample counts of large RoIs (shared by both functions)
            run(store, fname + '_autoedges_float32', func, x32, EDGES,
                dict(opts, sampling_ratio=None))
        run(store, fname + '_ratio2_float32', func, x32, EDGES,
            dict(opts, sampling_ratio=2))
        run(store, fname + '_pair_float32', func, x32, EDGES,
            dict(scaled, sampling_ratio=[None, 3]))
    run(store, 'roi_max_align_2d_ties_float32', F.roi_max_align_2d,
        ties, ON_PIXELS, dict(opts, sampling_ratio=2))

    tmp = OUT + '.tmp.npz'
    numpy.savez_compressed(tmp, **store)
    os.replace(tmp, OUT)
    print('wrote {} arrays to {}'.format(len(store), OUT))


if __name__ == '__main__':
    main()
