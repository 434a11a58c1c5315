"""Entry point for the PyInstaller build (the installed console script calls desktop.cli:main)."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of a frozen app start through here
    sys.exit(main())
