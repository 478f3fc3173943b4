"""Hooks called around a Link's forward (``chainer.LinkHook``)."""
import chainerjax


def _repr_fields(obj, **fields):
    return '<{}.{} {}>'.format(
        type(obj).__module__, type(obj).__name__,
        ', '.join('{}={!r}'.format(k, v) for k, v in fields.items()))


class _ForwardPreprocessCallbackArgs(object):
    """What :meth:`LinkHook.forward_preprocess` receives.

    Attributes:
        link: the Link being called.
        forward_name (str): the name of the forward method (``'forward'``).
        args (tuple): the positional arguments of the call.
        kwargs (dict): the keyword arguments of the call.
    """

    def __init__(self, link, forward_name, args, kwargs):
        self.link = link
        self.forward_name = forward_name
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return _repr_fields(self, link=self.link,
                            forward_name=self.forward_name,
                            args=self.args, kwargs=self.kwargs)


class _ForwardPostprocessCallbackArgs(object):
    """What :meth:`LinkHook.forward_postprocess` receives.

    Attributes:
        link: the Link being called.
        forward_name (str): the name of the forward method (``'forward'``).
        args (tuple): the positional arguments of the call.
        kwargs (dict): the keyword arguments of the call.
        out: what the forward returned.
    """

    def __init__(self, link, forward_name, args, kwargs, out):
        self.link = link
        self.forward_name = forward_name
        self.args = args
        self.kwargs = kwargs
        self.out = out

    def __repr__(self):
        return _repr_fields(self, link=self.link,
                            forward_name=self.forward_name,
                            args=self.args, kwargs=self.kwargs, out=self.out)


class LinkHook(object):
    """Base class of link hooks.

    A hook is registered on one link by ``link.add_hook(hook)``, or for
    every link called in a ``with hook:`` block (per thread). Each call of
    a link then runs :meth:`forward_preprocess` before and
    :meth:`forward_postprocess` after the link's forward.

    Attributes:
        name (str): the name under which the hook is registered.
    """

    name = 'LinkHook'

    def __enter__(self):
        hooks = chainerjax._get_link_hooks()
        if self.name in hooks:
            raise KeyError('hook %s already exists' % self.name)
        hooks[self.name] = self
        self.added(None)
        return self

    def __exit__(self, *_):
        hooks = chainerjax._get_link_hooks()
        hooks[self.name].deleted(None)
        del hooks[self.name]

    def added(self, link):
        """Called when the hook is registered.

        Args:
            link: the Link it was added to, or None for a global
                (``with hook:``) registration.
        """
        pass

    def deleted(self, link):
        """Called when the hook is unregistered.

        Args:
            link: the Link it was removed from, or None for a global
                registration.
        """
        pass

    def forward_preprocess(self, args):
        """Called before a link's forward.

        Args:
            args: an object with ``link``, ``forward_name``, ``args`` and
                ``kwargs`` attributes.
        """
        pass

    def forward_postprocess(self, args):
        """Called after a link's forward.

        Args:
            args: an object with ``link``, ``forward_name``, ``args``,
                ``kwargs`` and ``out`` attributes.
        """
        pass
