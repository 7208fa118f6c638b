"""Comparing two API descriptions: what changed, and what each change means for callers.

``rules`` is the catalogue (a stable id and a level per kind of change), ``schemas`` and
``documents`` find the changes, ``impact`` names the generated Python symbols they touch,
``report`` prints them, ``inputs`` loads what the command line names, and ``drift`` compares
a system's upstream description with our committed spec.
"""
