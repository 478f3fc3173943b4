"""Spectral normalization (``chainer.link_hooks.SpectralNormalization``).

Chainer updates the power-iteration vector ``u`` in place; here the new
vector is assigned to the link's persistent attribute instead, so that the
hook also works inside ``chainerjax.jit`` (where ``u`` is traced state).
"""
import numpy

from chainerjax import backend
from chainerjax import configuration
import chainerjax.functions as F
from chainerjax import link_hook
import chainerjax.links as L
from chainerjax import utils
from chainerjax import variable


def l2normalize(xp, v, eps):
    """Returns ``v / (||v||_2 + eps)``.

    Args:
        xp: ``numpy`` or ``jax.numpy``.
        v (array): a vector.
        eps (float): added to the norm.
    """
    norm = xp.linalg.norm(v)
    return v / (norm + eps)


def update_approximate_vectors(weight_matrix, u, n_power_iteration, eps):
    """Runs ``n_power_iteration`` steps of the power iteration.

    Args:
        weight_matrix (~chainerjax.Variable): a 2-d weight ``(out, in)``.
        u (array): the current approximation of the first left singular
            vector ``(out,)``.
        n_power_iteration (int): the number of steps.
        eps (float): added to the norms.

    Returns:
        tuple: ``(u, v)``, the approximate first left and right singular
        vectors (arrays; no gradient flows through them).
    """
    weight_matrix = weight_matrix.array
    xp = backend.get_array_module(weight_matrix, u)
    for _ in range(n_power_iteration):
        v = l2normalize(xp, xp.dot(u, weight_matrix), eps)
        u = l2normalize(xp, xp.dot(weight_matrix, v), eps)
    return u, v


def calculate_max_singular_value(weight_matrix, u, v):
    """Returns ``u^T W v``, the approximate largest singular value (a
    Variable, differentiable with respect to ``weight_matrix``)."""
    return F.matmul(F.matmul(u, weight_matrix), v)


def _deconvolution_classes():
    classes = []
    for name in ('Deconvolution2D', 'DeconvolutionND'):
        cls = getattr(L, name, None)
        if isinstance(cls, type):
            classes.append(cls)
    return tuple(classes)


