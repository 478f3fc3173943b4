"""Inception module with batch normalization
(``chainer.links.InceptionBN``)."""
from chainerjax import configuration
from chainerjax.functions.activation import relu
from chainerjax.functions.array import concat
from chainerjax.functions.pooling import average_pooling_2d
from chainerjax.functions.pooling import max_pooling_nd
from chainerjax import link
from chainerjax.links.connection import convolution_2d
from chainerjax.links.normalization import batch_normalization


class InceptionBN(link.Chain):
    """Inception module of the batch-normalized GoogLeNet.

    Like :class:`~chainerjax.links.Inception`, but every convolution
    (without bias) is followed by a
    :class:`~chainerjax.links.BatchNormalization` (the child named after
    the convolution with an ``n`` suffix, e.g. ``proj3`` -> ``proj3n``),
    the 5x5 path is two 3x3 convolutions (``proj33``, ``conv33a``,
    ``conv33b``), and the pooling is max or average. The outputs of the
    paths (1x1 path first when ``out1 > 0``, then 3x3, double 3x3 and
    pooling) are concatenated along the channels.

    Args:
        in_channels (int or None): the number of input channels.
        out1 (int): the output channels of the 1x1 path (0 for no such
            path; it needs ``stride == 1`` and ``proj_pool``).
        proj3 (int): the projection channels of the 3x3 path.
        out3 (int): the output channels of the 3x3 path.
        proj33 (int): the projection channels of the double 3x3 path.
        out33 (int): the output channels of the double 3x3 path.
        pooltype (str): ``'max'`` or ``'avg'``.
        proj_pool (int or None): the projection channels after the pooling
            (``poolp``, ``poolpn``); None for no projection.
        stride (int): the stride of the last convolution of each path and
            of the pooling.
        conv_init: the initializer of the filters.
        dtype: the dtype of the batch normalization parameters (default
            ``chainer.config.dtype``).

    Raises:
        NotImplementedError: if ``pooltype`` is not ``'max'`` or ``'avg'``.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> link = L.InceptionBN(2, 1, 1, 2, 1, 2, 'avg', proj_pool=1)
        >>> link(np.ones((2, 2, 4, 4), np.float32)).shape
        (2, 6, 4, 4)
    """

    def __init__(self, in_channels, out1, proj3, out3, proj33, out33,
                 pooltype, proj_pool=None, stride=1, conv_init=None,
                 dtype=None):
        super(InceptionBN, self).__init__()
        self.out1 = out1
        self.proj_pool = proj_pool
        self.stride = stride
        self.pooltype = pooltype
        if pooltype != 'max' and pooltype != 'avg':
            # Chainer raises NotImplementedError here too (tests rely on
            # the class); say what is supported.
            raise NotImplementedError(
                'InceptionBN: pooltype must be \'max\' or \'avg\', got '
                '{!r}'.format(pooltype))
        dtype = configuration.get_dtype(dtype)

        def conv(n_in, n_out, ksize, **kwargs):
            return convolution_2d.Convolution2D(
                n_in, n_out, ksize, nobias=True, initialW=conv_init,
                **kwargs)

        def bn(size):
            return batch_normalization.BatchNormalization(size, dtype=dtype)

        with self.init_scope():
            self.proj3 = conv(in_channels, proj3, 1)
            self.conv3 = conv(proj3, out3, 3, pad=1, stride=stride)
            self.proj33 = conv(in_channels, proj33, 1)
            self.conv33a = conv(proj33, out33, 3, pad=1)
            self.conv33b = conv(out33, out33, 3, pad=1, stride=stride)
            self.proj3n = bn(proj3)
            self.conv3n = bn(out3)
            self.proj33n = bn(proj33)
            self.conv33an = bn(out33)
            self.conv33bn = bn(out33)
            if out1 > 0:
                assert stride == 1
                assert proj_pool is not None
                self.conv1 = conv(in_channels, out1, 1, stride=stride)
                self.conv1n = bn(out1)
            if proj_pool is not None:
                self.poolp = conv(in_channels, proj_pool, 1)
                self.poolpn = bn(proj_pool)

    def forward(self, x):
        """Applies the module to ``x`` of shape ``(n, c, h, w)``."""
        outs = []
        if self.out1 > 0:
            outs.append(relu.relu(self.conv1n(self.conv1(x))))
        h3 = relu.relu(self.proj3n(self.proj3(x)))
        outs.append(relu.relu(self.conv3n(self.conv3(h3))))
        h33 = relu.relu(self.proj33n(self.proj33(x)))
        h33 = relu.relu(self.conv33an(self.conv33a(h33)))
        outs.append(relu.relu(self.conv33bn(self.conv33b(h33))))
        if self.pooltype == 'max':
            p = max_pooling_nd.max_pooling_2d(
                x, 3, stride=self.stride, pad=1, cover_all=False)
        else:
            p = average_pooling_2d.average_pooling_2d(
                x, 3, stride=self.stride, pad=1)
        if self.proj_pool is not None:
            p = relu.relu(self.poolpn(self.poolp(p)))
        outs.append(p)
        return concat.concat(outs, axis=1)
