"""The model saved by make_hdf5_fixtures.py, for Chainer and chainerjax
alike (``build(chainer_module)``)."""


def build(chainer):
    L = chainer.links

    class Core(chainer.Chain):

        def __init__(self):
            super(Core, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(3, 2)
                self.bn = L.BatchNormalization(2)

        def forward(self, x):
            return self.bn(self.l1(x))

    class Net(chainer.Chain):

        def __init__(self):
            super(Net, self).__init__()
            with self.init_scope():
                self.core = Core()
                # never called: W stays uninitialized (saved as None)
                self.lazy = L.Linear(None, 2)
            self.add_persistent('count', 5)
            self.add_persistent('rate', 0.25)
            self.add_persistent('nothing', None)

        def forward(self, x):
            return self.core(x)

    return Net()
