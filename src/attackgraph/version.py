"""The package version, in a module of its own so that any stage can read it.

>>> from attackgraph import __version__
>>> __version__ == VERSION
True
"""

from typing import Final

VERSION: Final = "0.1.0"
