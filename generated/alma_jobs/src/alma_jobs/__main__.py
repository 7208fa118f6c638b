"""``python -m alma_jobs``: the package's command line (``_cli``)."""

import sys

from ._cli import main

sys.exit(main())
