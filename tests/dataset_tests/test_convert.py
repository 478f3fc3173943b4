import jax
import jax.numpy as jnp
import numpy
import pytest

import chainerjax
from chainerjax import backend
from chainerjax import dataset
from chainerjax.dataset import convert


def _batch(kind, shapes=((2, 3),) * 3, dtype=numpy.float32):
    rng = numpy.random.RandomState(0)
    arrays = [rng.uniform(size=s).astype(dtype) for s in shapes]
    if kind == 'jax':
        arrays = [jnp.asarray(a) for a in arrays]
    return arrays


@pytest.mark.parametrize('kind', ['numpy', 'jax'])
class TestConcatExamples:

    def test_arrays(self, kind):
        batch = _batch(kind)
        y = dataset.concat_examples(batch)
        assert y.shape == (3, 2, 3)
        assert y.dtype == numpy.float32
        assert isinstance(y, numpy.ndarray if kind == 'numpy' else jax.Array)
        for i, x in enumerate(batch):
            numpy.testing.assert_array_equal(numpy.asarray(y[i]),
                                             numpy.asarray(x))

    def test_tuples(self, kind):
        xs = _batch(kind)
        ts = [numpy.int32(i) for i in range(3)]
        y, t = dataset.concat_examples(list(zip(xs, ts)))
        assert y.shape == (3, 2, 3)
        numpy.testing.assert_array_equal(t, [0, 1, 2])
        assert t.dtype == numpy.int32

    def test_dicts(self, kind):
        xs = _batch(kind)
        out = dataset.concat_examples([{'x': x, 't': i}
                                       for i, x in enumerate(xs)])
        assert set(out) == {'x', 't'}
        assert out['x'].shape == (3, 2, 3)
        numpy.testing.assert_array_equal(out['t'], [0, 1, 2])

    def test_padding(self, kind):
        batch = _batch(kind, shapes=[(2, 3), (3, 2), (1, 1)])
        y = dataset.concat_examples(batch, padding=-1)
        assert y.shape == (3, 3, 3)
        y = numpy.asarray(y)
        numpy.testing.assert_array_equal(y[0, :2, :3],
                                         numpy.asarray(batch[0]))
        numpy.testing.assert_array_equal(y[0, 2], -1)
        numpy.testing.assert_array_equal(y[1, :3, :2],
                                         numpy.asarray(batch[1]))
        numpy.testing.assert_array_equal(y[1, :, 2], -1)
        assert y[2, 0, 0] == numpy.asarray(batch[2])[0, 0]
        assert (y[2].ravel()[1:] == -1).all()

    def test_tuple_padding(self, kind):
        xs = _batch(kind, shapes=[(2,), (3,)])
        ts = [numpy.arange(1), numpy.arange(2)]
        x, t = dataset.concat_examples(list(zip(xs, ts)), padding=(0, -1))
        numpy.testing.assert_array_equal(numpy.asarray(x)[0, 2], 0)
        numpy.testing.assert_array_equal(t, [[0, -1], [0, 1]])

    def test_dict_padding(self, kind):
        xs = _batch(kind, shapes=[(2,), (3,)])
        out = dataset.concat_examples(
            [{'x': x} for x in xs], padding={'x': 9})
        numpy.testing.assert_array_equal(numpy.asarray(out['x'])[0, 2], 9)

    def test_to_numpy_device(self, kind):
        y = dataset.concat_examples(_batch(kind), -1)
        assert isinstance(y, numpy.ndarray)
        y = dataset.concat_examples(_batch(kind), device='@numpy')
        assert isinstance(y, numpy.ndarray)

    def test_to_jax_device(self, kind):
        y, t = dataset.concat_examples(
            [(x, 0) for x in _batch(kind)], '@jax:cpu:0')
        assert isinstance(y, jax.Array) and isinstance(t, jax.Array)
        assert backend.get_device_from_array(y) == \
            backend.get_device('@jax:cpu:0')


def test_python_scalars():
    y = dataset.concat_examples([1, 2, 3])
    numpy.testing.assert_array_equal(y, [1, 2, 3])


