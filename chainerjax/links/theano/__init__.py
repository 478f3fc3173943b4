"""Theano links (``chainer.links.theano``)."""
