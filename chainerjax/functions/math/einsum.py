"""Einstein summation."""
import jax.numpy as jnp
import numpy

from chainerjax import function_node
from chainerjax.utils import type_check

# An ellipsis is written '@' internally (one character per axis group).
einsum_symbols = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
einsum_symbols_set = set(einsum_symbols)


def _enumerate_axes(subscripts):
    if '@' in subscripts:
        left_sub, right_sub = subscripts.split('@')
        for i, s in enumerate(left_sub):
            yield i, s
        yield slice(len(left_sub), -len(right_sub) or None), '@'
        for i, s in enumerate(right_sub):
            yield i - len(right_sub), s
    else:
        for i, s in enumerate(subscripts):
            yield i, s


class EinSum(function_node.FunctionNode):
    """``numpy.einsum`` with the subscripts ``in_subs->out_sub``."""

    def __init__(self, in_subs, out_sub):
        self.in_subs = in_subs
        self.out_sub = out_sub

    def check_type_forward(self, in_types):
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x{}'.format(i),))
            type_check.expect(in_type.dtype.kind == 'f')
        in_subs = self.in_subs.split(',')
        type_check.expect(in_types.size() == len(in_subs))
        shape_dict = {}
        for in_sub, in_type in zip(in_subs, in_types):
            for axis, char in _enumerate_axes(in_sub):
                shape = in_type.shape[axis]
                if char in shape_dict:
                    type_check.expect(shape_dict[char] == shape)
                else:
                    shape_dict[char] = shape

    def forward(self, inputs):
        dtype = numpy.result_type(*[x.dtype for x in inputs])
        in_subs, out_sub = self.in_subs, self.out_sub
        sum_ellipsis = '@' in in_subs and '@' not in out_sub
        if sum_ellipsis:
            subscripts = '{}->...{}'.format(
                in_subs.replace('@', '...'), out_sub)
        else:
            subscripts = '{}->{}'.format(in_subs, out_sub).replace(
                '@', '...')
        y = jnp.einsum(subscripts, *inputs)
        if sum_ellipsis:
            if y.ndim - len(out_sub) > 0:
                raise ValueError(
                    'einsum should not support summing over Ellipsis.')
        return y.astype(dtype),


def _parse_einsum_input(operands):
    if not operands:
        raise ValueError('No input operands')
    if isinstance(operands[0], str):
        subscripts = operands[0].replace(' ', '')
        operands = operands[1:]
        for s in subscripts:
            if s in '.,->':
                continue
            if s not in einsum_symbols:
                raise ValueError('Character %s is not a valid symbol.' % s)
        if ('-' in subscripts) or ('>' in subscripts):
            if (subscripts.count('-') > 1 or subscripts.count('>') > 1
                    or subscripts.count('->') != 1):
                raise ValueError('Subscripts can only contain one \'->\'.')
        subscripts = subscripts.replace('...', '@')
        if '.' in subscripts:
            raise ValueError('Invalid Ellipses.')
    else:
        rest = list(operands)
        operand_list = []
        subscript_list = []
        for _ in range(len(operands) // 2):
            operand_list.append(rest.pop(0))
            subscript_list.append(rest.pop(0))
        output_list = rest[-1] if rest else None
        operands = operand_list

        def convert(sub):
            out = ''
            for s in sub:
                if s is Ellipsis:
                    out += '@'
                elif isinstance(s, int):
                    out += einsum_symbols[s]
                else:
                    raise TypeError('For this input type lists must contain '
                                    'either int or Ellipsis')
            return out
        subscripts = ','.join(convert(sub) for sub in subscript_list)
        if output_list is not None:
            subscripts += '->' + convert(output_list)

    if '->' in subscripts:
        input_subscripts, output_subscript = subscripts.split('->')
        for char in output_subscript:
            if char not in input_subscripts:
                raise ValueError(
                    'Output character %s did not appear in the input'
                    % ('...' if char == '@' else char))
    else:
        input_subscripts = subscripts
        flat = subscripts.replace(',', '')
        output_subscript = ''.join(
            s for s in sorted(set(flat)) if s == '@' or flat.count(s) == 1)
    if len(input_subscripts.split(',')) != len(operands):
        raise ValueError('Number of einsum subscripts must be equal to the '
                         'number of operands.')
    return input_subscripts, output_subscript, operands


def einsum(*operands):
    """Einstein summation, as ``numpy.einsum`` (differentiable).

    Args:
        operands: the subscripts string followed by the operands, or the
            interleaved ``(operand, sublist, ..., [output sublist])`` form.
            Summing over an ellipsis is not supported.

    Returns:
        ~chainerjax.Variable: the result.
    """
    in_subs, out_sub, ops = _parse_einsum_input(operands)
    return EinSum(in_subs=in_subs, out_sub=out_sub).apply(ops)[0]
