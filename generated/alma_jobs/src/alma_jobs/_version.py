"""The version of this package: the spec's ``info.version`` as PEP 440 writes it."""

__version__ = "1"
