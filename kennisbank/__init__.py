"""Kennisbank Dynamische Binnensteden: the engine behind the site.

Plain Python, independent of MkDocs: ``corpus.load_corpus`` reads and checks the
content, ``index`` connects it, ``pages`` writes the Markdown of every generated page.
"""
