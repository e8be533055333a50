"""Callbacks declared beside their functions and registered on an app explicitly, with Dash's documented
`app.callback` and `app.clientside_callback`: every app (one per test, say) gets all of them, and nothing
is registered as a side effect of an import."""
from __future__ import annotations

from dash import ClientsideFunction, Dash


class Callbacks:
    """One feature module's callbacks: `@callbacks.server(...)` on a function, `callbacks.client(...)` for a
    function in assets/; `register(app)` adds them all to an app."""

    def __init__(self, namespace: str = "") -> None:
        self.namespace = namespace  # of the module's JavaScript functions (window.dash_clientside.<namespace>)
        self._server: list[tuple[tuple, dict, object]] = []
        self._client: list[tuple[str, tuple, dict]] = []

    def server(self, *dependencies, **options):
        def declare(function):
            self._server.append((dependencies, options, function))
            return function
        return declare

    def client(self, function_name: str, *dependencies, **options) -> None:
        self._client.append((function_name, dependencies, options))

    def register(self, app: Dash) -> None:
        for dependencies, options, function in self._server:
            app.callback(*dependencies, **options)(function)
        for name, dependencies, options in self._client:
            app.clientside_callback(ClientsideFunction(namespace=self.namespace, function_name=name),
                                    *dependencies, **options)
