"""The models of ``_models.py`` written by hand in plain JAX, with optax.

Each model is a loss function ``loss(params, state, x, t) -> (loss,
new_state)`` over a dict of parameters keyed by Chainer's parameter names
(``'/l1/W'``, ``'/block1/bn/gamma'``...), so that they start from the
Chainer-style model's weights. ``state`` holds what is not trained:
BatchNormalization's running statistics, the LSTM's ``c`` and ``h``.
:func:`make_step` returns the training step a JAX user would write:
``jax.value_and_grad`` and an optax update under one ``jax.jit`` with the
parameters, the optimizer state and the model state donated.

The arithmetic follows Chainer's definitions: ``max_pooling_2d`` with
``cover_all=True``, ``BatchNormalization`` with ``decay=0.9``, ``eps=2e-5``
and the unbiased variance in ``avg_var``, ``L.LSTM``'s gate layout (the
``4 * n`` pre-activations are ``n`` groups of ``a, i, f, o``),
``softmax_cross_entropy`` averaged over the batch. The LSTM's 35 timesteps
are a Python loop (unrolled when traced), as in the Chainer code.
"""
import jax
import jax.numpy as jnp
import optax

_DN = ('NCHW', 'OIHW', 'NCHW')


def linear(p, name, x):
    y = x @ p[name + '/W'].T
    b = p.get(name + '/b')
    return y if b is None else y + b


def conv(p, name, x, stride=1, pad=0):
    y = jax.lax.conv_general_dilated(
        x, p[name + '/W'], (stride, stride), [(pad, pad), (pad, pad)],
        dimension_numbers=_DN)
    b = p.get(name + '/b')
    return y if b is None else y + b[None, :, None, None]


def max_pool(x, k, s):
    """``F.max_pooling_2d(x, k, s)`` (``cover_all=True``: the last window
    may stick out of the image)."""
    pads = [(0, 0), (0, 0)]
    for size in x.shape[2:]:
        out = (size - k + s - 1) // s + 1
        pads.append((0, (out - 1) * s + k - size))
    return jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 1, k, k),
                                 (1, 1, s, s), pads)


def batch_norm(p, state, name, x, decay=0.9, eps=2e-5):
    """Training mode: batch statistics, running averages updated."""
    mean = x.mean(axis=(0, 2, 3))
    var = ((x - mean[None, :, None, None]) ** 2).mean(axis=(0, 2, 3))
    inv = jax.lax.rsqrt(var + eps)
    y = (x - mean[None, :, None, None]) * (inv * p[name + '/gamma'])[
        None, :, None, None] + p[name + '/beta'][None, :, None, None]
    m = x.size // mean.size
    new = {name + '/avg_mean': decay * state[name + '/avg_mean']
           + (1 - decay) * mean,
           name + '/avg_var': decay * state[name + '/avg_var']
           + (1 - decay) * (m / max(m - 1, 1)) * var}
    return y, new


def softmax_cross_entropy(logits, t):
    logp = jax.nn.log_softmax(logits)
    return -jnp.take_along_axis(logp, t[:, None], axis=1).mean()


# ----------------------------------------------------------------- models

def mlp_loss(p, state, x, t):
    h = jax.nn.relu(linear(p, '/l1', x))
    h = jax.nn.relu(linear(p, '/l2', h))
    return softmax_cross_entropy(linear(p, '/l3', h), t), state


def cnn_loss(p, state, x, t):
    new_state = {}

    def block(name, h):
        h = conv(p, name + '/conv', h, pad=1)
        h, s = batch_norm(p, state, name + '/bn', h)
        new_state.update(s)
        return jax.nn.relu(h)

    h = max_pool(block('/block1', x), 2, 2)
    h = max_pool(block('/block2', h), 2, 2)
    h = block('/block3', h).mean(axis=(2, 3))
    return softmax_cross_entropy(linear(p, '/fc', h), t), new_state


def cnn_state(params):
    state = {}
    for name in params:
        if name.endswith('/gamma'):
            prefix = name[:-len('/gamma')]
            n = params[name].shape[0]
            state[prefix + '/avg_mean'] = jnp.zeros(n, jnp.float32)
            state[prefix + '/avg_var'] = jnp.ones(n, jnp.float32)
    return state


