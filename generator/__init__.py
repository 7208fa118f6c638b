"""Normalize vendor API descriptions into OpenAPI 3.1 and generate typed Python clients."""

__version__ = "0.1.0"
