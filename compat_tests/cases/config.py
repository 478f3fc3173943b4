"""chainer.config, using_config, no_backprop_mode, debug mode (item 6)."""
import threading

from compat_tests.cases._util import arr, err, rand

_KEYS = ('train', 'enable_backprop', 'type_check', 'debug',
         'keep_graph_on_report', 'lazy_grad_sum', 'use_cudnn',
         'cudnn_deterministic', 'autotune', 'use_cudnn_tensor_core',
         'use_ideep', 'use_static_graph', 'warn_nondeterministic',
         'cudnn_fast_batch_normalization', 'in_recomputing', 'schedule_func',
         'compute_mode')


def _value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return repr(v)


def case_config_defaults(chainer, F, np):
    out = {}
    for key in _KEYS:
        out[key] = _value(getattr(chainer.config, key))
        out['global_' + key] = _value(getattr(chainer.global_config, key))
    out['dtype'] = str(chainer.config.dtype)
    out['dtype_type'] = type(chainer.config.dtype).__name__
    out['is_debug'] = chainer.is_debug()
    return out


def case_using_config_nesting(chainer, F, np):
    out = {}
    with chainer.using_config('train', False):
        out['inner1'] = chainer.config.train
        with chainer.using_config('train', True):
            out['inner2'] = chainer.config.train
        out['back1'] = chainer.config.train
        out['global_during'] = chainer.global_config.train
    out['after'] = chainer.config.train
    with chainer.using_config('my_new_key', 5):
        out['new_key'] = chainer.config.my_new_key
    out['new_key_after'] = err(getattr, chainer.config, 'my_new_key')
    try:
        with chainer.using_config('train', False):
            raise KeyError('boom')
    except KeyError:
        pass
    out['after_exception'] = chainer.config.train
    return out


def case_using_config_local_set(chainer, F, np):
    out = {}
    chainer.config.train = False
    try:
        with chainer.using_config('train', True):
            out['inner'] = chainer.config.train
        out['restored_local'] = chainer.config.train
        out['global'] = chainer.global_config.train
    finally:
        del chainer.config.train
    out['after_del'] = chainer.config.train
    return out


def case_config_thread_local(chainer, F, np):
    results = {}

    def worker():
        results['thread_sees_default'] = chainer.config.train
        with chainer.using_config('train', 'thread'):
            results['thread_inside'] = chainer.config.train
            ev_set.set()
            ev_check.wait(10)
        results['thread_after'] = chainer.config.train

    ev_set = threading.Event()
    ev_check = threading.Event()
    with chainer.using_config('train', False):
        t = threading.Thread(target=worker)
        t.start()
        ev_set.wait(10)
        results['main_while_thread'] = chainer.config.train
        ev_check.set()
        t.join(10)
    results['main_after'] = chainer.config.train
    return results


def case_no_backprop_mode(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 300))
    out = {}
    with chainer.no_backprop_mode():
        y = F.exp(x * 2)
        out['enable_backprop'] = chainer.config.enable_backprop
        out['creator_none'] = y.creator is None
        out['y_requires_grad'] = y.requires_grad
        with chainer.force_backprop_mode():
            out['force_enable'] = chainer.config.enable_backprop
            z = F.exp(x * 2)
            out['force_creator'] = type(z.creator).__name__
        out['back'] = chainer.config.enable_backprop
    out['after'] = chainer.config.enable_backprop
    z.grad = np.ones_like(z.array)
    z.backward()
    out['gx'] = arr(np, x.grad)
    out['y'] = arr(np, y)
    return out


def case_using_config_enable_backprop(chainer, F, np):
    x = chainer.Variable(rand(np, (3,), 301))
    with chainer.using_config('enable_backprop', False):
        y = x * 3
    w = y * 2
    F.sum(w).backward()
    return {'y_creator_none': y.creator is None,
            'x_grad_none': x.grad is None,
            'y_grad': arr(np, y.grad)}


def case_get_dtype(chainer, F, np):
    out = {
        'default': str(chainer.get_dtype()),
        'explicit': str(chainer.get_dtype(np.float64)),
        'string': str(chainer.get_dtype('float16')),
        'type': type(chainer.get_dtype()).__name__,
        'mixed16': str(chainer.get_dtype(chainer.mixed16)),
        'mixed16_map': str(chainer.get_dtype(chainer.mixed16,
                                             map_mixed16=np.float32)),
    }
    with chainer.using_config('dtype', np.float16):
        out['in_config'] = str(chainer.get_dtype())
    with chainer.using_config('dtype', chainer.mixed16):
        out['in_config_mixed16'] = str(chainer.get_dtype())
    return out


def case_debug_mode_nan(chainer, F, np):
    out = {}
    neg = np.array([-1.0, 2.0], np.float32)
    with chainer.using_config('debug', True):
        out['is_debug'] = chainer.is_debug()
        out['log_negative'] = err(F.log, chainer.Variable(neg))
        out['log_positive'] = err(F.log, chainer.Variable(np.abs(neg)))
    with np.errstate(invalid='ignore'):
        y = F.log(chainer.Variable(neg))
    out['no_debug_isnan'] = np.isnan(arr(np, y))
    with chainer.DebugMode(True):
        out['debugmode'] = chainer.is_debug()
        out['sqrt_negative'] = err(F.log, -chainer.Variable(np.abs(neg)))
    out['after'] = chainer.is_debug()
    return out


def case_debug_mode_backward_nan(chainer, F, np):
    x = chainer.Variable(np.array([0.0, 1.0], np.float32))
    y = F.sum(F.log(x) * 0)
    out = {}
    with np.errstate(divide='ignore', invalid='ignore'):
        with chainer.using_config('debug', True):
            out['backward'] = err(y.backward)
    return out


def case_set_debug(chainer, F, np):
    chainer.set_debug(True)
    try:
        a = chainer.is_debug()
        b = chainer.config.debug
    finally:
        chainer.set_debug(False)
    return {'on': a, 'config': b, 'off': chainer.is_debug()}


def case_type_check_config(chainer, F, np):
    out = {}
    x = np.zeros((2, 3), np.float32)
    W = np.zeros((4, 5), np.float32)
    out['checked'] = err(F.linear, x, W)
    with chainer.using_config('type_check', False):
        out['type_check'] = chainer.config.type_check
        out['unchecked'] = err(F.linear, x, W)
    return out


def case_train_flag(chainer, F, np):
    out = {'default': chainer.config.train}
    with chainer.using_config('train', False):
        out['test'] = chainer.config.train
    return out
