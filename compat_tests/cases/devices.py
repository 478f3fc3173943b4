"""Devices and backends (issue item 7). Runs without a GPU on both sides."""
from compat_tests.cases._util import arr, err, rand


def case_get_device_numpy(chainer, F, np):
    out = {}
    for tag, spec in (('at_numpy', '@numpy'), ('minus1', -1),
                      ('str_minus1', '-1'), ('np_int', np.int64(-1))):
        d = chainer.get_device(spec)
        out[tag + '_name'] = d.name
        out[tag + '_str'] = str(d)
        out[tag + '_xp'] = d.xp.__name__
        out[tag + '_type'] = type(d).__name__
        out[tag + '_supported_array_types'] = [
            t.__name__ for t in d.supported_array_types]
    out['equal'] = chainer.get_device('@numpy') == chainer.get_device(-1)
    return out


def case_get_device_errors(chainer, F, np):
    return {
        'bad_module': err(chainer.get_device, '@foo'),
        'bad_numpy_index': err(chainer.get_device, '@numpy:0'),
        'none': err(chainer.get_device, None),
        'float': err(chainer.get_device, 1.5),
    }


def case_get_device_send(chainer, F, np):
    d = chainer.get_device('@numpy')
    a = rand(np, (2, 2), 400)
    b = d.send(a)
    return {'same': b is a, 'type': type(b).__name__, 'b': arr(np, b)}


def case_get_array_module(chainer, F, np):
    a = rand(np, (2,), 401)
    v = chainer.Variable(a)
    gam = chainer.backend.get_array_module
    cgam = chainer.backends.cuda.get_array_module
    return {
        'numpy': gam(a).__name__, 'variable': gam(v).__name__,
        'two': gam(a, v).__name__, 'none': gam().__name__,
        'cuda_numpy': cgam(a).__name__, 'cuda_variable': cgam(v).__name__,
        'variable_xp': v.xp.__name__,
    }


def case_cuda_available(chainer, F, np):
    cuda = chainer.backends.cuda
    return {'available': cuda.available,
            'check_error': err(cuda.check_cuda_available),
            'dummy_id': cuda.DummyDevice.id}


def case_cuda_to_cpu(chainer, F, np):
    cuda = chainer.backends.cuda
    a = rand(np, (2, 3), 402)
    b = cuda.to_cpu(a)
    lst = cuda.to_cpu([a, a * 2])
    return {'same': b is a, 'type': type(b).__name__, 'b': arr(np, b),
            'none': cuda.to_cpu(None) is None,
            'list_type': type(lst).__name__, 'list1': arr(np, lst[1]),
            'variable_error': err(cuda.to_cpu, chainer.Variable(a))}


def case_cuda_get_device_from(chainer, F, np):
    cuda = chainer.backends.cuda
    a = rand(np, (2,), 403)
    d = cuda.get_device_from_id(None)
    e = cuda.get_device_from_array(a)
    return {
        'from_id_none_type': type(d).__name__,
        'from_id_none_is_dummy': d is cuda.DummyDevice,
        'from_array_is_dummy': e is cuda.DummyDevice,
        'dummy_int': int(cuda.DummyDevice),
        'to_gpu_error': err(cuda.to_gpu, a),
    }


def case_variable_to_gpu_without_gpu(chainer, F, np):
    v = chainer.Variable(rand(np, (2,), 404))
    return {'to_gpu': err(v.to_gpu), 'to_gpu0': err(v.to_gpu, 0),
            'array_after': arr(np, v)}


def case_variable_to_device_numpy(chainer, F, np):
    a = rand(np, (2, 2), 405)
    v = chainer.Variable(a)
    v.grad = rand(np, (2, 2), 406)
    r = v.to_device('@numpy')
    v2 = chainer.Variable(a)
    v2.to_cpu()
    return {
        'returns': repr(r) if r is not v else 'self',
        'device': str(v.device), 'device_name': v.device.name,
        'array_type': type(v.array).__name__,
        'grad_type': type(v.grad).__name__, 'array': arr(np, v),
        'grad': arr(np, v.grad), 'to_cpu_device': str(v2.device),
        'to_cpu_type': type(v2.array).__name__,
    }


def case_variable_device_of_results(chainer, F, np):
    x = chainer.Variable(rand(np, (2, 2), 407))
    y = F.exp(x) * 2
    y.grad = np.ones((2, 2), np.float32)
    y.backward()
    return {'y_device': str(y.device), 'y_type': type(y.array).__name__,
            'gx_type': type(x.grad).__name__, 'y_xp': y.xp.__name__,
            'isinstance_ndarray': isinstance(y.array, np.ndarray)}


def case_using_device_numpy(chainer, F, np):
    with chainer.using_device('@numpy') as d:
        out = {'name': d.name if d is not None else 'None'}
    return out


def case_get_device_from_array(chainer, F, np):
    d = chainer.backend.get_device_from_array(rand(np, (2,), 408))
    return {'name': d.name, 'type': type(d).__name__}
