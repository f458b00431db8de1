"""scripts/bench: the benchmark of issue 11 (and the rows issue 13 adds); see experiments.py."""
