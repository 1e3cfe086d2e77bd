"""The only layer that knows MkDocs and Material: the plugin object the hook hands events to, the
render cache for serve, the search index, and repairs of Material's HTML."""
