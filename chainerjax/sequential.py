"""A model made of a list of layers called in turn (``chainer.Sequential``)."""
import copy
import inspect

from chainerjax import _structure
from chainerjax import link as _link


def _layer_type_name(layer):
    if isinstance(layer, _link.Link):
        return type(layer).__name__
    return getattr(layer, '__name__', type(layer).__name__)


class Sequential(_link.ChainList):
    """A :class:`~chainerjax.ChainList` whose forward calls its layers in
    order.

    Layers are Links or any callables (functions such as ``F.relu``,
    ``functools.partial`` objects, lambdas). Each layer's output is the next
    layer's input; a tuple output is unpacked into positional arguments.

    Args:
        layers: the initial layers.

    Example:
        >>> import numpy as np
        >>> import chainerjax as chainer
        >>> import chainerjax.functions as F
        >>> import chainerjax.links as L
        >>> model = chainer.Sequential(L.Linear(3, 4), F.relu, L.Linear(2))
        >>> model(np.zeros((5, 3), np.float32)).shape
        (5, 2)
    """

    def __init__(self, *layers):
        super(Sequential, self).__init__()
        self._layers = []
        for layer in layers:
            self.append(layer)

    def __len__(self):
        return len(self._layers)

    def __getitem__(self, i):
        return self._layers[i]

    def __setitem__(self, i, layer):
        if i >= len(self):
            raise ValueError(
                '{} should be less than {}'.format(i, len(self)))
        if not callable(layer):
            raise ValueError(
                'All elements of a Sequential class should be callable. But '
                'given {} is not callable.'.format(layer))
        if self._layers[i] is not layer:
            del self[i]
            self.insert(i, layer)

    def __delitem__(self, i):
        _structure.changed()
        layer = self._layers.pop(i)
        if isinstance(layer, _link.Link):
            for k, child in enumerate(self._children):
                if child is layer:
                    del self._children[k]
                    for j in range(k, len(self._children)):
                        self._children[j].name = str(j)
                    break

    def __iter__(self):
        return iter(self._layers)

    def __reversed__(self):
        return reversed(self._layers)

    def __contains__(self, item):
        return item in self._layers

    def __add__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError('add (+) operator supports only objects of '
                             'Sequential class, but {} is given.'.format(
                                 str(type(other))))
        ret = Sequential()
        for layer in self:
            ret.append(layer)
        for layer in other:
            ret.append(layer)
        return ret

    def __iadd__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError('add (+) operator supports only objects of '
                             'Sequential class, but {} is given.'.format(
                                 str(type(other))))
        for layer in list(other):
            self.append(layer)
        return self

    def forward(self, *x):
        """Calls the layers in order and returns the last output.

        Raises:
            RuntimeError: if there is no layer.
        """
        if not self._layers:
            raise RuntimeError('Sequential does not have any layer.')
        for layer in self._layers:
            if isinstance(x, tuple):
                x = layer(*x)
            else:
                x = layer(x)
        return x

    def __reduce__(self):
        for layer in self._layers:
            if getattr(layer, '__name__', None) == '<lambda>':
                raise ValueError(
                    'This Sequential object has at least one lambda function '
                    'as its component. Lambda function can not be pickled, '
                    'so please consider to use functools.partial instead of '
                    'the lambda function or use "dill", which is an external '
                    'package that enables pickling an object including '
                    'lambda functions intead of built-in pickle.')
        return super(Sequential, self).__reduce__()

    def __str__(self):
        lines = []
        for index, layer in enumerate(self):
            if getattr(layer, '__name__', None) == '<lambda>':
                try:
                    rep = inspect.getsource(layer).strip().rstrip(',')
                except (OSError, TypeError):
                    rep = repr(layer)
            else:
                rep = str(layer)
            rep = '({}): {},'.format(index, rep)
            lines.extend('  {}\n'.format(line) for line in rep.splitlines())
        body = ''.join(lines)
        if body:
            body = '\n' + body
        return '{}({})'.format(type(self).__name__, body)

    def append(self, layer):
        """Appends a layer."""
        self.insert(len(self), layer)

    def extend(self, sequential):
        """Appends every layer of ``sequential`` (any iterable)."""
        for layer in list(sequential):
            self.append(layer)

    def insert(self, i, layer):
        """Inserts ``layer`` before index ``i``.

        Raises:
            IndexError: if ``i`` is out of range.
            ValueError: if ``layer`` is not callable.
        """
        _structure.changed()
        n = len(self._layers)
        if not -n <= i < n + 1:
            raise IndexError('Index out of range: {}'.format(i))
        if i < 0:
            i += n
        if not callable(layer):
            raise ValueError(
                'All elements of the argument should be callable. But '
                'given {} is not callable.'.format(layer))
        self._layers.insert(i, layer)
        if isinstance(layer, _link.Link):
            # The position among the children (which give the path names
            # '/0/W', '/1/W', ... used by serializers) follows Chainer 7.8.1
            # exactly, so that files interchange: the new link goes right
            # after the FIRST link found before position i (or first if
            # there is none). This is not always the layer order.
            if i == 0:
                pos = 0
            else:
                first_link = 0
                for j in range(i - 1, -1, -1):
                    if isinstance(self._layers[j], _link.Link):
                        first_link = j
                pos = first_link + 1
            self._children.insert(pos, layer)
            for k, child in enumerate(self._children):
                child.name = str(k)

    def remove(self, layer):
        """Removes the first occurrence of ``layer``.

        Raises:
            ValueError: if ``layer`` is not in the model.
        """
        if layer in self:
            del self[self.index(layer)]
        else:
            raise ValueError(
                'There is no layer object that is same as {}'.format(layer))

    def remove_by_layer_type(self, type_name):
        """Removes every layer whose class name (Links) or ``__name__``
        (functions) is ``type_name``."""
        for layer in [layer for layer in self
                      if _layer_type_name(layer) == type_name]:
            self.remove(layer)

    def pop(self, i=-1):
        """Removes and returns the layer at ``i``."""
        layer = self._layers[i]
        del self[i]
        return layer

    def clear(self):
        """Removes every layer."""
        _structure.changed()
        del self._children[:]
        self._layers = []

    def index(self, layer, start=None, end=None):
        """The index of ``layer`` within ``self[start:end]``."""
        return self._layers[start:end].index(layer)

    def count(self, layer):
        """The number of occurrences of ``layer``."""
        return self._layers.count(layer)

    def count_by_layer_type(self, type_name):
        """The number of layers whose class name (Links) or ``__name__``
        (functions) is ``type_name``."""
        return sum(1 for layer in self._layers
                   if _layer_type_name(layer) == type_name)

    def copy(self, mode='share'):
        """Copies the model: links by ``link.copy(mode)``, other layers by
        ``copy.copy``."""
        ret = Sequential()
        for layer in self:
            if isinstance(layer, _link.Link):
                ret.append(layer.copy(mode))
            else:
                ret.append(copy.copy(layer))
        return ret

    def copyparams(self, link, copy_persistent=True):
        """Copies the parameters of another Sequential of the same
        structure.

        Raises:
            ValueError: if ``link`` is not a Sequential.
        """
        if not isinstance(link, Sequential):
            raise ValueError('Objects other than Sequential object cannot be '
                             'copied to a Sequential object.')
        for idx, child in enumerate(self):
            if isinstance(child, _link.Link):
                child.copyparams(link[idx], copy_persistent)

    def flatten(self):
        """Returns a Sequential in which nested Sequentials are expanded."""
        ret = Sequential()
        for layer in self:
            if isinstance(layer, Sequential):
                ret.extend(layer.flatten())
            else:
                ret.append(layer)
        return ret
