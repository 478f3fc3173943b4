"""Links: objects holding parameters (``chainer.Link``, ``Chain``,
``ChainList``).

A :class:`Link` owns :class:`~chainerjax.Parameter` objects and persistent
values; a :class:`Chain` also owns named child links and a
:class:`ChainList` a list of child links. Parameters are registered by
attribute assignment inside ``with self.init_scope():``, and are reached by
path names such as ``/l1/W`` (``/0/W`` for a ChainList's first child), the
names Chainer uses in serialized files.
"""
import collections
import collections.abc
import contextlib
import copy
import warnings

import numpy

import chainerjax
from chainerjax import backend
from chainerjax import device_resident
from chainerjax import initializers
from chainerjax import link_hook
from chainerjax import _structure
from chainerjax import variable
from chainerjax.backends import _cpu

_array_types = backend.get_array_types()


def _is_shape(value):
    if value is None:
        return True
    if isinstance(value, collections.abc.Sequence):
        try:
            return all(int(x) >= 0 for x in value) and not any(
                isinstance(x, (tuple, list)) for x in value)
        except TypeError:
            return False
    try:
        int(value)
        return True
    except TypeError:
        return False


def _shape_and_dtype(value):
    # ``Link(W=(3, 2))`` gives a shape; ``Link(W=((3, 2), 'f'))`` a shape
    # and a dtype.
    if _is_shape(value):
        return value, numpy.float32
    shape, dtype = value
    return shape, dtype


def _shallow_copy_param(param):
    # A new Parameter object sharing the array with ``param``, as
    # copy.copy of a Parameter does in Chainer (where both hold the same
    # data cell): a new array set on either, by an optimizer or a compiled
    # step, is seen by both.
    ret = object.__new__(variable._shared_class(type(param)))
    d = param.__dict__.copy()
    for name in variable._SHARED_STATE:
        d.pop(name, None)
    d['_share_src'] = param
    ret.__dict__ = d
    ret._node = variable.VariableNode(ret, param.name, param.requires_grad)
    ret._node._set_data_type(param._data)
    return ret


def _copy_persistent_into(dst, src):
    # Copies the array ``src`` into the persistent ``dst``: in place for a
    # writable NumPy array, else returns a new array on dst's device.
    if isinstance(dst, numpy.ndarray) and dst.flags.writeable:
        _cpu.write_into(dst, src)
        return dst
    device = backend.get_device_from_array(dst)
    if device.xp is numpy:
        src = numpy.asarray(src)
    return device.send(src).astype(dst.dtype).reshape(dst.shape)


