"""Griffe extension used by the documentation build (see mkdocs.yml).

chainerjax's docstrings follow Chainer's Google style, which titles doctest
examples ``Example:``. Griffe only treats ``Examples:`` as an examples
section and renders anything else as an admonition of Markdown text, where
``>>>`` lines become nested quotes. This extension renames the section
before the docstring is parsed, so the doctests render as code.
"""
import re

import griffe

_EXAMPLE = re.compile(r'^(\s*)Example:[ \t]*$', re.MULTILINE)


class ChainerDocstrings(griffe.Extension):
    """Renames ``Example:`` sections to ``Examples:``."""

    def on_instance(self, *, obj, **kwargs):
        docstring = obj.docstring
        if docstring is not None and 'Example:' in docstring.value:
            docstring.value = _EXAMPLE.sub(r'\1Examples:', docstring.value)
