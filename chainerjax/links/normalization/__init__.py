"""Normalization links (``chainer.links.normalization``)."""
