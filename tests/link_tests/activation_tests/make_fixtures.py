"""Generates fixtures.npz for the activation link tests with real Chainer
7.8.1 (see tests/link_tests/_link_fixture_maker.py for the layout).

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/link_tests/activation_tests/make_fixtures.py
"""
import os
import sys
import warnings

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(HERE))))

from tests.link_tests._link_fixture_maker import Maker  # NOQA
from tests.link_tests._link_fixture_maker import uniform  # NOQA

ALL = ('float16', 'float32', 'float64')


def mask(seed, shape):
    return numpy.random.RandomState(seed).uniform(size=shape) >= 0.4


def forward_cases(m):
    for d in ALL:
        m.forward_case('maxout_' + d, 'Maxout', [3, 2, 4],
                       inputs=[uniform(1, (5, 3), d)], dtype=d)
        m.forward_case('prelu_shared_' + d, 'PReLU',
                       inputs=[uniform(1, (2, 3, 4), d)], dtype=d)
        m.forward_case('prelu_shape_' + d, 'PReLU', [(3,)], {'init': 0.1},
                       inputs=[uniform(1, (2, 3, 4), d)], dtype=d)
        m.forward_case('swish_' + d, 'Swish', [(3,)],
                       inputs=[uniform(1, (2, 3, 4), d, -3, 3)], dtype=d)
        m.forward_case('sdc_batchwise_mask_' + d, 'SimplifiedDropconnect',
                       [3, 2], {'ratio': 0.4},
                       inputs=[uniform(1, (4, 3), d)],
                       array_kwargs={'mask': mask(2, (4, 2, 3))}, dtype=d)
    m.forward_case('maxout_nobias_float64', 'Maxout', [4, 3, 2],
                   {'initial_bias': None},
                   inputs=[uniform(1, (5, 2, 2), 'float64')],
                   dtype='float64')
    m.forward_case('prelu_shape2_float32', 'PReLU', [(3, 4)],
                   inputs=[uniform(1, (2, 3, 4), 'float32')])
    m.forward_case('swish_shape2_float64', 'Swish', [(3, 4)],
                   {'beta_init': 0.5},
                   inputs=[uniform(1, (2, 3, 4), 'float64', -3, 3)],
                   dtype='float64')
    m.forward_case('sdc_shared_mask_float32', 'SimplifiedDropconnect',
                   [6, 2], {'nobias': True},
                   inputs=[uniform(1, (4, 2, 3), 'float32')],
                   fwd_kwargs={'use_batchwise_mask': False},
                   array_kwargs={'mask': mask(3, (2, 6))})
    m.forward_case('sdc_test_mode_float64', 'SimplifiedDropconnect', [3, 2],
                   inputs=[uniform(1, (4, 3), 'float64')],
                   fwd_kwargs={'train': False}, dtype='float64')


def init_cases(m):
    m.init_case('init_maxout', 'Maxout', [3, 2, 4], seed=1)
    m.init_case('init_maxout_f64', 'Maxout', [3, 2, 4],
                {'initial_bias': 0.5}, seed=2, dtype='float64')
    m.init_case('init_prelu', 'PReLU', [(2, 3)], {'init': 0.1}, seed=3)
    m.init_case('init_prelu_default', 'PReLU', seed=4)
    m.init_case('init_sdc', 'SimplifiedDropconnect', [3, 2], seed=5)
    m.init_case('init_sdc_lazy', 'SimplifiedDropconnect', [None, 2],
                {'ratio': 0.3}, seed=6, lazy_input_shape=(4, 3))
    m.init_case('init_swish_lazy', 'Swish', [None], {'beta_init': 2.0},
                seed=7, lazy_input_shape=(2, 3, 4))


def main():
    warnings.simplefilter('ignore')
    m = Maker()
    forward_cases(m)
    init_cases(m)
    m.write(os.path.join(HERE, 'fixtures.npz'))


if __name__ == '__main__':
    main()
