# scale is tested with bias in test_bias.py.
