"""Hand-written pages run their macros in Jinja's sandbox, so a page in docs/ cannot reach Python.

mkdocs-macros renders a page with ``render_macros: true`` in a plain Jinja ``Environment``,
where ``{{ self.__init__.__globals__.__builtins__.open('/etc/hostname').read() }}`` reaches
Python: a pull request that changes only a Markdown page in docs/ could run code in the build
and put files of the build machine on the site (tried: the strict build passed with the
machine's host name on the page). Jinja's own ``SandboxedEnvironment`` refuses such attributes;
the macros in ``site/macros.py`` are plain functions and work in it unchanged. mkdocs-macros has
no option for it, so after it made its environment (its ``on_config`` runs before ours), the
environment is replaced by a sandboxed one with the same loader, delimiters, globals and filters.
"""

from __future__ import annotations

from typing import Any

from jinja2.sandbox import SandboxedEnvironment

# What mkdocs-macros sets on its environment (its j2_* options, the loader for {% include %}, on_undefined).
SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "loader", "undefined")


def sandbox(macros_plugin: Any) -> None:
    """Give the macros plugin a sandboxed copy of its Jinja environment."""
    env = macros_plugin.env
    if isinstance(env, SandboxedEnvironment):
        return
    safe = SandboxedEnvironment(extensions=list(env.extensions), **{name: getattr(env, name) for name in SETTINGS})
    safe.globals.update(env.globals)
    safe.filters.update(env.filters)
    safe.tests.update(env.tests)
    macros_plugin._env = safe  # the attribute behind its read-only 'env' property
