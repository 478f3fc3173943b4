"""Serializer interfaces (``chainer.AbstractSerializer``, ``Serializer``,
``Deserializer``).

An object with a ``serialize(serializer)`` method (Links, optimizers,
updaters, ...) calls ``serializer(key, value)`` for each value it stores
and ``serializer[name]`` to get a serializer for a child. A
:class:`Serializer` records the values; a :class:`Deserializer` returns the
stored value, which the object then keeps.
"""


class AbstractSerializer(object):
    """Base class of serializers and deserializers."""

    def __getitem__(self, key):
        """Returns the child serializer for ``key`` (a path component)."""
        raise NotImplementedError

    def __call__(self, key, value):
        """Serializes (or deserializes) one value.

        Args:
            key (str): the name of the value.
            value: an array, a scalar or None.

        Returns:
            For a serializer, ``value``; for a deserializer, the loaded value
            (``value`` itself when it was updated in place).
        """
        raise NotImplementedError


class Serializer(AbstractSerializer):
    """Base class of serializers (saving)."""

    def save(self, obj):
        """Saves ``obj`` by calling ``obj.serialize(self)``."""
        obj.serialize(self)


class Deserializer(AbstractSerializer):
    """Base class of deserializers (loading)."""

    def load(self, obj):
        """Loads ``obj`` by calling ``obj.serialize(self)``."""
        obj.serialize(self)
