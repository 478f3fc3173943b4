"""Generates fixtures.npz for the connection link tests with real Chainer
7.8.1 (see tests/link_tests/_link_fixture_maker.py for the layout).

Run with the reference environment, from the repository root::

    /work/refvenv/bin/python tests/link_tests/connection_tests/make_fixtures.py
"""
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(HERE))))

from tests.link_tests._link_fixture_maker import Maker  # NOQA
from tests.link_tests._link_fixture_maker import uniform  # NOQA

ALL = ('float16', 'float32', 'float64')
F32_64 = ('float32', 'float64')


def forward_cases(m):
    # Composite links compile many kernels: those run for one dtype each,
    # the cheap ones for all three.
    for d in ALL:
        m.forward_case('bias_param_' + d, 'Bias', kwargs={'shape': (3,)},
                       inputs=[uniform(1, (2, 3, 4), d)], dtype=d)
        m.forward_case('scale_param_bias_' + d, 'Scale',
                       kwargs={'W_shape': (3,), 'bias_term': True},
                       inputs=[uniform(1, (2, 3, 4), d)], dtype=d)
        m.forward_case('convnd_3d_pad_' + d, 'ConvolutionND', [3, 2, 3, 2],
                       {'pad': 1}, inputs=[uniform(1, (2, 2, 3, 3, 3), d)],
                       dtype=d)
        m.forward_case('deconvnd_3d_stride_' + d, 'DeconvolutionND',
                       [3, 2, 3, 2], {'stride': 2, 'pad': 1},
                       inputs=[uniform(1, (1, 2, 2, 2, 2), d)], dtype=d)
    for d in F32_64:
        m.forward_case('parameter_' + d, 'Parameter', ['@array'],
                       ctor_arrays={'array': uniform(1, (2, 3), d)},
                       dtype=d)
    f, g = F32_64
    m.forward_case('bias_input_axis2_' + g, 'Bias', kwargs={'axis': 2},
                   inputs=[uniform(1, (2, 3, 4), g), uniform(2, (4,), g)],
                   dtype=g)
    m.forward_case('scale_input_bias_axis2_' + f, 'Scale',
                   kwargs={'axis': 2, 'bias_term': True,
                           'bias_shape': (4,)},
                   inputs=[uniform(1, (2, 3, 4), f), uniform(2, (4,), f)],
                   dtype=f)
    m.forward_case('scale_input_' + g, 'Scale',
                   inputs=[uniform(1, (2, 3, 4), g), uniform(2, (3, 4), g)],
                   dtype=g)
    # chainer.functions.bilinear accepts float32 only.
    m.forward_case('bilinear_' + f, 'Bilinear', [2, 3, 4],
                   inputs=[uniform(1, (5, 2), f), uniform(2, (5, 3), f)])
    m.forward_case('bilinear_nobias_' + f, 'Bilinear', [2, 3, 4],
                   {'nobias': True},
                   inputs=[uniform(1, (5, 2, 1), f), uniform(2, (5, 3), f)])
    m.forward_case('conv1d_coverall_' + f, 'Convolution1D', [2, 4, 3],
                   {'stride': 2, 'pad': 1, 'cover_all': True},
                   inputs=[uniform(1, (2, 2, 6), f)], dtype=f)
    m.forward_case('conv3d_groups_dilate_' + g, 'Convolution3D',
                   [4, 6, (2, 1, 2)],
                   {'dilate': (1, 2, 1), 'groups': 2, 'nobias': True},
                   inputs=[uniform(1, (1, 4, 3, 5, 3), g)], dtype=g)
    m.forward_case('deconv1d_outsize_' + f, 'Deconvolution1D', [2, 4, 3],
                   {'stride': 2, 'outsize': (8,)},
                   inputs=[uniform(1, (2, 2, 3), f)], dtype=f)
    m.forward_case('deconv3d_groups_dilate_' + g, 'Deconvolution3D',
                   [4, 6, 2], {'groups': 2, 'dilate': 2, 'nobias': True},
                   inputs=[uniform(1, (1, 4, 2, 2, 2), g)], dtype=g)
    m.forward_case('deformable_pad_' + f, 'DeformableConvolution2D',
                   [2, 3, 3], {'pad': 1},
                   inputs=[uniform(1, (2, 2, 4, 4), f)], dtype=f)
    m.forward_case('deformable_stride_nobias_' + g,
                   'DeformableConvolution2D', [2, 3, 2],
                   {'stride': 2, 'offset_nobias': True,
                    'deform_nobias': True},
                   inputs=[uniform(1, (1, 2, 5, 5), g)], dtype=g)
    m.forward_case('depthwise_' + f, 'DepthwiseConvolution2D', [2, 3, 3],
                   {'stride': 2, 'pad': 1},
                   inputs=[uniform(1, (2, 2, 5, 5), f)], dtype=f)
    m.forward_case('depthwise_nobias_' + g, 'DepthwiseConvolution2D',
                   [3, 1, (2, 3)], {'nobias': True},
                   inputs=[uniform(1, (1, 3, 4, 4), g)], dtype=g)
    m.forward_case('dilated_' + f, 'DilatedConvolution2D', [2, 3, 3],
                   {'pad': 2, 'dilate': 2},
                   inputs=[uniform(1, (2, 2, 5, 5), f)], dtype=f)
    m.forward_case('dilated_stride_nobias_' + g, 'DilatedConvolution2D',
                   [2, 3, 2, 2], {'dilate': (1, 2), 'nobias': True},
                   inputs=[uniform(1, (1, 2, 6, 6), g)], dtype=g)
    m.forward_case('highway_' + f, 'Highway', [3],
                   inputs=[uniform(1, (4, 3), f)], dtype=f)
    m.forward_case('highway_tanh_nobias_' + g, 'Highway', [3],
                   {'nobias': True}, functions={'activate': 'tanh'},
                   inputs=[uniform(1, (4, 3), g)], dtype=g)
    # Equal channel numbers in the composite modules let the children share
    # compiled kernels (the paths still give different values).
    m.forward_case('inception_' + f, 'Inception', [2, 1, 1, 1, 1, 1, 1],
                   inputs=[uniform(1, (2, 2, 4, 4), f)], dtype=f)
    m.forward_case('inceptionbn_max_' + f, 'InceptionBN',
                   [2, 1, 1, 1, 1, 1, 'max'], {'proj_pool': 1},
                   inputs=[uniform(1, (2, 2, 4, 4), f)], dtype=f)
    m.forward_case('inceptionbn_avg_stride_' + g, 'InceptionBN',
                   [2, 0, 1, 1, 1, 1, 'avg'], {'stride': 2},
                   inputs=[uniform(1, (2, 2, 5, 5), g)], dtype=g)
    m.forward_case('local_' + f, 'LocalConvolution2D', [2, 3, 4, 2],
                   inputs=[uniform(1, (2, 2, 4, 4), f)], dtype=f)
    m.forward_case('local_rect_nobias_' + g, 'LocalConvolution2D',
                   [2, 2, (4, 5), (2, 3)], {'nobias': True},
                   inputs=[uniform(1, (1, 2, 4, 5), g)], dtype=g)
    m.forward_case('mlpconv_' + f, 'MLPConvolution2D', [2, (3, 4), 3],
                   {'pad': 1}, inputs=[uniform(1, (2, 2, 4, 4), f)],
                   dtype=f)
    m.forward_case('mlpconv_tanh_' + g, 'MLPConvolution2D',
                   [2, (3, 2, 2), 2, 2], functions={'activation': 'tanh'},
                   inputs=[uniform(1, (1, 2, 5, 5), g)], dtype=g)


