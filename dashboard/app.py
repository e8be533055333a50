"""The WSGI entry point: `gunicorn dashboard.app:server` (see Procfile)."""
from .web import page
from .web.factory import create_app

app = create_app()
page.warm()
server = app.server
