"""What every stage uses: JSON pointers (``pointer``), the error type and warnings (``errors``),
the word rules and numbering of every name made (``naming``) and where subschemas sit in a
schema (``schema_walk``)."""
