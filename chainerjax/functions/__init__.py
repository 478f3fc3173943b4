"""Differentiable functions (``chainer.functions``, usually ``F``)."""
from chainerjax import _missing

from chainerjax.functions.activation.relu import relu  # NOQA
from chainerjax.functions.activation.relu import ReLU  # NOQA
from chainerjax.functions.activation.sigmoid import sigmoid  # NOQA
from chainerjax.functions.activation.sigmoid import Sigmoid  # NOQA
from chainerjax.functions.activation.softmax import softmax  # NOQA
from chainerjax.functions.activation.softmax import Softmax  # NOQA
from chainerjax.functions.activation.tanh import tanh  # NOQA
from chainerjax.functions.activation.tanh import Tanh  # NOQA

from chainerjax.functions.array.broadcast import broadcast  # NOQA
from chainerjax.functions.array.broadcast import Broadcast  # NOQA
from chainerjax.functions.array.broadcast import broadcast_to  # NOQA
from chainerjax.functions.array.broadcast import BroadcastTo  # NOQA
from chainerjax.functions.array.concat import concat  # NOQA
from chainerjax.functions.array.concat import Concat  # NOQA
from chainerjax.functions.array.get_item import get_item  # NOQA
from chainerjax.functions.array.get_item import GetItem  # NOQA
from chainerjax.functions.array.reshape import reshape  # NOQA
from chainerjax.functions.array.reshape import Reshape  # NOQA
from chainerjax.functions.array.transpose import transpose  # NOQA
from chainerjax.functions.array.transpose import Transpose  # NOQA

from chainerjax.functions.connection.linear import linear  # NOQA

from chainerjax.functions.loss.mean_squared_error import mean_squared_error  # NOQA
from chainerjax.functions.loss.mean_squared_error import MeanSquaredError  # NOQA
from chainerjax.functions.loss.softmax_cross_entropy import softmax_cross_entropy  # NOQA
from chainerjax.functions.loss.softmax_cross_entropy import SoftmaxCrossEntropy  # NOQA

from chainerjax.functions.math.average import average  # NOQA
from chainerjax.functions.math.basic_math import absolute  # NOQA
from chainerjax.functions.math.basic_math import add  # NOQA
from chainerjax.functions.math.exponential import exp  # NOQA
from chainerjax.functions.math.exponential import Exp  # NOQA
from chainerjax.functions.math.exponential import log  # NOQA
from chainerjax.functions.math.exponential import Log  # NOQA
from chainerjax.functions.math.exponential import log10  # NOQA
from chainerjax.functions.math.exponential import log2  # NOQA
from chainerjax.functions.math.identity import identity  # NOQA
from chainerjax.functions.math.identity import Identity  # NOQA
from chainerjax.functions.math.matmul import matmul  # NOQA
from chainerjax.functions.math.matmul import MatMul  # NOQA
from chainerjax.functions.math.sum import sum  # NOQA
from chainerjax.functions.math.sum import Sum  # NOQA

# F.mean is F.average, as in Chainer.
mean = average

__getattr__ = _missing.module_getattr(__name__)
