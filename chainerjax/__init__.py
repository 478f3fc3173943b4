"""chainerjax: the Chainer 7.8.1 API on JAX.

``import chainerjax as chainer`` gives Chainer's top-level names; to run an
unmodified Chainer program, ``import chainerjax.alias`` first or start it
with ``python -m chainerjax script.py``.
"""
import collections
import os
import threading

import jax

# dtype policy (docs/differences.md): NumPy semantics, float64 and int64
# preserved. Opt out with CHAINERJAX_ENABLE_X64=0.
if os.environ.get('CHAINERJAX_ENABLE_X64', '1') != '0':
    jax.config.update('jax_enable_x64', True)

from chainerjax import _version  # NOQA
from chainerjax import _missing  # NOQA
from chainerjax import configuration  # NOQA
from chainerjax.configuration import config  # NOQA
from chainerjax.configuration import get_dtype  # NOQA
from chainerjax.configuration import global_config  # NOQA
from chainerjax.configuration import GlobalConfig  # NOQA
from chainerjax.configuration import LocalConfig  # NOQA
from chainerjax.configuration import using_config  # NOQA
from chainerjax.configuration import _mixed16 as mixed16  # NOQA

_thread_local = threading.local()


def get_function_hooks():
    """The function hooks registered for the current thread."""
    try:
        return _thread_local.function_hooks
    except AttributeError:
        ret = collections.OrderedDict()
        _thread_local.function_hooks = ret
        return ret


def _get_link_hooks():
    try:
        return _thread_local.link_hooks
    except AttributeError:
        ret = collections.OrderedDict()
        _thread_local.link_hooks = ret
        return ret


class _FallbackType(object):

    def __repr__(self):
        return 'Fallback'


Fallback = _FallbackType()


def is_debug():
    """True if the debug mode (NaN/Inf checks on every op) is on."""
    return bool(config.__getattr__('debug'))


def set_debug(debug):
    """Turns the debug mode on or off globally."""
    global_config.debug = debug


class DebugMode(object):
    """Context manager that sets the debug mode (Chainer's ``DebugMode``)."""

    def __init__(self, debug):
        self._using = using_config('debug', debug)

    def __enter__(self):
        self._using.__enter__()

    def __exit__(self, *args):
        self._using.__exit__(*args)


from chainerjax import backend  # NOQA
from chainerjax import backends  # NOQA
from chainerjax.backends import cuda  # NOQA
from chainerjax.backend import get_device  # NOQA
from chainerjax.backend import using_device  # NOQA
from chainerjax.backend import get_array_types  # NOQA
from chainerjax.backends.cuda import should_use_cudnn  # NOQA
from chainerjax.backends.cuda import should_use_cudnn_tensor_core  # NOQA
from chainerjax import variable  # NOQA
from chainerjax.variable import as_array  # NOQA
from chainerjax.variable import as_variable  # NOQA
from chainerjax.variable import Parameter  # NOQA
from chainerjax.variable import Variable  # NOQA
from chainerjax import initializer  # NOQA
from chainerjax.initializer import Initializer  # NOQA
from chainerjax import initializers  # NOQA
from chainerjax.function_hook import FunctionHook  # NOQA
from chainerjax import function_node  # NOQA
from chainerjax.function_node import FunctionNode  # NOQA
from chainerjax.function_node import grad  # NOQA
from chainerjax import function  # NOQA
from chainerjax.function import force_backprop_mode  # NOQA
from chainerjax.function import Function  # NOQA
from chainerjax.function import FunctionAdapter  # NOQA
from chainerjax.function import no_backprop_mode  # NOQA
from chainerjax._backprop import backward  # NOQA
from chainerjax import functions  # NOQA
from chainerjax.functions import array  # NOQA
from chainerjax.functions.math import basic_math  # NOQA
from chainerjax import utils  # NOQA
from chainerjax import gradient_check  # NOQA
from chainerjax import random  # NOQA

from chainerjax import device_resident  # NOQA
from chainerjax.device_resident import DeviceResident  # NOQA
from chainerjax import link_hook  # NOQA
from chainerjax.link_hook import LinkHook  # NOQA
from chainerjax import link  # NOQA
from chainerjax.link import Chain  # NOQA
from chainerjax.link import ChainList  # NOQA
from chainerjax.link import Link  # NOQA
from chainerjax import sequential  # NOQA
from chainerjax.sequential import Sequential  # NOQA
from chainerjax import serializer  # NOQA
from chainerjax.serializer import AbstractSerializer  # NOQA
from chainerjax.serializer import Deserializer  # NOQA
from chainerjax.serializer import Serializer  # NOQA
from chainerjax import serializers  # NOQA
from chainerjax import links  # NOQA
from chainerjax.optimizer import GradientMethod, Optimizer, UpdateRule  # NOQA
from chainerjax import optimizers, optimizer_hooks  # NOQA

from chainerjax._jit import jit  # NOQA
from chainerjax._jit import JitStep  # NOQA
from chainerjax._jit import UntraceableError  # NOQA

from chainerjax import reporter  # NOQA
from chainerjax.reporter import DictSummary, Reporter, Summary, get_current_reporter, report, report_scope  # NOQA
from chainerjax import dataset, datasets, iterators, training  # NOQA
__version__ = _version.__version__


def get_cpu_array_types():
    """The host array types (``numpy.ndarray``)."""
    import numpy
    return (numpy.ndarray,)


def is_arrays_compatible(arrays):
    return backend.is_arrays_compatible(arrays)


global_config.debug = bool(int(os.environ.get('CHAINER_DEBUG', '0')))
global_config.cudnn_deterministic = False
global_config.warn_nondeterministic = False
global_config.enable_backprop = True
global_config.keep_graph_on_report = bool(int(
    os.environ.get('CHAINER_KEEP_GRAPH_ON_REPORT', '0')))
global_config.train = True
global_config.type_check = bool(int(os.environ.get('CHAINER_TYPE_CHECK', '1')))
global_config.use_cudnn = os.environ.get('CHAINER_USE_CUDNN', 'auto')
global_config.use_cudnn_tensor_core = 'auto'
global_config.autotune = False
global_config.schedule_func = None
global_config.use_static_graph = True
global_config.use_ideep = os.environ.get('CHAINER_USE_IDEEP', 'never')
global_config.lazy_grad_sum = bool(int(
    os.environ.get('CHAINER_LAZY_GRAD_SUM', '0')))
global_config.cudnn_fast_batch_normalization = bool(int(
    os.environ.get('CHAINER_CUDNN_FAST_BATCH_NORMALIZATION', '0')))
global_config.in_recomputing = False
global_config._will_recompute = False
global_config.compute_mode = None
global_config.dtype = get_dtype(os.environ.get('CHAINER_DTYPE', 'float32'))
global_config.jit = os.environ.get('CHAINERJAX_JIT', '0') not in ('0', '')

__getattr__ = _missing.module_getattr(__name__)
