"""What every stage uses: JSON pointers (``pointer``), the error type and warnings (``errors``)."""
