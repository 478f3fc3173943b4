import copy
import pickle
import warnings

import jax
import numpy
import pytest

import chainerjax as chainer
from chainerjax import initializers
from chainerjax.serializers import npz


JAX_CPU = '@jax:cpu:0'


class _Rule(object):
    # Stand-in for an optimizer's UpdateRule (only ``enabled`` is used).
    def __init__(self, enabled=True):
        self.enabled = enabled


def _make_link():
    link = chainer.Link()
    with link.init_scope():
        link.x = chainer.Parameter(
            initializers.Normal(), (2, 3))
        link.y = chainer.Parameter(2.0, (2,))
        link.u = chainer.Parameter()        # uninitialized
        link.v = chainer.Parameter(initializers.Zero(numpy.float64), (1,))
        link.p = 'not a parameter'
    link.add_persistent('mean', numpy.arange(3, dtype=numpy.float32))
    link.add_persistent('count', 5)
    return link


class TestLinkRegistration(object):

    def test_init_scope_registers_parameters(self):
        link = _make_link()
        assert link._params == {'x', 'y', 'u', 'v'}
        assert link.x.name == 'x'
        assert link.x.shape == (2, 3)
        assert link.x.dtype == numpy.float32
        numpy.testing.assert_array_equal(link.y.array, [2., 2.])
        assert link.u.array is None
        assert link.v.dtype == numpy.float64

    def test_outside_init_scope_not_registered(self):
        link = chainer.Link()
        link.w = chainer.Parameter(1.0, (2,))
        assert list(link.params()) == []

    def test_within_init_scope(self):
        link = chainer.Link()
        assert not link.within_init_scope
        with link.init_scope():
            assert link.within_init_scope
            with link.init_scope():
                assert link.within_init_scope
            assert link.within_init_scope
        assert not link.within_init_scope

    def test_add_param(self):
        link = chainer.Link()
        link.add_param('w', (2, 3))
        assert link.w.shape == (2, 3)
        assert link.w.dtype == numpy.float32
        assert numpy.isnan(link.w.array).all()   # Chainer: NaN by default
        link.add_param('w64', 4, dtype=numpy.float64)
        assert link.w64.shape == (4,) and link.w64.dtype == numpy.float64
        link.add_param('c', (2,), initializer=initializers.One())
        numpy.testing.assert_array_equal(link.c.array, [1, 1])
        link.add_param('lazy')
        assert link.lazy.array is None
        assert [n for n, _ in link.namedparams()] == [
            '/c', '/lazy', '/w', '/w64']
        with pytest.raises(AttributeError):
            link.add_param('w', (1,))

    def test_old_style_constructor(self):
        link = chainer.Link(a=(2, 3), b=((4,), numpy.float64), c=None)
        assert link.a.shape == (2, 3) and link.a.dtype == numpy.float32
        assert link.b.shape == (4,) and link.b.dtype == numpy.float64
        assert link.c.array is None

    def test_add_persistent(self):
        link = _make_link()
        assert link._persistent == {'mean', 'count'}
        with pytest.raises(AttributeError):
            link.add_persistent('mean', 1)
        with pytest.raises(AttributeError):
            link.add_persistent('x', 1)

    def test_register_persistent(self):
        link = chainer.Link()
        link.z = 3
        link.register_persistent('z')
        assert 'z' in link._persistent
        with pytest.raises(AttributeError):
            link.register_persistent('nothing')

    def test_persistent_then_param(self):
        link = chainer.Link()
        link.add_persistent('a', 1)
        with link.init_scope():
            link.a = chainer.Parameter(1.0, (1,))
        assert 'a' in link._params and 'a' not in link._persistent

    def test_delattr(self):
        link = _make_link()
        del link.x
        del link.mean
        assert 'x' not in link._params
        assert 'mean' not in link._persistent
        assert not hasattr(link, 'x')

    def test_init_not_called(self):
        class Bad(chainer.Link):
            def __init__(self):
                pass

            def forward(self):
                return 1

        bad = Bad()
        with pytest.raises(RuntimeError):
            bad()
        with pytest.raises(RuntimeError):
            with bad.init_scope():
                pass


