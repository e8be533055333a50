"""What the browser tests of the page share: open it at a viewport size once both views are drawn, and wait
for a condition (never for a fixed time)."""
import time


def set_size(dash_duo, w: int, h: int) -> None:
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": w < 600})


def open_page(dash_duo, app, path: str = "/", size=(1280, 720)) -> None:
    """Serve `app`, load `path` (with its query) at `size`, and wait for the timeline's bars and the network."""
    dash_duo.start_server(app)
    set_size(dash_duo, *size)
    dash_duo.driver.get(dash_duo.server_url + path)
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
    dash_duo.wait_for_element("#network canvas", timeout=30)


def until(condition, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "condition not met in time"
        time.sleep(0.1)
