"""Array assertions (``chainer.testing.array``)."""

import io
import sys

import numpy


def _to_numpy(x):
    # NumPy arrays, NumPy/Python scalars and (concrete) JAX arrays are
    # accepted; anything else, Variables included, is refused as in Chainer.
    if isinstance(x, numpy.ndarray):
        return x
    if numpy.isscalar(x):
        return numpy.array(x)
    jax = sys.modules.get('jax')
    if jax is not None and isinstance(x, jax.Array):
        return numpy.asarray(x)
    raise TypeError(
        'Array cannot be converted into an numpy.ndarray\n'
        'Actual type: {}.'.format(type(x)))


def _worst_element_report(x, y, atol, rtol):
    # Describes the element that exceeds its tolerance the most.
    xx = numpy.atleast_1d(x)
    yy = numpy.atleast_1d(y)
    try:
        err = numpy.abs(xx - yy)
    except TypeError:  # e.g. boolean arrays
        err = numpy.abs(xx.astype(numpy.float64) - yy.astype(numpy.float64))
    rel_tol = rtol * numpy.abs(yy).astype(numpy.float64)
    total_tol = atol + rel_tol
    i = tuple(int(k) for k in numpy.unravel_index(
        numpy.argmax(err.astype(numpy.float64) - total_tol), err.shape))
    rel_err = 'inf' if yy[i] == 0 else err[i] / numpy.abs(yy[i])
    rows = [
        ('i', i),
        ('x[i]', xx[i]),
        ('y[i]', yy[i]),
        ('relative error[i]', rel_err),
        ('absolute error[i]', err[i]),
        ('relative tolerance * |y[i]|', rel_tol[i]),
        ('absolute tolerance', atol),
        ('total tolerance', total_tol[i]),
    ]
    return ''.join('  {}: {}\n'.format(k, v) for k, v in rows)


def assert_allclose(x, y, atol=1e-5, rtol=1e-4, verbose=True):
    """Asserts that two arrays are elementwise close.

    An element passes if ``|x - y| <= atol + rtol * |y|``, as in
    :func:`numpy.testing.assert_allclose`. On failure the
    :class:`AssertionError` carries NumPy's message followed by the shapes
    and dtypes, the worst element (index, values, errors and tolerances,
    when the shapes are equal) and both arrays in full.

    Args:
        x: Left-hand side: a NumPy array, a JAX array or a scalar.
        y: Right-hand side, likewise.
        atol (float): Absolute tolerance.
        rtol (float): Relative tolerance.
        verbose (bool): Whether NumPy's part of the message shows the
            arrays.

    Raises:
        AssertionError: If some element differs too much, or the shapes do
            not match.
        TypeError: If an argument is not an array or a scalar (e.g. a
            ``Variable``: pass its ``.array``).
    """
    x = _to_numpy(x)
    y = _to_numpy(y)
    try:
        numpy.testing.assert_allclose(
            x, y, atol=atol, rtol=rtol, verbose=verbose)
    except AssertionError as e:
        out = io.StringIO()
        out.write(str(e) + '\n\n')
        out.write('assert_allclose failed:\n')
        out.write('  shape: {} {}\n'.format(x.shape, y.shape))
        out.write('  dtype: {} {}\n'.format(x.dtype, y.dtype))
        if x.shape == y.shape:
            out.write(_worst_element_report(x, y, atol, rtol))
        with numpy.printoptions(threshold=10000):
            out.write('x: ' + numpy.array2string(x, prefix='x: ') + '\n')
            out.write('y: ' + numpy.array2string(y, prefix='y: ') + '\n')
        message = out.getvalue()
    else:
        return
    raise AssertionError(message)
