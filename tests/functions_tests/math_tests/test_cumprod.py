# Tested with cumsum in test_cumsum.py.
