"""``python -m liquid_decisions_batch``: the package's command line (``_cli``)."""

import sys

from ._cli import main

sys.exit(main())
