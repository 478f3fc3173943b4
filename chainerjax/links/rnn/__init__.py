"""Recurrent links (``chainer.links.rnn``)."""
