"""Stage: mentions -> identities (places via gazetteers, actors via the registry)."""
