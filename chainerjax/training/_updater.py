"""``chainer.training.Updater``: the interface of updaters."""


class Updater(object):
    """Base class of updaters: one call of :meth:`update` is one training
    iteration."""

    def connect_trainer(self, trainer):
        """Called by the trainer that uses this updater."""

    def finalize(self):
        """Releases the updater's resources (its iterators)."""
        raise NotImplementedError

    def get_optimizer(self, name):
        """Returns the optimizer registered under ``name``."""
        raise NotImplementedError

    def get_all_optimizers(self):
        """Returns a dict of all the optimizers."""
        raise NotImplementedError

    def update(self):
        """Runs one iteration."""
        raise NotImplementedError

    def serialize(self, serializer):
        """Saves or loads the updater's state."""
        raise NotImplementedError
