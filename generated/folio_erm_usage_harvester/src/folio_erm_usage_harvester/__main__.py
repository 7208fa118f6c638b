"""``python -m folio_erm_usage_harvester``: the package's command line (``_cli``)."""

import sys

from ._cli import main

sys.exit(main())
