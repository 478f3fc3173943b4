__version__ = '0.1.0'
chainer_version = '7.8.1'
