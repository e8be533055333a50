"""History timelines and networks: a Dash dashboard over cited data packages."""