class TestLinkParams(object):

    def test_params(self):
        link = _make_link()
        assert [p.name for p in link.params()] == ['u', 'v', 'x', 'y']
        assert [p.name for p in link.params(include_uninit=False)] == [
            'v', 'x', 'y']

    def test_namedparams(self):
        link = _make_link()
        assert [n for n, _ in link.namedparams()] == ['/u', '/v', '/x', '/y']
        assert [n for n, _ in link.namedparams(include_uninit=False)] == [
            '/v', '/x', '/y']
        for name, p in link.namedparams():
            assert p is getattr(link, name[1:])

    def test_links_and_children(self):
        link = _make_link()
        assert list(link.links()) == [link]
        assert list(link.links(skipself=True)) == []
        assert list(link.namedlinks()) == [('/', link)]
        assert list(link.namedlinks(skipself=True)) == []
        assert list(link.children()) == []

    def test_count_params(self):
        link = _make_link()
        with pytest.warns(UserWarning):
            assert link.count_params() == 6 + 2 + 1
        link.u.initialize((4,))
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            assert link.count_params() == 13

    def test_cleargrads(self):
        link = _make_link()
        link.x.grad = numpy.ones((2, 3), numpy.float32)
        link.cleargrads()
        for p in link.params():
            assert p.grad is None
        # An uninitialized parameter gets no (NaN) gradient either.
        link.u.initialize((2,))
        assert link.u.grad is None

    def test_zerograds(self):
        link = _make_link()
        with pytest.warns(DeprecationWarning):
            link.zerograds()
        numpy.testing.assert_array_equal(link.x.grad, numpy.zeros((2, 3)))
        link.u.initialize((2,))
        numpy.testing.assert_array_equal(link.u.grad, [0, 0])

    def test_addgrads(self):
        a = _make_link()
        b = _make_link()
        for link, v in ((a, 1.), (b, 2.)):
            link.u.initialize((2,))
            for p in link.params(include_uninit=False):
                p.grad = numpy.full(p.shape, v, p.dtype)
        a.addgrads(b)
        numpy.testing.assert_array_equal(a.x.grad, numpy.full((2, 3), 3.))
        numpy.testing.assert_array_equal(a.v.grad, [3.])

    def test_update_enabled(self):
        link = _make_link()
        assert not link.update_enabled     # no update rules yet
        for p in link.params():
            p.update_rule = _Rule()
        assert link.update_enabled
        link.disable_update()
        assert not link.update_enabled
        assert all(not p.update_rule.enabled for p in link.params())
        link.enable_update()
        assert link.update_enabled

    def test_str(self):
        assert str(chainer.Link()) == 'Link()'


