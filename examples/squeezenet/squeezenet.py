"""SqueezeNet v1.0 (Iandola et al., 2016) as a Chainer model.

The network is a 7x7 convolution, eight Fire modules with three max
poolings between them, dropout, a 1x1 convolution to the class scores and
global average pooling. A Fire module "squeezes" its input with 1x1
convolutions to few channels, then "expands" them with 1x1 and 3x3
convolutions side by side, whose outputs are concatenated.

This is the seed project's SqueezeNet (the same layers, parameter names and
old-style ``Chain.__init__(name=link, ...)`` constructors), with two changes
so that it trains from scratch on small images in a minute:

- the convolutions start from ``HeNormal`` weights (with Chainer's default
  ``LeCunNormal`` the signal fades through the 18 ReLU layers and training
  stalls);
- the class scores are not passed through a final ReLU: with ten classes,
  a class whose scores all turn negative early in training gets no gradient
  any more and is never predicted.

The poolings keep the last partial window (``cover_all=True``, as in the
original Caffe model), so the network accepts small images: a 32x32 input
gives 13x13 maps after ``conv1``, 6x6 in ``fire2``-``fire4``, 3x3 in
``fire5``-``fire8`` and 1x1 in ``fire9``.
"""
import chainer
import chainer.functions as F
import chainer.links as L


def _conv(in_channels, out_channels, ksize, **kwargs):
    return L.Convolution2D(in_channels, out_channels, ksize,
                           initialW=chainer.initializers.HeNormal(),
                           **kwargs)


class Fire(chainer.Chain):
    """Squeeze (``conv1``, 1x1) then expand (``conv2``, 1x1, and ``conv3``,
    3x3), the two expansions concatenated along the channels."""

    def __init__(self, in_size, s1, e1, e3):
        super(Fire, self).__init__(
            conv1=_conv(in_size, s1, 1),
            conv2=_conv(s1, e1, 1),
            conv3=_conv(s1, e3, 3, pad=1),
        )

    def forward(self, x):
        h = F.relu(self.conv1(x))
        h_1 = self.conv2(h)
        h_3 = self.conv3(h)
        return F.relu(F.concat([h_1, h_3], axis=1))


class SqueezeNet(chainer.Chain):
    """SqueezeNet v1.0: returns unnormalized class scores."""

    def __init__(self, n_out=1000, in_channels=3):
        super(SqueezeNet, self).__init__(
            conv1=_conv(in_channels, 96, 7, stride=2),
            fire2=Fire(96, 16, 64, 64),
            fire3=Fire(128, 16, 64, 64),
            fire4=Fire(128, 32, 128, 128),
            fire5=Fire(256, 32, 128, 128),
            fire6=Fire(256, 48, 192, 192),
            fire7=Fire(384, 48, 192, 192),
            fire8=Fire(384, 64, 256, 256),
            fire9=Fire(512, 64, 256, 256),
            conv10=L.Convolution2D(
                512, n_out, 1, initialW=chainer.initializers.Normal(0.01)),
        )

    def forward(self, x):
        h = F.relu(self.conv1(x))
        h = F.max_pooling_2d(h, 3, stride=2)
        h = self.fire2(h)
        h = self.fire3(h)
        h = self.fire4(h)
        h = F.max_pooling_2d(h, 3, stride=2)
        h = self.fire5(h)
        h = self.fire6(h)
        h = self.fire7(h)
        h = self.fire8(h)
        h = F.max_pooling_2d(h, 3, stride=2)
        h = self.fire9(h)
        h = F.dropout(h, ratio=0.5)
        h = self.conv10(h)  # (no final ReLU: see the module docstring)
        # global average pooling over the remaining map
        h = F.average_pooling_2d(h, h.shape[2:])
        return F.reshape(h, h.shape[:2])
