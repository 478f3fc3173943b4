"""Size arithmetic of convolutions and poolings (``chainer.utils.conv``).

Only the pure size helpers are provided; the im2col/col2im kernels of
Chainer are not needed (convolutions are ``jax.lax`` convolutions).
"""


def get_conv_outsize(size, k, s, p, cover_all=False, d=1):
    """Returns the output length of a convolution along one axis.

    Args:
        size (int): input length.
        k (int): kernel length.
        s (int): stride.
        p (int): padding on each side.
        cover_all (bool): if True, the last output also covers the input
            elements a plain convolution would drop (the output grows by one
            where the stride does not divide the input).
        d (int): dilation.

    Returns:
        int: the output length.
    """
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


def get_deconv_outsize(size, k, s, p, cover_all=False, d=1):
    """Returns the output length of a deconvolution along one axis.

    It is the input length of the convolution that
    :func:`get_conv_outsize` maps to ``size``.

    Args:
        size (int): input length.
        k (int): kernel length.
        s (int): stride.
        p (int): padding.
        cover_all (bool): the ``cover_all`` of that convolution.
        d (int): dilation.

    Returns:
        int: the output length.
    """
    dk = (k - 1) * d + 1
    if cover_all:
        return s * (size - 1) + dk - s + 1 - 2 * p
    return s * (size - 1) + dk - 2 * p


# ----- private helpers shared by connection / pooling functions -----------

def _pair(x):
    if hasattr(x, '__getitem__'):
        return tuple(x)
    return x, x


def _as_tuple(x, n):
    if hasattr(x, '__getitem__'):
        assert len(x) == n
        return tuple(x)
    return (x,) * n


def _parse_kwargs(func_name, kwargs, *name_and_values, **unexpected):
    """Pops keyword-only arguments with defaults (``argument.parse_kwargs``).

    ``unexpected`` maps removed argument names to the ValueError message
    Chainer gives for them; any other left-over name is a TypeError.
    """
    kwargs = dict(kwargs)
    values = [kwargs.pop(name, default) for name, default in name_and_values]
    if kwargs:
        for key, message in unexpected.items():
            if key in kwargs:
                raise ValueError(message)
        raise TypeError(
            '{}() got unexpected keyword argument(s) {}'.format(
                func_name, ', '.join(repr(k) for k in sorted(kwargs))))
    return tuple(values)


_DETERMINISTIC_MSG = (
    'deterministic argument is not supported anymore. '
    'Use chainer.using_config(\'cudnn_deterministic\', value) context '
    'where value is either `True` or `False`.')
_REQUIRES_X_GRAD_MSG = (
    'requires_x_grad argument is not supported anymore. Just remove the '
    'argument. Note that whether to compute the gradient w.r.t. x is '
    'automatically decided during backpropagation.')