class TestLinkCopy(object):

    def test_share(self):
        link = _make_link()
        link.x.grad = numpy.ones((2, 3), numpy.float32)
        link.name = 'orig'
        c = link.copy()
        assert c is not link and c.name is None
        assert isinstance(c.x, chainer.Parameter)
        assert c.x is not link.x
        assert c.x.array is link.x.array
        assert c.x.grad is None
        numpy.testing.assert_array_equal(link.x.grad, numpy.ones((2, 3)))
        assert c._params == link._params and c._params is not link._params
        assert c.mean is link.mean
        c.add_param('new', (1,))
        assert not hasattr(link, 'new')

    def test_copy(self):
        link = _make_link()
        c = link.copy(mode='copy')
        assert c.x is not link.x
        assert c.x.array is not link.x.array
        numpy.testing.assert_array_equal(c.x.array, link.x.array)
        assert c.mean is not link.mean
        numpy.testing.assert_array_equal(c.mean, link.mean)
        assert c.u.array is None

    def test_init(self):
        link = _make_link()
        c = link.copy(mode='init')
        assert c.x.shape == link.x.shape
        assert not numpy.array_equal(c.x.array, link.x.array)
        numpy.testing.assert_array_equal(c.y.array, link.y.array)
        assert c.u.array is None

    def test_invalid_mode(self):
        with pytest.raises(ValueError):
            _make_link().copy(mode='deep')

    def test_copy_keeps_device_of_uninitialized(self):
        link = _make_link()
        link.to_device(JAX_CPU)
        for mode in ('share', 'copy', 'init'):
            c = link.copy(mode)
            c.u.initialize((3,))
            assert isinstance(c.u.array, jax.Array), mode

    def test_copyparams(self):
        a = _make_link()
        b = _make_link()
        b.u.initialize((2,))
        a.u.initialize((2,))
        b.mean[...] = 7
        b.count = 9
        a.copyparams(b)
        for name in ('x', 'y', 'u', 'v'):
            pa, pb = getattr(a, name), getattr(b, name)
            assert pa.array is not pb.array
            numpy.testing.assert_array_equal(pa.array, pb.array)
        numpy.testing.assert_array_equal(a.mean, [7, 7, 7])
        assert a.count == 9

    def test_copyparams_no_persistent(self):
        a = _make_link()
        b = _make_link()
        b.count = 9
        a.copyparams(b, copy_persistent=False)
        assert a.count == 5

    def test_repeat(self):
        link = _make_link()
        seq = link.repeat(3)
        assert isinstance(seq, chainer.Sequential)
        assert len(seq) == 3
        assert all(layer is not link for layer in seq)
        assert not numpy.array_equal(seq[0].x.array, seq[1].x.array)
        shared = link.repeat(2, mode='share')
        assert shared[0].x.array is link.x.array
        assert len(link.repeat(0)) == 0
        with pytest.raises(ValueError):
            link.repeat(2, mode='bad')


class TestLinkDevice(object):

    def test_default_device(self):
        link = _make_link()
        assert link.device.name == '@numpy'
        assert link.xp is numpy
        assert isinstance(link.x.array, numpy.ndarray)

    def test_to_device_and_back(self):
        link = _make_link()
        x = numpy.array(link.x.array)
        ret = link.to_device(JAX_CPU)
        assert ret is link
        assert link.device.name == JAX_CPU
        assert link.xp is jax.numpy
        assert isinstance(link.x.array, jax.Array)
        assert isinstance(link.mean, jax.Array)    # persistents move too
        assert link.count == 5                      # scalars are left
        assert link.u.device.name == JAX_CPU        # remembered...
        link.u.initialize((2,))
        assert isinstance(link.u.array, jax.Array)  # ...and used
        link.to_device('@numpy')
        assert link.device.name == '@numpy'
        assert isinstance(link.x.array, numpy.ndarray)
        assert isinstance(link.mean, numpy.ndarray)
        assert isinstance(link.u.array, numpy.ndarray)
        numpy.testing.assert_array_equal(link.x.array, x)

    def test_to_cpu(self):
        link = _make_link().to_device(JAX_CPU)
        with pytest.warns(DeprecationWarning):
            assert link.to_cpu() is link
        assert isinstance(link.x.array, numpy.ndarray)
        assert link.device.name == '@numpy'

    @pytest.mark.skipif(chainer.backends.cuda.available,
                        reason='a GPU is available')
    def test_to_gpu_without_gpu(self):
        with pytest.raises(RuntimeError):
            _make_link().to_gpu()

    def test_to_chx_and_intel64_unsupported(self):
        with pytest.raises(RuntimeError):
            _make_link().to_chx()
        with pytest.raises(RuntimeError):
            _make_link().to_intel64()

    def test_legacy_to_cpu_override_is_called(self):
        calls = []

        class Legacy(chainer.Link):
            def __init__(self):
                super().__init__()
                self.extra = numpy.zeros(2)

            def to_cpu(self):
                calls.append('to_cpu')
                super().to_cpu()
                return self

        class Parent(chainer.Chain):
            def __init__(self):
                super().__init__()
                with self.init_scope():
                    self.child = Legacy()

        parent = Parent()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            parent.to_device('@numpy')
        assert calls == ['to_cpu']

    def test_training_on_jax_device(self):
        link = chainer.Link()
        with link.init_scope():
            link.w = chainer.Parameter(numpy.float32(1.0), (3,))
        link.to_device(JAX_CPU)
        x = chainer.Variable(jax.device_put(
            numpy.arange(3, dtype=numpy.float32), jax.devices('cpu')[0]))
        loss = chainer.functions.sum(link.w * x)
        link.cleargrads()
        loss.backward()
        assert isinstance(link.w.grad, jax.Array)
        numpy.testing.assert_array_equal(numpy.asarray(link.w.grad),
                                         [0, 1, 2])


