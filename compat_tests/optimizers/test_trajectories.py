"""chainerjax optimizers against trajectories recorded with Chainer 7.8.1
(``generate.py``)."""
import os

import numpy
import pytest

import chainerjax
from compat_tests.optimizers import cases

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        'fixtures')
RTOL, ATOL = 1e-5, 1e-5


@pytest.fixture(scope='module')
def golden():
    with numpy.load(os.path.join(FIXTURES, 'trajectories.npz'),
                    allow_pickle=False) as f:
        return dict(f.items())


# M-SVAG divides the variance estimate by 1 - rho = 1e-4 at the first step,
# so one-ulp differences in the gradients (chainerjax's forward/backward vs
# Chainer's) move its first update by ~1e-5 relative; its arithmetic is
# checked at full tolerance by test_trajectory_given_chainer_grads.
LOOSE = {'MSVAG': (1e-3, 1e-4)}


def _tol(case):
    return LOOSE.get(cases.CASES[case][0], (RTOL, ATOL))


def _compare(golden, case, step, params, tol=None):
    rtol, atol = tol or _tol(case)
    for k, v in params.items():
        ref = golden['%s/step%02d/%s' % (case, step, k)]
        numpy.testing.assert_allclose(
            v, ref, rtol=rtol, atol=atol,
            err_msg='case %s, step %d, %s' % (case, step, k))


@pytest.mark.parametrize('case', sorted(cases.CASES))
def test_trajectory(golden, case):
    model, opt, history, _ = cases.run(chainerjax, case)
    for step, params in history.items():
        _compare(golden, case, step, params)
    # final optimizer state: same keys and values as Chainer's save_npz
    ours = cases.state_dict(chainerjax, opt)
    prefix = case + '/opt/'
    ref = {k[len(prefix):]: v for k, v in golden.items()
           if k.startswith(prefix)}
    assert sorted(ours) == sorted(ref)
    for k in ref:
        assert ours[k].dtype == ref[k].dtype or ref[k].ndim == 0, k
        rtol, atol = _tol(case)
        numpy.testing.assert_allclose(ours[k], ref[k], rtol=rtol,
                                      atol=atol, err_msg=k)
    ls = float(golden[case + '/loss_scale'])
    assert (opt._loss_scale is None) == (ls == -1.0)
    if ls != -1.0:
        assert opt._loss_scale == ls


@pytest.mark.parametrize('case', sorted(
    c for c in cases.CASES if not cases.uses_loss_scaling(c)))
def test_trajectory_given_chainer_grads(golden, case):
    """Every update starts from the gradients Chainer computed: checks the
    optimizer and hook arithmetic alone, at float32 tolerance."""
    grads = {step: {k: golden['%s/grad%02d/%s' % (case, step, k)]
                    for k in ('l1/W', 'l1/b', 'l2/W', 'l2/b')}
             for step in range(1, cases.N_STEPS + 1)}
    model, opt, history, _ = cases.run(chainerjax, case, grads=grads)
    for step, params in history.items():
        _compare(golden, case, step, params, tol=(RTOL, ATOL))


@pytest.mark.parametrize('case', cases.INTERCHANGE_CASES)
def test_load_chainer_state_and_continue(golden, case):
    serializers = getattr(chainerjax, 'serializers', None)
    if serializers is None or not hasattr(serializers, 'load_npz'):
        pytest.skip('chainerjax.serializers.load_npz is not available yet')
    model = cases.make_model(chainerjax)
    opt = cases._setup(chainerjax, model, case)
    serializers.load_npz(os.path.join(
        FIXTURES, 'interchange-%s-model.npz' % case), model)
    serializers.load_npz(os.path.join(
        FIXTURES, 'interchange-%s-optimizer.npz' % case), opt)
    assert opt.t == cases.INTERCHANGE_STEP
    for p in model.params():
        assert p.update_rule.t == cases.INTERCHANGE_STEP
        assert p.update_rule.state is not None
    _compare(golden, case, cases.INTERCHANGE_STEP, cases.param_dict(model))
    model, opt, history, _ = cases.run(
        chainerjax, case, start=(model, opt, cases.INTERCHANGE_STEP + 1))
    for step, params in history.items():
        _compare(golden, case, step, params)


@pytest.mark.parametrize('case', cases.INTERCHANGE_CASES)
def test_saved_state_matches_chainer_layout(tmp_path, case):
    serializers = getattr(chainerjax, 'serializers', None)
    if serializers is None or not hasattr(serializers, 'save_npz'):
        pytest.skip('chainerjax.serializers.save_npz is not available yet')
    model, opt, _, _ = cases.run(chainerjax, case,
                                 stop=cases.INTERCHANGE_STEP)
    path = str(tmp_path / 'opt.npz')
    serializers.save_npz(path, opt)
    with numpy.load(path, allow_pickle=False) as ours, numpy.load(
            os.path.join(FIXTURES, 'interchange-%s-optimizer.npz' % case),
            allow_pickle=False) as ref:
        assert sorted(ours.files) == sorted(ref.files)
        for k in ref.files:
            assert ours[k].dtype == ref[k].dtype, k
            assert ours[k].shape == ref[k].shape, k
            numpy.testing.assert_allclose(ours[k], ref[k], rtol=RTOL,
                                          atol=ATOL, err_msg=k)
