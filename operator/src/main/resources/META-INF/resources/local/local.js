// Homeostat local mode page: polls /local/api/run and draws, per app, load, replicas and lag with uPlot.
"use strict";

const REFRESH_MS = 2000;
const charts = new Map();

const CHARTS = [
  { id: "load", title: "records/s: in, processed, forecast",
    series: [["rateIn", "rate in", "#1f77b4"], ["processed", "processed", "#2ca02c"], ["forecast", "forecast", "#ff7f0e"]] },
  { id: "replicas", title: "replicas: ready, desired",
    series: [["ready", "ready", "#9467bd"], ["desired", "desired", "#8c564b"]] },
  { id: "lag", title: "lag (records), anomaly score ×1000",
    series: [["lag", "lag", "#d62728"], ["anomalyScaled", "anomaly ×1000", "#7f7f7f"]] },
];

function section(app) {
  let el = document.getElementById("app-" + app.name);
  if (el) return el;
  el = document.createElement("section");
  el.className = "app";
  el.id = "app-" + app.name;
  el.innerHTML = `<h2></h2><p class="facts"></p>`
    + `<p class="oom">predicted time to out-of-memory: <span class="oom-in">-</span></p><div class="charts"></div>`;
  el.querySelector("h2").textContent = `${app.name} (${app.kind})`;
  document.getElementById("apps").appendChild(el);
  return el;
}

function draw(app) {
  const el = section(app);
  const decisions = Object.entries(app.decisions || {}).map(([k, v]) => `${k} ${v}`).join(", ") || "none yet";
  const anomalies = (app.anomalies || []).join("; ") || "none";
  el.querySelector(".facts").textContent = `decisions: ${decisions} · anomalies: ${anomalies}`;
  // The terminal's OOM-IN column: the operator's homeostat_time_to_oom_seconds, "-" without a growing heap.
  const oom = el.querySelector(".oom-in");
  oom.textContent = app.timeToOom || "-";
  oom.dataset.seconds = app.timeToOomSeconds == null ? "" : String(app.timeToOomSeconds);
  el.querySelector(".oom").classList.toggle("warning", app.timeToOomSeconds != null);
  app.anomalyScaled = (app.anomaly || []).map(v => v == null ? null : v * 1000);
  for (const spec of CHARTS) {
    const key = app.name + "/" + spec.id;
    const data = [app.t, ...spec.series.map(([field]) => app[field] || [])];
    let chart = charts.get(key);
    if (!chart) {
      const box = document.createElement("div");
      box.className = "chart";
      box.dataset.chart = key;
      box.innerHTML = `<h3>${spec.title}</h3>`;
      el.querySelector(".charts").appendChild(box);
      chart = new uPlot({
        width: 420, height: 200,
        series: [{}, ...spec.series.map(([, label, color]) => ({ label, stroke: color, width: 1.5 }))],
        axes: [{}, { size: 60 }],
      }, data, box);
      charts.set(key, chart);
    } else {
      chart.setData(data);
    }
    chart.root.parentElement.dataset.points = String(app.t.length);
  }
}

async function refresh() {
  try {
    const response = await fetch("api/run", { cache: "no-store" });
    if (!response.ok) {
      document.getElementById("status").textContent = "local mode is not running (" + response.status + ")";
      return;
    }
    const run = await response.json();
    run.apps.forEach(draw);
    const status = document.getElementById("status");
    status.textContent = run.summary
      ? `run ended: ${run.summary.recordsProduced} records produced, ${run.summary.recordsLost} lost`
      : `${run.apps.length} apps, updated ${new Date().toLocaleTimeString()}`;
    status.dataset.apps = String(run.apps.length);
  } catch (e) {
    document.getElementById("status").textContent = "operator not reachable: " + e.message;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
