"""Loss links (``chainer.links.loss``)."""
