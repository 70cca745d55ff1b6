"""SPARQL shared by ``query`` and ``serve``: query analysis (what is refused and why),
result writers, and the one loader of a release folder into a store.
"""
