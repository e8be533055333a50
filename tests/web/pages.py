"""What the browser tests of the page share: open it at a viewport size once both views are drawn, and wait
for a condition (never for a fixed time)."""
import time

# True once the network's classes are those of the day the timeline's cursor shows (`date`, ISO, when given):
# the network container's data-day is set by showDay (assets/dashboard.js), the cursor line's data-date by
# moveLine.
_SHOWS_DAY = """
const el = document.getElementById('network'), line = document.querySelector('#timeline .cursor-line');
const cy = el && el._cyreg && el._cyreg.cy;
if (!cy || !el.dataset.day || !line || !window.dayNumbers) return false;
const shown = window.dayNumbers.iso(+el.dataset.day);
return shown === line.dataset.date && (arguments[0] === null || shown === arguments[0]);"""


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


def until(condition, timeout: float = 10.0, message: str = "condition not met in time"):
    """Poll `condition` until it returns something true, and return that; fail after `timeout` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < end, message() if callable(message) else message
        time.sleep(0.1)


def wait_for_day(dash_duo, date: str | None = None, timeout: float = 10.0) -> None:
    """Wait until the network shows the day of the timeline's cursor (and that day is `date`, when given)."""
    until(lambda: dash_duo.driver.execute_script(_SHOWS_DAY, date), timeout,
          lambda: f"the network does not show {date or 'the cursor day'}: " + repr(dash_duo.driver.execute_script(
              "const el = document.getElementById('network'), l = document.querySelector('#timeline .cursor-line');"
              "return [el && el.dataset.day, l && l.dataset.date];")))