class Link(device_resident.DeviceResident):
    """Building block of models: an object with parameters.

    Parameters are registered by assigning :class:`~chainerjax.Parameter`
    objects to attributes inside ``with self.init_scope():`` (or by
    :meth:`add_param`); persistent values (arrays or scalars saved with the
    model but not trained) by :meth:`add_persistent` or
    :meth:`register_persistent`.

    Args:
        params: (old style) ``name=shape`` or ``name=(shape, dtype)`` pairs,
            each registering an uninitialized-by-value (NaN) parameter.

    Attributes:
        name (str): the name of this link in its parent, or None.

    Example:
        >>> import numpy as np
        >>> import chainerjax as chainer
        >>> class Affine(chainer.Link):
        ...     def __init__(self):
        ...         super().__init__()
        ...         with self.init_scope():
        ...             self.W = chainer.Parameter(
        ...                 chainer.initializers.Normal(), (3, 2))
        ...             self.b = chainer.Parameter(0, (3,))
        ...     def forward(self, x):
        ...         return chainer.functions.linear(x, self.W, self.b)
        >>> sorted(n for n, _ in Affine().namedparams())
        ['/W', '/b']
    """

    _local_link_hooks = None
    __init_done = False

    def __init__(self, **params):
        super(Link, self).__init__()
        self._params = set()
        self._persistent = set()
        self._within_init_scope = False
        self.name = None
        self.__init_done = True
        for name, value in params.items():
            shape, dtype = _shape_and_dtype(value)
            self.add_param(name, shape, dtype=dtype)

    def __check_init_done(self):
        if not self.__init_done:
            raise RuntimeError('Link.__init__() has not been called.')

    def __str__(self):
        specs = ', '.join('{}={}'.format(k, v)
                          for k, v in self.printable_specs)
        return '{}({})'.format(type(self).__name__, specs)

    @property
    def local_link_hooks(self):
        """The ordered dict of hooks registered on this link only."""
        if self._local_link_hooks is None:
            self._local_link_hooks = collections.OrderedDict()
        return self._local_link_hooks

    @property
    def _n_local_link_hooks(self):
        hooks = self._local_link_hooks
        return 0 if hooks is None else len(hooks)

    @property
    def _device_id(self):
        warnings.warn(
            'Link._device_id is left only for backward compatibility and '
            'likely to be removed. Use Link.device instead.',
            DeprecationWarning)
        device = self.device
        if getattr(device, 'platform', None) == 'gpu':
            return device.index
        return None

    @property
    def printable_specs(self):
        """``(name, value)`` pairs shown by ``str(link)`` (none here)."""
        return iter(())

    @property
    def within_init_scope(self):
        """True inside ``with self.init_scope():``."""
        return getattr(self, '_within_init_scope', False)

    @contextlib.contextmanager
    def init_scope(self):
        """Context in which assigned Parameters (and, for a Chain, Links)
        are registered."""
        self.__check_init_done()
        old = self.within_init_scope
        self._within_init_scope = True
        try:
            yield
        finally:
            self._within_init_scope = old

    def __call__(self, *args, **kwargs):
        self.__check_init_done()
        hooks = chainerjax._get_link_hooks()
        if self._n_local_link_hooks:
            hooks = collections.OrderedDict(hooks)
            hooks.update(self.local_link_hooks)
        if hooks:
            hooks = list(hooks.values())
            pre = link_hook._ForwardPreprocessCallbackArgs(
                self, 'forward', args, kwargs)
            for hook in hooks:
                hook.forward_preprocess(pre)
        # A cooperative base class may define __call__ (mixins); else use
        # forward.
        forward = getattr(super(Link, self), '__call__', None)
        if forward is None:
            forward = self.forward
        out = forward(*args, **kwargs)
        if hooks:
            post = link_hook._ForwardPostprocessCallbackArgs(
                self, 'forward', args, kwargs, out)
            for hook in hooks:
                hook.forward_postprocess(post)
        return out

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, variable.Parameter):
            value.name = name
            self._params.add(name)
            self._persistent.discard(name)
        old = self.__dict__.get(name, _structure._MISSING)
        super(Link, self).__setattr__(name, value)
        _structure.assigned(old, value)

    def __delattr__(self, name):
        _structure.changed()
        self._params.discard(name)
        self._persistent.discard(name)
        super(Link, self).__delattr__(name)

    def add_param(self, name, shape=None, dtype=numpy.float32,
                  initializer=None):
        """Registers a new Parameter ``name``.

        Args:
            name (str): the attribute name.
            shape: the shape; None leaves the parameter uninitialized.
            dtype: the dtype (used when ``initializer`` is None).
            initializer: an initializer, array or scalar; None fills the
                array with NaN.

        Raises:
            AttributeError: if the attribute already exists.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new parameter %s: attribute exists'
                % name)
        if initializer is None:
            initializer = initializers.NaN(dtype)
        param = variable.Parameter(initializer, shape)
        with self.init_scope():
            setattr(self, name, param)

    def add_persistent(self, name, value):
        """Registers a persistent value (an array or a scalar saved with
        the link).

        Raises:
            AttributeError: if the attribute already exists.
        """
        d = self.__dict__
        if name in d:
            raise AttributeError(
                'cannot register a new persistent value %s: attribute exists'
                % name)
        self._persistent.add(name)
        self._params.discard(name)
        d[name] = value
        _structure.changed()

    def register_persistent(self, name):
        """Registers the existing attribute ``name`` as persistent.

        Raises:
            AttributeError: if there is no such attribute.
        """
        if not hasattr(self, name):
            raise AttributeError(
                'cannot register non-existent attribute %s as a persistent '
                'value' % name)
        self._persistent.add(name)
        self._params.discard(name)
        _structure.changed()

    @classmethod
    def from_params(cls, *args, **kwargs):
        """Builds a link from given parameter arrays (if the link
        implements it)."""
        raise NotImplementedError(
            'This link does not implement `from_params`.')

    def copy(self, mode='share'):
        """Copies the link (and, for chains, its hierarchy).

        Args:
            mode (str): ``'share'``: new Parameter objects sharing the
                arrays (gradients cleared); ``'copy'``: a deep copy;
                ``'init'``: a deep copy whose initialized parameters are
                drawn again by their initializers.

        Returns:
            The copy, whose :attr:`name` is None.
        """
        if mode == 'share':
            ret = copy.copy(self)
            ret._params = set(self._params)
            ret._persistent = set(self._persistent)
            ret.name = None
            d = ret.__dict__
            for name in ret._params:
                d[name] = _shallow_copy_param(d[name])
                d[name].grad = None
            return ret
        if mode == 'copy':
            ret = copy.deepcopy(self)
            self._fix_copied_devices(ret)
            return ret
        if mode == 'init':
            ret = copy.deepcopy(self)
            self._fix_copied_devices(ret)
            for param in ret.params(include_uninit=False):
                param.initialize(param.shape)
            return ret
        raise ValueError(
            'The \'mode\' argument should be either \'init\','
            '\'copy\', or \'share\'. But {} was given.'.format(mode))

    def _fix_copied_devices(self, ret):
        # Deep-copied uninitialized parameters forget their target device;
        # give it back.
        for src, dst in zip(self.params(), ret.params()):
            if not dst.is_initialized:
                dst._initial_device = src._initial_device
                dst._device = src._initial_device

    def device_resident_accept(self, visitor):
        super(Link, self).device_resident_accept(visitor)
        d = self.__dict__
        for name in self._params:
            x = d[name]
            if x is not None:
                visitor.visit_variable(x)
        for name in self._persistent:
            x = d[name]
            if isinstance(x, _array_types):
                d[name] = visitor.visit_array(x)

    def params(self, include_uninit=True):
        """Yields the parameters of the link and its descendants.

        Args:
            include_uninit (bool): also yield uninitialized parameters.
        """
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].is_initialized:
                yield d[name]

    def namedparams(self, include_uninit=True):
        """Yields ``(path, parameter)`` pairs, paths like ``'/l1/W'``.

        Args:
            include_uninit (bool): also yield uninitialized parameters.
        """
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].is_initialized:
                yield '/' + name, d[name]

    def links(self, skipself=False):
        """Yields the links of the hierarchy (this one first unless
        ``skipself``)."""
        if not skipself:
            yield self

    def namedlinks(self, skipself=False):
        """Yields ``(path, link)`` pairs; this link's path is ``'/'``."""
        if not skipself:
            yield '/', self

    def children(self):
        """Yields the direct child links."""
        return iter(())

    def copyparams(self, link, copy_persistent=True):
        """Copies the parameter values (and persistents) of ``link``, which
        must have the same structure, into this link."""
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].copydata(src[name])
        if copy_persistent:
            for name in self._persistent:
                d = dst[name]
                s = src[name]
                if isinstance(d, _array_types) and \
                        isinstance(s, _array_types):
                    dst[name] = _copy_persistent_into(d, s)
                else:
                    dst[name] = copy.deepcopy(s)

    def cleargrads(self):
        """Sets the gradients of all parameters to None."""
        for param in self.params():
            param.cleargrad()

    def zerograds(self):
        """Fills the gradients with zeros (deprecated: use
        :meth:`cleargrads`)."""
        warnings.warn(
            'Link.zerograds is deprecated. Use Link.cleargrads instead.',
            DeprecationWarning)
        for param in self.params():
            param.zerograd()

    def addgrads(self, link):
        """Adds the gradients of ``link``'s parameters to this link's."""
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].addgrad(src[name])

    def enable_update(self):
        """Enables the update rules of all parameters."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = True

    def disable_update(self):
        """Disables the update rules of all parameters (freezes them)."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = False

    @property
    def update_enabled(self):
        """True if any parameter has an enabled update rule."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None and rule.enabled:
                return True
        return False

    def serialize(self, serializer):
        """Saves or loads the parameters and persistents through
        ``serializer`` (keys are the attribute names)."""
        d = self.__dict__
        # (sorted: a deterministic order, where Chainer walks a set)
        for name in sorted(self._params):
            param = d[name]
            value = param.array
            data = serializer(name, value)
            if value is None:
                if data is not None:
                    # An uninitialized parameter takes the stored shape.
                    param.initialize(data.shape)
                    param.array = _as_param_array(param, data)
            elif data is not value and data is not None:
                param.array = _as_param_array(param, data)
        for name in sorted(self._persistent):
            d[name] = serializer(name, d[name])

    def repeat(self, n_repeat, mode='init'):
        """Returns a :class:`~chainerjax.Sequential` of ``n_repeat`` copies
        of this link (see :meth:`copy` for ``mode``)."""
        from chainerjax import sequential
        ret = sequential.Sequential()
        if n_repeat <= 0:
            return ret
        if mode not in ('init', 'copy', 'share'):
            raise ValueError(
                'The \'mode\' argument should be either \'init\','
                '\'copy\', or \'share\'. But {} was given.'.format(mode))
        for _ in range(n_repeat):
            ret.append(self.copy(mode))
        return ret

    def count_params(self):
        """The total number of elements of the initialized parameters
        (warns about uninitialized ones)."""
        size = 0
        for name, param in self.namedparams():
            if param.array is None:
                warnings.warn(
                    'Parameter \'{}\' has not been initialized, so the '
                    'resulting count will not include the number of '
                    'parameters in it.'.format(name))
                continue
            size += param.size
        return size

    def add_hook(self, hook, name=None):
        """Registers a :class:`~chainerjax.LinkHook` on this link.

        Args:
            hook: the hook.
            name (str): the name (default: ``hook.name``).

        Returns: self

        Raises:
            TypeError: if ``hook`` is not a LinkHook.
            KeyError: if a hook of that name is already registered.
        """
        if not isinstance(hook, link_hook.LinkHook):
            raise TypeError('Hook must be of type LinkHook')
        if name is None:
            name = hook.name
        hooks = self.local_link_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        hook.added(self)
        _structure.changed()
        return self

    def delete_hook(self, name):
        """Unregisters the hook ``name``.

        Raises:
            KeyError: if there is no such hook.
        """
        if name in self.local_link_hooks:
            self.local_link_hooks[name].deleted(self)
            del self.local_link_hooks[name]
            _structure.changed()
        else:
            raise KeyError('Hook %s does not exist' % name)


def _as_param_array(param, data):
    # ``data`` (from a deserializer) as an array of param's dtype on its
    # device.
    device = param.device
    if device.xp is numpy:
        data = numpy.asarray(data)
        if data.dtype != param.dtype:
            data = data.astype(param.dtype)
        return data
    data = device.send(data)
    if data.dtype != param.dtype:
        data = data.astype(param.dtype)
    return data


class Chain(Link):
    """A link with named child links.

    Children are registered by assigning Links to attributes inside
    ``with self.init_scope():``, by :meth:`add_link`, or (old style) as
    keyword arguments of the constructor.

    Example:
        >>> import chainerjax as chainer
        >>> import chainerjax.links as L
        >>> class MLP(chainer.Chain):
        ...     def __init__(self):
        ...         super().__init__()
        ...         with self.init_scope():
        ...             self.l1 = L.Linear(4, 3)
        ...             self.l2 = L.Linear(3, 2)
        ...     def forward(self, x):
        ...         return self.l2(chainer.functions.relu(self.l1(x)))
        >>> [n for n, _ in MLP().namedparams()]
        ['/l1/W', '/l1/b', '/l2/W', '/l2/b']
    """

    def __init__(self, **links):
        super(Chain, self).__init__()
        self._children = set()
        for name, link in links.items():
            self.add_link(name, link)

    def __str__(self):
        lines = []
        for child in self.children():
            rep = '({}): {},'.format(child.name, str(child))
            lines.extend('  {}\n'.format(line) for line in rep.splitlines())
        body = ''.join(lines)
        if body:
            body = '\n' + body
        return '{}({})'.format(type(self).__name__, body)

    def __getitem__(self, name):
        """Returns the attribute ``name`` (``chain['l1']``)."""
        return getattr(self, name)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, Link):
            if hasattr(self, name):
                raise AttributeError(
                    'cannot register a new link %s: attribute exists' % name)
            value.name = name
            self._children.add(name)
        super(Chain, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._children.discard(name)
        super(Chain, self).__delattr__(name)

    def add_link(self, name, link):
        """Registers ``link`` as the child ``name``.

        Raises:
            AttributeError: if the attribute already exists.
            TypeError: if ``link`` is not a Link.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new link %s: attribute exists' % name)
        if not isinstance(link, Link):
            raise TypeError('cannot register a non-link object as a child')
        with self.init_scope():
            setattr(self, name, link)

    def copy(self, mode='share'):
        ret = super(Chain, self).copy(mode)
        ret._children = set(ret._children)
        d = ret.__dict__
        for name in ret._children:
            child = d[name].copy(mode)
            child.name = name
            d[name] = child
        return ret

    def device_resident_accept(self, visitor):
        super(Chain, self).device_resident_accept(visitor)
        d = self.__dict__
        for name in self._children:
            d[name].device_resident_accept(visitor)

    def params(self, include_uninit=True):
        for param in super(Chain, self).params(include_uninit):
            yield param
        d = self.__dict__
        for name in sorted(self._children):
            for param in d[name].params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for ret in super(Chain, self).namedparams(include_uninit):
            yield ret
        d = self.__dict__
        for name in sorted(self._children):
            prefix = '/' + name
            for path, param in d[name].namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        d = self.__dict__
        for name in sorted(self._children):
            for link in d[name].links():
                yield link

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        d = self.__dict__
        for name in sorted(self._children):
            child = d[name]
            prefix = '/' + name
            yield prefix, child
            for path, link in child.namedlinks(True):
                yield prefix + path, link

    def children(self):
        d = self.__dict__
        for name in sorted(self._children):
            yield d[name]

    def copyparams(self, link, copy_persistent=True):
        super(Chain, self).copyparams(link, copy_persistent)
        src = link.__dict__
        dst = self.__dict__
        for name in self._children:
            dst[name].copyparams(src[name], copy_persistent)

    def addgrads(self, link):
        super(Chain, self).addgrads(link)
        src = link.__dict__
        dst = self.__dict__
        for name in self._children:
            dst[name].addgrads(src[name])

    def serialize(self, serializer):
        super(Chain, self).serialize(serializer)
        d = self.__dict__
        for name in sorted(self._children):
            d[name].serialize(serializer[name])


