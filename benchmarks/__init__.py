"""Benchmarks: speed and memory figures, printed; never timed unit tests."""
