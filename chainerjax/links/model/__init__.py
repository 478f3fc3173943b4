"""Model links (``chainer.links.model``)."""
