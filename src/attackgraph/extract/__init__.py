"""Stage: Document -> Extraction (infobox and prose)."""