def init_cases(m):
    m.init_case('init_convnd', 'ConvolutionND', [3, 2, 3, 2], seed=1)
    m.init_case('init_convnd_lazy', 'ConvolutionND', [2, 3, (2, 3)],
                {'groups': 1}, seed=2, lazy_input_shape=(1, 4, 3, 4))
    m.init_case('init_convnd_f64', 'ConvolutionND', [1, 2, 3, 2], seed=3,
                dtype='float64')
    m.init_case('init_conv1d_lazy', 'Convolution1D', [None, 3, 2], seed=4,
                lazy_input_shape=(1, 2, 5))
    m.init_case('init_conv3d', 'Convolution3D', [2, 4, 2],
                {'initial_bias': 0.5, 'groups': 2}, seed=5)
    m.init_case('init_deconvnd', 'DeconvolutionND', [2, 2, 3, 3], seed=6)
    m.init_case('init_deconvnd_lazy', 'DeconvolutionND', [1, 4, 3],
                {'groups': 2}, seed=7, lazy_input_shape=(1, 2, 3))
    m.init_case('init_deconv3d_lazy', 'Deconvolution3D', [None, 3, 2],
                seed=8, lazy_input_shape=(1, 2, 2, 2, 2))
    m.init_case('init_deformable', 'DeformableConvolution2D', [2, 3, 3],
                seed=9)
    m.init_case('init_deformable_lazy', 'DeformableConvolution2D',
                [None, 3, 3], {'pad': 1}, seed=10,
                lazy_input_shape=(2, 2, 4, 4))
    m.init_case('init_depthwise', 'DepthwiseConvolution2D', [2, 2, 3],
                seed=11)
    m.init_case('init_depthwise_lazy', 'DepthwiseConvolution2D',
                [None, 2, 3], seed=12, lazy_input_shape=(1, 3, 4, 4))
    m.init_case('init_dilated_short', 'DilatedConvolution2D', [3, 2],
                {'dilate': 2}, seed=13, lazy_input_shape=(1, 2, 5, 5))
    m.init_case('init_local', 'LocalConvolution2D', [2, 3, 4, 2], seed=14)
    m.init_case('init_local_lazy', 'LocalConvolution2D', [None, 3, None, 2],
                seed=15, lazy_input_shape=(1, 2, 4, 5))
    m.init_case('init_mlpconv_short', 'MLPConvolution2D', [(3, 4), 3],
                {'pad': 1}, seed=16, lazy_input_shape=(2, 2, 4, 4))
    m.init_case('init_bilinear', 'Bilinear', [2, 3, 4], seed=17)
    m.init_case('init_highway', 'Highway', [3], seed=18)
    m.init_case('init_inception', 'Inception', [2, 1, 2, 3, 4, 5, 6],
                seed=19)
    m.init_case('init_inceptionbn', 'InceptionBN',
                [2, 1, 2, 3, 4, 5, 'max', 6], seed=20)
    m.init_case('init_inceptionbn_lazy_f64', 'InceptionBN',
                [None, 0, 1, 1, 1, 1, 'avg'],
                {'stride': 2, 'dtype': 'float64'}, seed=21,
                lazy_input_shape=(2, 2, 5, 5), dtype='float64')
    m.init_case('init_bias', 'Bias', [], {'shape': (2, 3)}, seed=22)
    m.init_case('init_scale', 'Scale', [], {'W_shape': (2,),
                                            'bias_term': True}, seed=23)


def main():
    warnings.simplefilter('ignore')
    m = Maker()
    forward_cases(m)
    init_cases(m)
    m.write(os.path.join(HERE, 'fixtures.npz'))


if __name__ == '__main__':
    main()
