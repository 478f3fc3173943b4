"""PlotReport and VariableStatisticsPlot draw real figures with matplotlib
(Agg backend); without matplotlib they warn and do nothing."""
import os
import sys
import warnings

import numpy
import pytest

import chainerjax
from chainerjax import iterators
from chainerjax import optimizers
from chainerjax import training
from chainerjax.serializers import npz
from chainerjax.training import extensions
from chainerjax.training.extensions import plot_report
from chainerjax.training.extensions import variable_statistics_plot as vsp

from tests.training_tests import _models


def _matplotlib():
    matplotlib = pytest.importorskip('matplotlib')
    matplotlib.use('Agg')
    import matplotlib.image
    return matplotlib


def _trainer(out, stop=(4, 'epoch')):
    model = _models.make_model()
    opt = optimizers.SGD(lr=0.2)
    opt.setup(model)
    it = iterators.SerialIterator(_models.make_data(n=8), 4, shuffle=False)
    updater = training.updaters.StandardUpdater(it, opt)
    return training.Trainer(updater, stop, out=str(out)), model


def _image(matplotlib, path):
    with open(path, 'rb') as f:
        assert f.read(8) == b'\x89PNG\r\n\x1a\n'
    image = matplotlib.image.imread(path)
    assert image.ndim == 3 and image.shape[0] > 100 and image.shape[1] > 100
    return image


def _has_color(image, rgb, tol=0.1):
    # True if some pixel is close to the colour ``rgb`` (0-1 floats).
    return bool((numpy.abs(image[..., :3] - rgb) < tol).all(-1).any())


_C0 = (0x1f / 255, 0x77 / 255, 0xb4 / 255)  # matplotlib's first colour
_C1 = (0xff / 255, 0x7f / 255, 0x0e / 255)


def test_plot_report_draws_png(tmp_path):
    matplotlib = _matplotlib()
    trainer, _ = _trainer(tmp_path)
    calls = []

    def postprocess(figure, axes, summary):
        calls.append(axes.get_xlabel())
    ext = extensions.PlotReport(['main/loss', 'main/accuracy'], 'epoch',
                                filename='loss.png', postprocess=postprocess)
    trainer.extend(ext)
    trainer.run()
    image = _image(matplotlib, str(tmp_path / 'loss.png'))
    assert _has_color(image, _C0) and _has_color(image, _C1)  # two lines
    assert calls == ['epoch'] * 4
    data = ext._data
    assert [x for x, _ in data['main/loss']] == [1, 2, 3, 4]
    assert data['main/loss'][-1][1] < data['main/loss'][0][1]  # it learns

    # The plotted points are saved in snapshots and restored.
    state = npz.serialize(ext)
    assert set(state) == {'_plot_loss.png'}
    other = extensions.PlotReport(['main/loss', 'main/accuracy'], 'epoch',
                                  filename='loss.png')
    npz.NpzDeserializer(state).load(other)
    assert other._data == {k: [list(p) for p in v]
                           for k, v in data.items()}


def test_variable_statistics_plot_draws_png(tmp_path):
    matplotlib = _matplotlib()
    trainer, model = _trainer(tmp_path, stop=(3, 'iteration'))
    ext = extensions.VariableStatisticsPlot(
        model, trigger=(3, 'iteration'), figsize=(6, 4))
    trainer.extend(ext)
    trainer.run()
    image = _image(matplotlib, str(tmp_path / 'statistics.png'))
    assert image.shape[:2] == (400, 600)  # figsize at 100 dpi
    assert _has_color(image, _C0)
    idxs, data = ext._samples.get_data()
    assert list(idxs) == [1, 2, 3]
    assert data.shape == (3, 2, 11)  # (data, grad) x (mean, std, 9 pct)
    params = numpy.concatenate([numpy.asarray(p.array).ravel()
                                for p in model.params()])
    numpy.testing.assert_allclose(data[-1, 0, 0], params.mean(), rtol=1e-5)
    numpy.testing.assert_allclose(data[-1, 0, 2], params.min(), rtol=1e-5)
    numpy.testing.assert_allclose(data[-1, 0, -1], params.max(), rtol=1e-5)


def test_variable_statistics_plot_options(tmp_path):
    matplotlib = _matplotlib()
    x = chainerjax.Variable(numpy.arange(4, dtype=numpy.float32))
    ext = extensions.VariableStatisticsPlot(
        [x], report_grad=False, plot_std=False, percentile_sigmas=50,
        trigger=(1, 'iteration'), file_name='x.png', marker='o', grid=False)

    class Trainer(object):
        out = str(tmp_path)

        class updater(object):
            iteration = 1
            epoch = 0
            epoch_detail = 0.1
            previous_epoch_detail = 0.
            is_new_epoch = False
    ext(Trainer())
    _image(matplotlib, str(tmp_path / 'x.png'))
    _, data = ext._samples.get_data()
    numpy.testing.assert_allclose(data[0], [[1.5, 1.5]])  # mean, median

    with pytest.raises(ValueError, match='Need at least one'):
        extensions.VariableStatisticsPlot([])
    with pytest.raises(ValueError, match='Nothing to plot'):
        extensions.VariableStatisticsPlot(x, plot_mean=False, plot_std=False,
                                          percentile_sigmas=())
    with pytest.raises(TypeError):
        extensions.VariableStatisticsPlot(x, bad=1)


def test_reservoir_keeps_a_sample():
    numpy.random.seed(0)
    r = vsp.Reservoir(3, (1,))
    for i in range(10):
        r.add(numpy.array([i], numpy.float32), idx=i + 1)
    idxs, data = r.get_data()
    assert len(idxs) == 3 and list(idxs) == sorted(idxs)
    numpy.testing.assert_array_equal(data[:, 0], idxs - 1)


def test_without_matplotlib(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, 'matplotlib', None)
    monkeypatch.setattr(vsp, '_available', None)
    monkeypatch.setattr(plot_report, '_available', None)
    x = chainerjax.Variable(numpy.ones(2, numpy.float32))
    stats = extensions.VariableStatisticsPlot(x)
    with pytest.warns(UserWarning, match='matplotlib is not installed'):
        assert not stats.available()
    with pytest.warns(UserWarning, match='matplotlib is not installed'):
        plot = extensions.PlotReport(['main/loss'])
    trainer, _ = _trainer(tmp_path, stop=(2, 'iteration'))
    trainer.extend(stats, trigger=(1, 'iteration'))
    trainer.extend(plot, trigger=(1, 'iteration'))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        trainer.run()
    assert os.listdir(str(tmp_path)) == []
    assert stats._samples.counter == 0
