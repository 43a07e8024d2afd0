"""``python -m plivo_agentstack``: the command line (commands: see ``plivo_agentstack._cli``)."""

from __future__ import annotations

import sys

from plivo_agentstack._cli import main

if __name__ == "__main__":
    sys.exit(main())
