"""Benchmark of the site build at scale: a synthetic corpus generator and a runner (``python -m bench``)."""
