"""Publishing: public URLs, open data (JSON, CSV, GeoJSON, relations) and the Atom feed."""
