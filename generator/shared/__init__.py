"""What every stage uses: JSON pointers (``pointer``), the error type and warnings (``errors``),
and the word rules and numbering of every name made (``naming``)."""
