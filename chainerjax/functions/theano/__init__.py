"""Theano functions (``chainer.functions.theano``)."""
