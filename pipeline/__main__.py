import sys

from .cli import main

# The guard matters on Windows: a batch's worker processes are spawned there,
# and each imports this module again (as "__mp_main__"), which must not run a build.
if __name__ == "__main__":
    sys.exit(main())
