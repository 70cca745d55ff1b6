"""Reference data shared by the stages: countries, names, regions, the gazetteer, the
actor registry, and where the shipped tables live.

Nothing here depends on a stage; extract and resolve both read it. Each module loads
its table lazily, once per process.
"""