def test_empty_batch():
    with pytest.raises(ValueError):
        dataset.concat_examples([])


def test_to_device():
    x = numpy.arange(3)
    assert dataset.to_device(None, x) is x
    y = dataset.to_device('@jax:cpu:0', x)
    assert isinstance(y, jax.Array)
    z = dataset.to_device(-1, y)
    assert isinstance(z, numpy.ndarray)


def test_converter_decorator_gets_device_object():
    received = []

    @dataset.converter()
    def conv(batch, device=None):
        received.append(device)
        return dataset.concat_examples(batch, device)

    assert isinstance(conv, dataset.Converter)
    conv([numpy.zeros(2)], -1)
    conv([numpy.zeros(2)], device='@jax:cpu:0')
    conv([numpy.zeros(2)])
    assert received[0] == backend.get_device('@numpy')
    assert received[1] == backend.get_device('@jax:cpu:0')
    assert received[2] is None


def test_converter_decorator_rejects_non_callable():
    with pytest.raises(TypeError):
        dataset.converter()(3)


def test_call_converter_legacy_function():
    received = []

    def legacy(batch, device):
        received.append(device)
        return batch

    convert._call_converter(legacy, [1], None)
    convert._call_converter(legacy, [1], backend.get_device('@numpy'))
    assert received == [None, -1]


def test_top_level_exports():
    assert chainerjax.dataset.Iterator is not None
    assert chainerjax.dataset.DatasetMixin is not None


def test_numpy_batches_are_aligned_and_sent_without_copying():
    # an aligned batch is read by XLA in place; a JAX device takes it as it
    # is, since the converter made it and no one else holds it
    batch = _batch('numpy', shapes=((5, 7),) * 4)
    x = dataset.concat_examples(batch)
    assert x.ctypes.data % 64 == 0
    numpy.testing.assert_array_equal(x, numpy.stack(batch))
    y = dataset.concat_examples(batch, '@jax:cpu:0')
    assert isinstance(y, jax.Array)
    numpy.testing.assert_array_equal(numpy.asarray(y), numpy.stack(batch))


def test_mixed_dtypes_and_shapes_as_numpy():
    batch = [numpy.zeros(3, numpy.float32), numpy.ones(3, numpy.float64)]
    x = dataset.concat_examples(batch)
    assert x.dtype == numpy.float64
    numpy.testing.assert_array_equal(x, [[0, 0, 0], [1, 1, 1]])
    with pytest.raises(ValueError):
        dataset.concat_examples([numpy.zeros(3), numpy.zeros(4)])


@pytest.mark.parametrize('shape', [(), (7,), (2, 3), (4, 1, 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.int32, numpy.bool_])
def test_numpy_examples_are_stacked(shape, dtype):
    rs = numpy.random.RandomState(0)
    batch = [(rs.uniform(-5, 5, shape) > 0).astype(dtype)
             if dtype == numpy.bool_ else
             rs.uniform(-5, 5, shape).astype(dtype) for _ in range(5)]
    x = dataset.concat_examples(batch)
    assert x.dtype == dtype and x.shape == (5,) + shape
    numpy.testing.assert_array_equal(x, numpy.stack(batch))


def test_numpy_scalar_labels_are_concatenated():
    t = numpy.arange(5, dtype=numpy.int32)
    x, y = dataset.concat_examples([(numpy.ones(2), t[i]) for i in range(5)])
    assert y.dtype == numpy.int32
    numpy.testing.assert_array_equal(y, t)


def test_examples_of_other_shapes_with_as_many_rows_are_an_error():
    # 2 + 1 + 3 rows: as many as three examples of the first one's 2 rows
    batch = [numpy.zeros((2, 3)), numpy.zeros((1, 3)), numpy.zeros((3, 3))]
    with pytest.raises(ValueError):
        dataset.concat_examples(batch)
    with pytest.raises(TypeError):
        dataset.concat_examples([numpy.zeros(3), [0, 0, 0]])
