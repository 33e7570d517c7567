"""``python -m llmswitch``: the same as the ``llmswitch`` command."""

import sys

from .cli import main

sys.exit(main())
