"""User-written FunctionNode subclasses (issue item 4)."""
from compat_tests.cases._util import arr, rand


def _square_node(chainer):
    class Square(chainer.FunctionNode):
        def forward(self, inputs):
            self.retain_inputs((0,))
            x, = inputs
            return x * x,

        def backward(self, target_input_indexes, grad_outputs):
            x, = self.get_retained_inputs()
            gy, = grad_outputs
            return 2 * x * gy,
    return Square


def _exp_node(chainer, F):
    class Exp(chainer.FunctionNode):
        def forward(self, inputs):
            x, = inputs
            xp = chainer.backend.get_array_module(x)
            self.retain_outputs((0,))
            return xp.exp(x),

        def backward(self, target_input_indexes, grad_outputs):
            y, = self.get_retained_outputs()
            gy, = grad_outputs
            return y * gy,
    return Exp


def _split_node(chainer):
    # Two outputs: x + y and x * y; backward handles missing grads (None).
    class AddMul(chainer.FunctionNode):
        def forward(self, inputs):
            self.retain_inputs((0, 1))
            x, y = inputs
            return x + y, x * y

        def backward(self, target_input_indexes, grad_outputs):
            x, y = self.get_retained_inputs()
            ga, gm = grad_outputs
            gx = 0
            gy = 0
            if ga is not None:
                gx = gx + ga
                gy = gy + ga
            if gm is not None:
                gx = gx + gm * y
                gy = gy + gm * x
            return gx, gy
    return AddMul


def case_user_node_retain_inputs(chainer, F, np):
    Square = _square_node(chainer)
    x = chainer.Variable(rand(np, (2, 3), 100))
    y = Square().apply((x,))[0]
    y.grad = rand(np, (2, 3), 101)
    y.backward()
    return {'y': arr(np, y), 'gx': arr(np, x.grad),
            'creator': type(y.creator).__name__,
            'creator_label': y.creator.label, 'rank': y.rank,
            'apply_type': type(Square().apply((x,))).__name__}


def case_user_node_retain_outputs(chainer, F, np):
    Exp = _exp_node(chainer, F)
    x = chainer.Variable(rand(np, (4,), 102))
    y = Exp().apply((x,))[0]
    z = F.sum(y * 2)
    z.backward()
    return {'y': arr(np, y), 'gx': arr(np, x.grad)}


def case_user_node_double_backprop(chainer, F, np):
    # The backward uses Variables, so it is differentiable again.
    Square = _square_node(chainer)
    x = chainer.Variable(rand(np, (3,), 103))
    y = Square().apply((x,))[0]
    z = F.sum(Square().apply((y,))[0])
    gx, = chainer.grad([z], [x], enable_double_backprop=True)
    ggx, = chainer.grad([F.sum(gx)], [x])
    return {'gx': arr(np, gx), 'ggx': arr(np, ggx)}


def case_multi_output_some_unused(chainer, F, np):
    AddMul = _split_node(chainer)
    out = {}
    for tag, use in (('both', (1, 1)), ('add_only', (1, 0)),
                     ('mul_only', (0, 1))):
        x = chainer.Variable(rand(np, (3,), 104))
        y = chainer.Variable(rand(np, (3,), 105))
        a, m = AddMul().apply((x, y))
        loss = 0
        if use[0]:
            loss = loss + F.sum(a * 3)
        if use[1]:
            loss = loss + F.sum(m * m)
        loss.backward()
        out[tag + '_gx'] = arr(np, x.grad)
        out[tag + '_gy'] = arr(np, y.grad)
    out['a'] = arr(np, a)
    out['m'] = arr(np, m)
    out['a_rank'] = a.rank
    out['same_creator'] = a.creator is m.creator
    return out


def case_multi_output_builtin_unused(chainer, F, np):
    # F.split_axis-like behaviour with built-ins: only part of the outputs
    # of a get_item reach the loss.
    x = chainer.Variable(rand(np, (4, 3), 106))
    parts = [x[i] for i in range(4)]
    loss = F.sum(parts[0] * parts[2])
    loss.backward()
    return {'gx': arr(np, x.grad)}


def case_node_inputs_outputs(chainer, F, np):
    Square = _square_node(chainer)
    x = chainer.Variable(rand(np, (2,), 107))
    node = Square()
    y, = node.apply((x,))
    return {
        'n_inputs': len(node.inputs), 'n_outputs': len(node.outputs),
        'input_is_x_node': node.inputs[0] is x.node,
        'output_is_y_node': node.outputs[0]() is y.node,
        'rank': node.rank, 'label': node.label,
        'y_requires_grad': y.requires_grad,
    }


def case_node_no_backprop(chainer, F, np):
    Square = _square_node(chainer)
    x = chainer.Variable(rand(np, (2,), 108))
    with chainer.no_backprop_mode():
        y, = Square().apply((x,))
    return {'creator_none': y.creator is None, 'y': arr(np, y)}


def case_builtin_double_backprop(chainer, F, np):
    out = {}
    funcs = [
        ('tanh', F.tanh), ('sigmoid', F.sigmoid), ('exp', F.exp),
        ('log', lambda v: F.log(v * v + 1)), ('mul', lambda v: v * v * v),
        ('div', lambda v: 1 / (v * v + 1)), ('relu', lambda v: F.relu(v) * v),
        ('softmax', lambda v: F.softmax(v.reshape(2, 3)) * v.reshape(2, 3)),
        ('matmul', lambda v: F.matmul(v.reshape(2, 3),
                                      v.reshape(3, 2))),
        ('sum', lambda v: F.sum(v * v, axis=0)),
        ('mean', lambda v: F.mean(v * v)),
        ('getitem', lambda v: v[1:4] * v[0:3]),
        ('concat', lambda v: F.concat((v * v, v), axis=0)),
        ('broadcast_to', lambda v: F.broadcast_to(v[:2].reshape(2, 1),
                                                  (2, 3)) * v.reshape(2, 3)),
        ('linear', lambda v: F.linear(v.reshape(2, 3), v.reshape(2, 3),
                                      v[:2])),
    ]
    for name, f in funcs:
        x = chainer.Variable(rand(np, (6,), 109, 'float64'))
        y = f(x)
        gy = rand(np, y.shape, 110, 'float64')
        gx, = chainer.grad([y], [x], grad_outputs=[chainer.Variable(gy)],
                           enable_double_backprop=True)
        ggx, = chainer.grad([F.sum(gx * gx)], [x])
        out[name + '_gx'] = arr(np, gx)
        out[name + '_ggx'] = arr(np, ggx)
    return out


def case_node_check_type_forward(chainer, F, np):
    type_check = chainer.utils.type_check

    class Positive(chainer.FunctionNode):
        def check_type_forward(self, in_types):
            type_check.expect(in_types.size() == 1)
            x_type, = in_types
            type_check.expect(x_type.dtype == np.float32,
                              x_type.ndim == 2)

        def forward(self, inputs):
            return inputs[0] * 1,

    out = {}
    try:
        Positive().apply((np.zeros((2,), np.float32),))
        out['error'] = 'no error'
    except type_check.InvalidType as e:
        out['error'] = type(e).__name__
        out['expect'] = e.expect
        out['actual'] = e.actual
    y, = Positive().apply((np.ones((1, 2), np.float32),))
    out['ok'] = arr(np, y)
    return out
