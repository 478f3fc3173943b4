# Tested in test_floor.py (floor, ceil, fix and sign share the behaviour).
