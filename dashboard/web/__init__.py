"""The Dash shell: app, layout, URL state and callbacks."""