class SpectralNormalization(link_hook.LinkHook):
    """Normalizes a link's weight by its largest singular value.

    Before every forward of the link the weight ``W`` is replaced by
    ``W / sigma(W)`` (``gamma * W / sigma(W)`` with ``use_gamma``), where
    ``sigma`` is estimated by power iteration from the vector ``u`` kept in
    the link as the persistent ``<weight_name>_u``; after the forward the
    link's parameter is restored. ``u`` is updated only in training mode
    (``chainer.config.train``). The weight is seen as a matrix whose rows
    are the outputs (axis 1 of a deconvolution's weight, axis 0 otherwise).

    Add the hook before setting up the optimizer when ``use_gamma`` is
    True: it registers the parameter ``gamma``.

    See: Miyato et al., `Spectral Normalization for Generative Adversarial
    Networks <https://arxiv.org/abs/1802.05957>`_.

    Args:
        n_power_iteration (int): power iteration steps per forward (> 0).
        eps (float): added to the norms.
        use_gamma (bool): add a scale parameter ``gamma``, initialized with
            the largest singular value of the initial weight.
        factor (float): if given, ``sigma`` is divided by it.
        weight_name (str): the name of the weight parameter.
        name (str): the name of the hook (default
            ``'SpectralNormalization'``).

    Attributes:
        vector_name (str): ``weight_name + '_u'``.
        axis (int): the output axis of the weight.

    Example:
        >>> import chainerjax.links as L
        >>> from chainerjax import link_hooks
        >>> layer = L.Convolution2D(3, 5, 3)
        >>> hook = link_hooks.SpectralNormalization()
        >>> _ = layer.add_hook(hook)
        >>> getattr(layer, hook.vector_name).shape
        (5,)
    """

    name = 'SpectralNormalization'

    def __init__(self, n_power_iteration=1, eps=1e-6, use_gamma=False,
                 factor=None, weight_name='W', name=None):
        assert n_power_iteration > 0
        self.n_power_iteration = n_power_iteration
        self.eps = eps
        self.use_gamma = use_gamma
        self.factor = factor
        self.weight_name = weight_name
        self.vector_name = weight_name + '_u'
        self._initialized = False
        self.axis = 0
        if name is not None:
            self.name = name

    def __enter__(self):
        raise NotImplementedError(
            'This hook is not supposed to be used as context manager.')

    def __exit__(self, *args):
        raise NotImplementedError

    def added(self, link):
        if not hasattr(link, self.weight_name):
            raise ValueError(
                'Weight \'{}\' does not exist!'.format(self.weight_name))
        if isinstance(link, _deconvolution_classes()):
            self.axis = 1
        if getattr(link, self.weight_name).array is not None:
            self._prepare_parameters(link)

    def deleted(self, link):
        delattr(link, self.vector_name)
        if self.use_gamma:
            del link.gamma

    def forward_preprocess(self, cb_args):
        link = cb_args.link
        input_variable = cb_args.args[0]
        if not self._initialized:
            self._prepare_parameters(link, input_variable)
        weight = getattr(link, self.weight_name)
        # The link's attribute is the Parameter again after the forward.
        self.original_weight = weight
        normalized_weight = self.normalize_weight(link)
        setattr(link, self.weight_name, normalized_weight)

    def forward_postprocess(self, cb_args):
        setattr(cb_args.link, self.weight_name, self.original_weight)

    def _prepare_parameters(self, link, input_variable=None):
        """Registers ``u`` (and ``gamma``), initializing a lazy weight from
        ``input_variable`` first."""
        if getattr(link, self.weight_name).array is None:
            if input_variable is not None:
                link._initialize_params(input_variable.shape[1])
        initialW = getattr(link, self.weight_name)
        if initialW.shape[self.axis] == 0:
            raise ValueError(
                'Expect {}.shape[{}] > 0'.format(self.weight_name, self.axis))
        # Drawn from NumPy's global generator, as Chainer does on the CPU.
        u = numpy.random.normal(
            size=(initialW.shape[self.axis],)).astype(dtype=initialW.dtype)
        setattr(link, self.vector_name, link.device.send(u))
        link.register_persistent(self.vector_name)
        if self.use_gamma:
            weight_matrix = self.reshape_W(initialW.array)
            xp = backend.get_array_module(weight_matrix)
            _, s, _ = xp.linalg.svd(weight_matrix)
            s0 = utils.force_array(s[0])
            with link.init_scope():
                link.gamma = variable.Parameter(s0)
        self._initialized = True

    def normalize_weight(self, link):
        """Returns the normalized weight (a Variable) and, in training
        mode, stores the updated ``u`` in the link."""
        W = getattr(link, self.weight_name)
        u = getattr(link, self.vector_name)
        weight_matrix = self.reshape_W(W)
        recomputing = configuration.config.in_recomputing
        if not recomputing:
            u, v = update_approximate_vectors(
                weight_matrix, u, self.n_power_iteration, self.eps)
        else:
            v = self.v
        sigma = calculate_max_singular_value(weight_matrix, u, v)
        if self.factor is not None:
            sigma /= self.factor
        if self.use_gamma:
            W = link.gamma * W / sigma
        else:
            W = W / sigma
        if not recomputing:
            self.v = v
            if configuration.config.train:
                # assigned, not written in place (see the module docstring)
                setattr(link, self.vector_name, u)
        return W

    def reshape_W(self, W):
        """Returns ``W`` as a 2-d ``(outputs, inputs)`` matrix."""
        if self.axis != 0:
            axes = [self.axis] + [i for i in range(W.ndim) if i != self.axis]
            W = W.transpose(axes)
        if W.ndim == 2:
            return W
        return W.reshape(W.shape[0], -1)