class ChainList(Link, collections.abc.MutableSequence):
    """A link with a list of child links, named ``'0'``, ``'1'``, ...

    Children are added by :meth:`add_link`/:meth:`append`/:meth:`insert`
    or given to the constructor; the list protocol (indexing, slicing,
    ``len``, iteration, ``del``) works on the children.

    Args:
        links: the initial children.
    """

    def __init__(self, *links):
        super(ChainList, self).__init__()
        self._children = []
        for link in links:
            self.add_link(link)

    def __str__(self):
        lines = []
        for index, child in enumerate(self._children):
            rep = '({}): {},'.format(index, str(child))
            lines.extend('  {}\n'.format(line) for line in rep.splitlines())
        body = ''.join(lines)
        if body:
            body = '\n' + body
        return '{}({})'.format(type(self).__name__, body)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, Link):
            raise TypeError(
                'cannot register a new link'
                ' within a "with chainlist.init_scope():" block.')
        super(ChainList, self).__setattr__(name, value)

    def __setitem__(self, index, value):
        _structure.changed()
        if isinstance(index, int):
            value.name = str(index)
            self._children[index] = value
        elif isinstance(index, slice):
            self._children[index] = value
            for i, child in enumerate(self._children):
                child.name = str(i)
        else:
            raise TypeError(
                'ChainList indices must be integers or slices, not %s' %
                type(index).__name__)

    def __getitem__(self, index):
        """Returns the child (or list of children, for a slice) at
        ``index``."""
        return self._children[index]

    def __delitem__(self, index):
        _structure.changed()
        del self._children[index]
        for i, child in enumerate(self._children):
            child.name = str(i)

    def insert(self, index, link):
        """Inserts ``link`` before ``index``."""
        _structure.changed()
        if index == len(self._children):
            self._children.append(link)
            link.name = str(index)
        else:
            self._children.insert(index, link)
            for i, child in enumerate(self._children):
                child.name = str(i)

    def __iter__(self):
        return iter(self._children)

    def __len__(self):
        """The number of children."""
        return len(self._children)

    def add_link(self, link):
        """Appends ``link`` as a child."""
        self.append(link)

    def copy(self, mode='share'):
        ret = super(ChainList, self).copy(mode)
        ret._children = list(ret._children)
        children = ret._children
        for i, child in enumerate(children):
            child = child.copy(mode)
            child.name = str(i)
            children[i] = child
        return ret

    def device_resident_accept(self, visitor):
        super(ChainList, self).device_resident_accept(visitor)
        for link in self._children:
            link.device_resident_accept(visitor)

    def params(self, include_uninit=True):
        for param in super(ChainList, self).params(include_uninit):
            yield param
        for link in self._children:
            for param in link.params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for ret in super(ChainList, self).namedparams(include_uninit):
            yield ret
        for idx, link in enumerate(self._children):
            prefix = '/%d' % idx
            for path, param in link.namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        for child in self._children:
            for link in child.links():
                yield link

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        for idx, child in enumerate(self._children):
            prefix = '/%d' % idx
            yield prefix, child
            for path, link in child.namedlinks(True):
                yield prefix + path, link

    def children(self):
        for child in self._children:
            yield child

    def copyparams(self, link, copy_persistent=True):
        super(ChainList, self).copyparams(link, copy_persistent)
        for idx, child in enumerate(self._children):
            child.copyparams(link[idx], copy_persistent)

    def addgrads(self, link):
        super(ChainList, self).addgrads(link)
        for idx, child in enumerate(self._children):
            child.addgrads(link[idx])

    def serialize(self, serializer):
        super(ChainList, self).serialize(serializer)
        for idx, child in enumerate(self._children):
            child.serialize(serializer['%d' % idx])
