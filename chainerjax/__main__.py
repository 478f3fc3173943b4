"""Runs an unmodified Chainer program on chainerjax.

Usage::

    python -m chainerjax [--jit[=auto]] script.py [ARGS...]
    python -m chainerjax [--jit[=auto]] -m package.module [ARGS...]

The program sees ``sys.argv`` as with ``python script.py ARGS``, runs as
``__main__``, and exits with its own exit status and traceback.
"""
import os
import runpy
import sys

USAGE = ('usage: python -m chainerjax [--jit[=auto]] '
         '(script.py | -m module) [args...]')


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    jit = None
    while argv and argv[0].startswith('--'):
        opt = argv.pop(0)
        if opt == '--jit':
            jit = True
        elif opt.startswith('--jit='):
            jit = opt.split('=', 1)[1]
        elif opt in ('--help', '-h'):
            print(USAGE)
            return 0
        elif opt == '--':
            break
        else:
            print('chainerjax: unknown option {}\n{}'.format(opt, USAGE),
                  file=sys.stderr)
            return 2
    if not argv:
        print(USAGE, file=sys.stderr)
        return 2

    import chainerjax.alias  # NOQA: installs the `chainer` alias
    import chainerjax
    if jit is not None:
        chainerjax.global_config.jit = jit

    if argv[0] == '-m':
        if len(argv) < 2:
            print(USAGE, file=sys.stderr)
            return 2
        sys.argv = argv[1:]
        sys.path.insert(0, os.getcwd())
        runpy.run_module(argv[1], run_name='__main__', alter_sys=True)
        return 0
    script = argv[0]
    if not os.path.exists(script):
        print('python -m chainerjax: can\'t open file {!r}: [Errno 2] No '
              'such file or directory'.format(script), file=sys.stderr)
        return 2
    sys.argv = argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name='__main__')
    return 0


if __name__ == '__main__':
    sys.exit(main())
