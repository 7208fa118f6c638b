"""``python -m folio_orders_storage``: the package's command line (``_cli``)."""

import sys

from ._cli import main

sys.exit(main())
