"""The WSGI entry point: `gunicorn dashboard.app:server` (see Procfile)."""
from .web.factory import create_app

app = create_app()
server = app.server
