#!/usr/bin/env bash
# Vendor the partial plotly.js bundle the page loads instead of Dash's full one (4.8 MB): "basic" (scatter,
# bar, pie: every trace type the views draw, tests/views/test_bundle.py), from the npm registry, at the
# plotly.js version of the installed plotly package, so dcc.Graph gets the plotly.js it was built for.
# Dash's documented way: a Plotly already defined by a script in assets/ is the one dcc.Graph uses.
# Usage: scripts/vendor_plotly.sh   (after upgrading plotly in requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(python3 -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "plotly.js-basic-dist-min@$version" >/dev/null && tar xzf ./*.tgz)
rm -f assets/vendor/plotly-basic-*.min.js
# Offline: the bundle's two defaults that name another server are blanked. The topojson base URL serves
# geo maps (a trace type this bundle lacks); the chart-studio URL serves a mode bar button the page does not
# show. Nothing else in it is fetched (links in messages and the logo's href only).
sed -e 's#dflt:"https://cdn.plot.ly/un/"#dflt:""#' -e 's#dflt:"https://cloud.plotly.com/newchart"#dflt:""#' \
  "$tmp/package/plotly-basic.min.js" > "assets/vendor/plotly-basic-$version.min.js"
cp "$tmp/package/LICENSE" assets/vendor/plotly.js-LICENSE.txt
echo "assets/vendor/plotly-basic-$version.min.js ($(wc -c < "assets/vendor/plotly-basic-$version.min.js") bytes)"
