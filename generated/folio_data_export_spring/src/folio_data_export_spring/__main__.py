"""``python -m folio_data_export_spring``: the package's command line (``_cli``)."""

import sys

from ._cli import main

sys.exit(main())
