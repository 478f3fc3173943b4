"""Compatibility of ``chainer.functions`` with Chainer 7.8.1, one case module
per sub-package (``cases_<sub-package>.py``, fixtures in ``fixtures/``)."""
