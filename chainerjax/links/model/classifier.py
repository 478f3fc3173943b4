"""A link that wraps a predictor with a loss and an accuracy
(``chainer.links.Classifier``)."""
from chainerjax.functions.evaluation import accuracy
from chainerjax.functions.loss import softmax_cross_entropy
from chainerjax import link
from chainerjax import reporter


class Classifier(link.Chain):
    """Computes a loss (and accuracy) of a predictor's output.

    One of the forward arguments is the label (selected by ``label_key``);
    the others go to ``predictor``. The loss and, if
    :attr:`compute_accuracy` is True, the accuracy are reported with
    ``chainer.report`` under the names ``loss`` and ``accuracy``.

    Args:
        predictor (~chainerjax.Link): the predictor.
        lossfun (callable): ``lossfun(y, t)``, the loss.
        accfun (callable): ``accfun(y, t)``, the accuracy.
        label_key (int or str): the position (int) in the positional
            arguments, or the keyword name (str), of the label.

    Attributes:
        predictor (~chainerjax.Link): the predictor.
        lossfun, accfun (callable): the loss and accuracy functions.
        y (~chainerjax.Variable): the last prediction.
        loss (~chainerjax.Variable): the last loss.
        accuracy (~chainerjax.Variable): the last accuracy.
        compute_accuracy (bool): compute and report the accuracy if True.

    Example:
        >>> import numpy as np
        >>> import chainerjax.links as L
        >>> model = L.Classifier(L.Linear(3, 2))
        >>> x = np.ones((4, 3), np.float32)
        >>> t = np.zeros(4, np.int32)
        >>> model(x, t).shape
        ()
    """

    compute_accuracy = True

    def __init__(self, predictor,
                 lossfun=softmax_cross_entropy.softmax_cross_entropy,
                 accfun=accuracy.accuracy,
                 label_key=-1):
        if not isinstance(label_key, (int, str)):
            raise TypeError('label_key must be int or str, but is %s' %
                            type(label_key))
        super(Classifier, self).__init__()
        self.lossfun = lossfun
        self.accfun = accfun
        self.y = None
        self.loss = None
        self.accuracy = None
        self.label_key = label_key
        with self.init_scope():
            self.predictor = predictor

    def forward(self, *args, **kwargs):
        """Computes the loss of the predictor's output against the label.

        Returns:
            ~chainerjax.Variable: the loss.

        Raises:
            ValueError: if the label is not among the arguments.
        """
        key = self.label_key
        if isinstance(key, int):
            n = len(args)
            if not -n <= key < n:
                raise ValueError('Label key %d is out of bounds' % key)
            t = args[key]
            if key == -1:
                args = args[:-1]
            else:
                args = args[:key] + args[key + 1:]
        else:
            if key not in kwargs:
                raise ValueError('Label key "%s" is not found' % key)
            kwargs = dict(kwargs)
            t = kwargs.pop(key)

        # Drop the previous graph before building a new one.
        self.y = None
        self.loss = None
        self.accuracy = None
        self.y = self.predictor(*args, **kwargs)
        self.loss = self.lossfun(self.y, t)
        reporter.report({'loss': self.loss}, self)
        if self.compute_accuracy:
            self.accuracy = self.accfun(self.y, t)
            reporter.report({'accuracy': self.accuracy}, self)
        return self.loss
