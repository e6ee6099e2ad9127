#!/usr/bin/env python3
"""Draws the layout of a Grafana dashboard JSON as an HTML page (panel boxes from gridPos, titles, panel type and
the series each panel plots), for a screenshot in the README. It shows the layout and queries, not data.

    python3 helm/tools/dashboard_layout.py helm/homeostat/dashboards/homeostat-app-scaling.json > /tmp/layout.html
    chromium --headless --no-sandbox --hide-scrollbars --window-size=1400,1010 \
        --screenshot=docs/images/dashboard-app-scaling.png /tmp/layout.html
"""
import html
import json
import re
import sys

COLUMN = 1360 / 24  # Grafana's 24-column grid on a 1360 px wide page
ROW = 30            # px per grid row (Grafana uses 30 px + margins)
COLOURS = ["#73bf69", "#f2cc0c", "#5794f2", "#ff780a", "#b877d9", "#f2495c"]
FUNCTIONS = re.compile(r"\b(sum|max|min|count|rate|increase|histogram_quantile|sort|vector|by|without|or|and)\b")


def metric_names(expr):
    expr = re.sub(r'"[^"]*"', "", expr)
    expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]|\b(by|without)\s*\([^)]*\)", " ", expr)
    names = re.findall(r"(?<![\w$.])([a-zA-Z_:][\w:]*+)(?!\s*\()", expr)
    return [n for n in dict.fromkeys(names) if not FUNCTIONS.fullmatch(n)]


def panel_html(panel):
    g = panel["gridPos"]
    style = f"left:{g['x'] * COLUMN + 20:.0f}px;top:{g['y'] * ROW + 90}px;width:{g['w'] * COLUMN - 8:.0f}px;" \
            f"height:{g['h'] * ROW - 8}px"
    series = []
    for i, target in enumerate(panel.get("targets", [])):
        legend = target.get("legendFormat") or target.get("expr", "")
        legend = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"<\1>", legend)
        metrics = ", ".join(metric_names(target.get("expr", "")))
        series.append(f'<div class="series"><span class="swatch" style="background:{COLOURS[i % len(COLOURS)]}"></span>'
                      f'{html.escape(legend)}<span class="metric">{html.escape(metrics)}</span></div>')
    unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "")
    return (f'<div class="panel" style="{style}"><div class="title">{html.escape(panel["title"])}</div>'
            f'<div class="kind">{html.escape(panel["type"])}{" · " + html.escape(unit) if unit else ""}</div>'
            f'{"".join(series)}</div>')


def main(path):
    with open(path) as f:
        dashboard = json.load(f)
    variables = " ".join(f'<span class="var">{html.escape(v.get("label") or v["name"])} ▾</span>'
                         for v in dashboard["templating"]["list"])
    annotations = ", ".join(a["name"] for a in dashboard["annotations"]["list"] if not a.get("builtIn"))
    bottom = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in dashboard["panels"])
    print(f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin:0; background:#111217; color:#ccccdc; font:13px Inter, 'DejaVu Sans', sans-serif; }}
.head {{ position:absolute; left:20px; top:14px; right:20px; }}
.head h1 {{ font-size:18px; margin:0 0 8px 0; color:#fff; font-weight:500; }}
.var {{ background:#22252b; border:1px solid #34373d; padding:3px 8px; margin-right:6px; border-radius:2px; }}
.ann {{ color:#ff9830; margin-left:12px; }}
.panel {{ position:absolute; background:#181b1f; border:1px solid #2c3235; border-radius:2px; padding:8px 10px;
          box-sizing:border-box; overflow:hidden; }}
.title {{ color:#fff; font-weight:500; margin-bottom:2px; }}
.kind {{ color:#8e8e8e; font-size:11px; margin-bottom:8px; }}
.series {{ margin:3px 0; white-space:nowrap; }}
.swatch {{ display:inline-block; width:14px; height:4px; margin:0 6px 3px 0; vertical-align:middle; }}
.metric {{ color:#6e9fff; font-family:'DejaVu Sans Mono', monospace; font-size:11px; margin-left:8px; }}
</style></head><body style="height:{bottom * ROW + 100}px">
<div class="head"><h1>{html.escape(dashboard["title"])}</h1>{variables}
<span class="ann">{"annotations: " + html.escape(annotations) if annotations else ""}</span></div>
{"".join(panel_html(p) for p in dashboard["panels"] if p["type"] != "row")}
</body></html>""")


if __name__ == "__main__":
    main(sys.argv[1])
