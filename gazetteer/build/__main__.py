"""``python -m gazetteer.build``: rebuild ``gazetteer/data/``."""

import sys

from gazetteer.build.build import main

sys.exit(main())