class _Recorder(chainer.LinkHook):
    name = 'Recorder'

    def __init__(self):
        self.events = []

    def added(self, link):
        self.events.append(('added', link))

    def deleted(self, link):
        self.events.append(('deleted', link))

    def forward_preprocess(self, args):
        self.events.append(('pre', args.link, args.forward_name, args.args,
                            args.kwargs))

    def forward_postprocess(self, args):
        self.events.append(('post', args.link, args.out))


class _Double(chainer.Link):
    def forward(self, x, scale=2):
        return x * scale


class TestLinkHooks(object):

    def test_local_hook(self):
        link = _Double()
        hook = _Recorder()
        assert link.add_hook(hook) is link
        assert list(link.local_link_hooks) == ['Recorder']
        assert link(3, scale=4) == 12
        assert hook.events == [
            ('added', link), ('pre', link, 'forward', (3,), {'scale': 4}),
            ('post', link, 12)]
        link.delete_hook('Recorder')
        assert hook.events[-1] == ('deleted', link)
        assert link(1) == 2
        assert len(hook.events) == 4

    def test_hook_errors(self):
        link = _Double()
        link.add_hook(_Recorder(), name='h')
        with pytest.raises(KeyError):
            link.add_hook(_Recorder(), name='h')
        with pytest.raises(KeyError):
            link.delete_hook('missing')
        with pytest.raises(TypeError):
            link.add_hook(object())

    def test_global_hook(self):
        link = _Double()
        hook = _Recorder()
        with hook:
            assert 'Recorder' in chainer._get_link_hooks()
            link(1)
            with pytest.raises(KeyError):
                with _Recorder():
                    pass
        assert 'Recorder' not in chainer._get_link_hooks()
        assert [e[0] for e in hook.events] == [
            'added', 'pre', 'post', 'deleted']
        assert hook.events[0] == ('added', None)

    def test_callback_args_repr(self):
        hook = _Recorder()

        class Keep(chainer.LinkHook):
            def forward_postprocess(self, args):
                self.args = args

        keep = Keep()
        link = _Double().add_hook(keep)
        link(1)
        assert 'forward' in repr(keep.args)
        del hook


class TestLinkSerialize(object):

    def test_serialize_keys(self):
        link = _make_link()
        target = npz.serialize(link)
        assert sorted(target) == ['count', 'mean', 'u', 'v', 'x', 'y']
        assert target['u'].dtype == object and target['u'][()] is None
        numpy.testing.assert_array_equal(target['x'], link.x.array)
        assert target['count'] == 5

    def test_round_trip_with_persistents(self):
        src = _make_link()
        src.u.initialize((3,))
        src.mean[...] = [4, 5, 6]
        src.count = 11
        dst = _make_link()
        npz.NpzDeserializer(npz.serialize(src)).load(dst)
        for name in ('x', 'y', 'u', 'v'):
            numpy.testing.assert_array_equal(
                getattr(dst, name).array, getattr(src, name).array)
        numpy.testing.assert_array_equal(dst.mean, [4, 5, 6])
        assert dst.count == 11 and type(dst.count) is int

    def test_pickle(self):
        link = _make_link()
        loaded = pickle.loads(pickle.dumps(link))
        numpy.testing.assert_array_equal(loaded.x.array, link.x.array)
        assert loaded._params == link._params
        assert copy.deepcopy(link)._persistent == link._persistent
