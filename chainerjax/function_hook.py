"""Function hooks: callbacks around every op's forward and backward."""
import chainerjax


class FunctionHook(object):
    """Base class of function hooks.

    Use an instance as a context manager to register it globally (for the
    current thread), or pass it to ``FunctionNode.add_hook``.
    """

    name = 'FunctionHook'

    def __enter__(self):
        hooks = chainerjax.get_function_hooks()
        if self.name in hooks:
            raise KeyError('hook %s already exists' % self.name)
        hooks[self.name] = self
        self.added(None)
        return self

    def __exit__(self, *_):
        chainerjax.get_function_hooks()[self.name].deleted(None)
        del chainerjax.get_function_hooks()[self.name]

    def added(self, function):
        """Called when the hook is registered (function is None if global)."""
        pass

    def deleted(self, function):
        """Called when the hook is unregistered."""
        pass

    def forward_preprocess(self, function, in_data):
        pass

    def forward_postprocess(self, function, in_data):
        pass

    def backward_preprocess(self, function, in_data, out_grad):
        pass

    def backward_postprocess(self, function, in_data, out_grad):
        pass
