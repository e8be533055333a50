"""Security headers (flask-talisman) with a Content-Security-Policy Dash works under.

Dash's only executable inline script is hashed (`app.csp_hashes()`), so no
'unsafe-inline' scripts; styles need 'unsafe-inline' because React and plotly
set style attributes. `frame-ancestors` comes from DASHBOARD_FRAME_ANCESTORS so
an operator can allow a learning platform to embed the dashboard.
"""
from __future__ import annotations

from dash import Dash
from flask_talisman import Talisman

from .. import settings


def policy(app: Dash) -> dict:
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": settings.frame_ancestors(),
    }


def secure(app: Dash) -> Talisman:
    https = settings.force_https()
    ancestors = settings.frame_ancestors()
    return Talisman(
        app.server,
        content_security_policy=policy(app),
        force_https=https,
        strict_transport_security=https,
        session_cookie_secure=https,
        # X-Frame-Options cannot name other origins; CSP frame-ancestors supersedes it when they are allowed.
        frame_options="SAMEORIGIN" if ancestors == ["'self'"] else None,
        referrer_policy="strict-origin-when-cross-origin",
        x_content_type_options=True,
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()", "browsing-topics": "()"},
    )
