"""One module per view; each has ``render(ctx: RunContext)`` and imports only downward (ui.render and below)."""
