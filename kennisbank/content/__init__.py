"""Content: the kinds and fields declared once, read with line numbers, checked, with history, drafts and
redirects. Knows nothing of pages, MkDocs or the web."""
