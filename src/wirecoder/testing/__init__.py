"""Helpers the test suite and benchmarks use at run time (broken-input corpus, ...)."""