def _fire(p, name, x):
    h = jax.nn.relu(conv(p, name + '/conv1', x))
    return jax.nn.relu(jnp.concatenate(
        [conv(p, name + '/conv2', h), conv(p, name + '/conv3', h, pad=1)],
        axis=1))


def squeezenet_loss(p, state, x, t):
    h = jax.nn.relu(conv(p, '/conv1', x, stride=2))
    h = max_pool(h, 3, 2)
    for i in (2, 3, 4):
        h = _fire(p, '/fire%d' % i, h)
    h = max_pool(h, 3, 2)
    for i in (5, 6, 7, 8):
        h = _fire(p, '/fire%d' % i, h)
    h = max_pool(h, 3, 2)
    h = _fire(p, '/fire9', h)
    h = jax.nn.relu(conv(p, '/conv10', h)).mean(axis=(2, 3))
    return softmax_cross_entropy(h, t), state


def _lstm(p, name, x, c, h):
    a = linear(p, name + '/upward', x) + linear(p, name + '/lateral', h)
    a = a.reshape(a.shape[0], -1, 4)
    g, i, f, o = a[:, :, 0], a[:, :, 1], a[:, :, 2], a[:, :, 3]
    c = jnp.tanh(g) * jax.nn.sigmoid(i) + jax.nn.sigmoid(f) * c
    return c, jax.nn.sigmoid(o) * jnp.tanh(c)


def rnnlm_loss(p, state, xs, ts):
    """Sum over the timesteps of the per-step mean loss. The state starts
    at zeros, which is what ``L.LSTM`` computes with no previous ``h``."""
    c1, h1, c2, h2 = (state[k] for k in ('c1', 'h1', 'c2', 'h2'))
    loss = 0.0
    for i in range(xs.shape[0]):
        e = p['/embed/W'][xs[i]]
        c1, h1 = _lstm(p, '/l1', e, c1, h1)
        c2, h2 = _lstm(p, '/l2', h1, c2, h2)
        loss = loss + softmax_cross_entropy(linear(p, '/l3', h2), ts[i])
    return loss, {'c1': c1, 'h1': h1, 'c2': c2, 'h2': h2}


def rnnlm_state(params, batch):
    n = params['/l1/lateral/W'].shape[1]
    # distinct arrays: each is donated
    return dict((k, jnp.zeros((batch, n), jnp.float32))
                for k in ('c1', 'h1', 'c2', 'h2'))


LOSSES = {'mlp': mlp_loss, 'cnn': cnn_loss, 'squeezenet': squeezenet_loss,
          'rnnlm': rnnlm_loss}


def initial_state(model, params, batch):
    if model == 'cnn':
        return cnn_state(params)
    if model == 'rnnlm':
        return rnnlm_state(params, batch)
    return {}


# -------------------------------------------------------------- training

def optax_transform(optimizer, clip=None):
    """The optax equivalent of ``(name, kwargs)`` of ``chainer.optimizers``
    (Chainer's ``SGD``, ``MomentumSGD`` and ``Adam`` defaults), after a
    global-norm clipping like ``GradientClipping``. optax's Adam adds
    ``eps`` to the bias-corrected second moment; Chainer's adds it before
    the correction, a difference below float32 noise here."""
    name, kwargs = optimizer
    if name == 'SGD':
        tx = optax.sgd(kwargs.get('lr', 0.01))
    elif name == 'MomentumSGD':
        tx = optax.sgd(kwargs.get('lr', 0.01),
                       momentum=kwargs.get('momentum', 0.9))
    elif name == 'Adam':
        tx = optax.adam(kwargs.get('alpha', 0.001),
                        b1=kwargs.get('beta1', 0.9),
                        b2=kwargs.get('beta2', 0.999),
                        eps=kwargs.get('eps', 1e-8))
    else:
        raise ValueError('no optax equivalent for ' + name)
    if clip is not None:
        tx = optax.chain(optax.clip_by_global_norm(clip), tx)
    return tx


def make_step(model, tx):
    """``step(params, opt_state, state, x, t) -> (params, opt_state, state,
    loss)``, jitted, the first three arguments donated."""
    grad_fn = jax.value_and_grad(LOSSES[model], has_aux=True)

    def step(params, opt_state, state, x, t):
        (loss, state), grads = grad_fn(params, state, x, t)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, state, loss

    return jax.jit(step, donate_argnums=(0, 1, 2))
