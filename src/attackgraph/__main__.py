"""``python -m attackgraph``: the same command line as ``attackgraph``.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["--version"], prog_name="attackgraph").output
'attackgraph, version 0.1.0\n'
"""

from attackgraph.cli import main

if __name__ == "__main__":
    main(prog_name="attackgraph")
