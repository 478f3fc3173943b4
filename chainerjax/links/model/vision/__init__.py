"""Pre-trained vision models (``chainer.links.model.vision``)."""
