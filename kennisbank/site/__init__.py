"""The site: HTML components from Jinja templates with autoescape, every generated page, the macros."""
