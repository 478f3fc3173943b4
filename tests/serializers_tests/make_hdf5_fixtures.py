"""Generates the HDF5 files written by real Chainer 7.8.1 for test_hdf5.py.

Run with the reference environment (with h5py), from the repository root::

    /work/refvenv/bin/python tests/serializers_tests/make_hdf5_fixtures.py

It writes ``hdf5_model.h5`` (``save_hdf5`` of the model of
``hdf5_model_def.py`` after one MomentumSGD step) and ``hdf5_snapshot.h5``
(the model and the optimizer in the groups ``model`` and ``optimizer``,
through ``HDF5Serializer``).
"""
import os
import sys

import h5py
import numpy

import chainer
from chainer import optimizers
from chainer import serializers

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import hdf5_model_def  # NOQA


def replace_with(path, write):
    tmp = path + '.tmp'
    write(tmp)
    os.replace(tmp, path)


def main():
    numpy.random.seed(0)
    model = hdf5_model_def.build(chainer)
    opt = optimizers.MomentumSGD(lr=0.1)
    opt.setup(model.core)
    x = numpy.random.RandomState(1).randn(4, 3).astype(numpy.float32)
    model.cleargrads()
    loss = chainer.functions.sum(model(x) ** 2)
    loss.backward()
    opt.update()

    replace_with(os.path.join(HERE, 'hdf5_model.h5'),
                 lambda p: serializers.save_hdf5(p, model))

    def snapshot(path):
        with h5py.File(path, 'w') as f:
            serializers.HDF5Serializer(f.require_group('model')).save(model)
            serializers.HDF5Serializer(
                f.require_group('optimizer'), compression=9).save(opt)
    replace_with(os.path.join(HERE, 'hdf5_snapshot.h5'), snapshot)
    print('wrote hdf5_model.h5 and hdf5_snapshot.h5')


if __name__ == '__main__':
    main()
