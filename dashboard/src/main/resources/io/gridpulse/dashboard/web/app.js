// The GridPulse operator page: reads the selection from the URL, asks the server's JSON endpoints for each panel and
// redraws them in place every few seconds. It never sees InfluxQL; all text goes in through textContent.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { config: null, charts: {}, timer: null, lastError: null };

// ---- selection in the URL -----------------------------------------------------------------------------------------

function selection() {
  const p = new URLSearchParams(location.search);
  return { district: p.get("district") || "", feeder: p.get("feeder") || "", meter: p.get("meter") || "",
    range: p.get("range") || "P1D", to: p.get("to") || "" };
}

function select(changes) {
  const next = Object.assign(selection(), changes);
  const p = new URLSearchParams();
  for (const key of ["district", "feeder", "meter", "range", "to"]) {
    if (next[key]) p.set(key, next[key]);
  }
  history.replaceState(null, "", "?" + p.toString());
  refresh();
}

function query(names) {
  const s = selection();
  const p = new URLSearchParams();
  for (const key of names) {
    if (s[key]) p.set(key, s[key]);
  }
  return p.toString();
}

// ---- formatting ---------------------------------------------------------------------------------------------------

let timeFormat, dayFormat;

function setZone(zone) {
  timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "2-digit", month: "short",
    hour: "2-digit", minute: "2-digit", hour12: false });
  dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "2-digit", month: "short",
    year: "numeric" });
  $("zone").textContent = zone;
}

const time = (iso) => (iso ? timeFormat.format(new Date(iso)) : "–");
const day = (iso) => (iso ? dayFormat.format(new Date(iso)) : "–");
const num = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "–"
  : Number(v).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const pct = (fraction, digits = 1) => (fraction === null || fraction === undefined ? "–"
  : num(100 * fraction, digits) + "%");
const seconds = (iso) => new Date(iso).getTime() / 1000;

function ago(iso, now) {
  if (!iso) return "–";
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (s < 120) return s + " s ago";
  if (s < 7200) return Math.round(s / 60) + " min ago";
  if (s < 172800) return Math.round(s / 3600) + " h ago";
  return Math.round(s / 86400) + " days ago";
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function fill(tbody, items, render, emptyText, columns) {
  tbody.replaceChildren();
  if (items.length === 0) {
    const tr = document.createElement("tr");
    const td = cell(tr, emptyText, "empty");
    td.colSpan = columns;
    tbody.appendChild(tr);
    return;
  }
  for (const item of items) {
    const tr = document.createElement("tr");
    render(tr, item);
    tbody.appendChild(tr);
  }
}

// ---- fetching -----------------------------------------------------------------------------------------------------

class ApiError extends Error {}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = await response.json().catch(() => ({ error: "the dashboard server sent no JSON" }));
  if (!response.ok) throw new ApiError(body.error || "HTTP " + response.status);
  return body;
}

function showError(message) {
  const banner = $("error");
  banner.hidden = !message;
  banner.textContent = message || "";
}

// ---- panels -------------------------------------------------------------------------------------------------------

function renderOverview(data) {
  const newest = Math.max(0, ...data.districts.filter((d) => d.dataAsOf).map((d) => new Date(d.dataAsOf).getTime()));
  $("window").textContent = time(data.from) + " – " + time(data.to) + (data.following ? " (newest data)" : "");
  fill($("overview").tBodies[0], data.districts, (tr, d) => {
    tr.dataset.district = d.district;
    if (d.district === selection().district) tr.classList.add("selected");
    // A district more than half an hour behind the newest one is stale: its meters or its feed are late.
    if (d.dataAsOf && newest - new Date(d.dataAsOf).getTime() > 30 * 60 * 1000) tr.classList.add("stale");
    const name = cell(tr, d.district, "district");
    name.style.cursor = "pointer";
    name.addEventListener("click", () => select({ district: d.district, feeder: "", meter: "" }));
    cell(tr, time(d.dataAsOf), "as-of").dataset.time = d.dataAsOf || "";
    cell(tr, (d.metersReporting ?? "–") + " of " + (d.metersKnown ?? "–"), "meters-reporting num");
    cell(tr, pct(d.completeness), "completeness num");
    cell(tr, pct(d.estimatedFraction), "estimated num");
    cell(tr, num(d.demandKw) + " kW", "demand num");
    const open = d.openAnomalies;
    const total = open.CRITICAL + open.WARNING + open.INFO;
    const td = cell(tr, "", "open-anomalies");
    td.dataset.total = total;
    for (const severity of ["CRITICAL", "WARNING", "INFO"]) {
      const span = document.createElement("span");
      span.className = "sev-" + severity;
      span.dataset.severity = severity;
      span.textContent = open[severity] + " " + severity.toLowerCase() + " ";
      td.appendChild(span);
    }
  }, "No district has written anything yet.", 7);
}

function curveMeta(curve) {
  if (!curve || curve.points.length === 0) return "no quarter hours in this range";
  return "as of " + time(curve.asOf) + " · " + curve.points.length + " quarter hours · completeness "
    + pct(curve.completeness) + " · estimated " + pct(curve.estimatedFraction) + " of " + num(curve.energyKwh, 1)
    + " kWh";
}

function peakText(curve) {
  return curve && curve.peak ? "Peak " + num(curve.peak.demandKw) + " kW in the quarter hour from "
    + time(curve.peak.t) : "";
}

function chart(key, element, series, data, extra = {}) {
  const width = Math.max(300, element.clientWidth || element.parentElement.clientWidth - 24);
  const options = Object.assign({ width, height: extra.height || 220, series: [{}, ...series],
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), state.config.zone), legend: { live: true },
    scales: { x: { time: true } }, axes: [{}, { size: 60 }] }, extra.options || {});
  const old = state.charts[key];
  if (old && old.series.length === series.length + 1 && old.width === width) {
    old.setData(data);
    old.redraw(false, true);
    return;
  }
  if (old) old.destroy();
  element.replaceChildren();
  state.charts[key] = new uPlot(options, data, element);
}

function markPeak(peakOf) {
  return {
    hooks: {
      draw: [(u) => {
        const peak = peakOf();
        if (!peak) return;
        const x = u.valToPos(seconds(peak.t), "x", true);
        const y = u.valToPos(peak.demandKw, "y", true);
        const ctx = u.ctx;
        ctx.save();
        ctx.fillStyle = "#b3261e";
        ctx.beginPath();
        ctx.arc(x, y, 5 * devicePixelRatio, 0, 2 * Math.PI);
        ctx.fill();
        ctx.font = 12 * devicePixelRatio + "px sans-serif";
        ctx.fillText("peak " + num(peak.demandKw) + " kW", x + 8 * devicePixelRatio, y - 4 * devicePixelRatio);
        ctx.restore();
      }],
    },
  };
}

function renderCurve(key, curve, chartId, metaId, peakId) {
  $(metaId).textContent = curveMeta(curve);
  $(peakId).textContent = peakText(curve);
  const points = curve ? curve.points : [];
  state.peaks = state.peaks || {};
  state.peaks[key] = curve ? curve.peak : null;
  chart(key, $(chartId), [
    { label: "demand kW", stroke: "#24598f", width: 2, value: (u, v) => num(v) },
    { label: "of which estimated kW", stroke: "#a15c00", fill: "rgba(161,92,0,0.25)", dash: [4, 3],
      points: { show: false }, value: (u, v) => num(v) },
  ], [points.map((p) => seconds(p.t)), points.map((p) => p.demandKw), points.map((p) => p.estimatedKw)],
  { options: { plugins: [markPeak(() => state.peaks[key])] } });
}

function renderDemand(data) {
  renderCurve("district", data.district, "demand-chart", "demand-meta", "demand-peak");
  $("feeder-block").hidden = !data.feeder;
  if (data.feeder) {
    $("feeder-name").textContent = data.feeder.group;
    renderCurve("feeder", data.feeder, "feeder-chart", "feeder-meta", "feeder-peak");
  }
}

function subject(a, tr) {
  const td = cell(tr, "", "subject");
  if (a.meter) {
    const link = document.createElement("a");
    link.className = "meter-link";
    link.textContent = a.meter;
    link.addEventListener("click", () => select({ meter: a.meter }));
    td.appendChild(link);
    td.appendChild(document.createTextNode(" (" + a.feeder + ")"));
  } else {
    td.textContent = "feeder " + a.feeder;
  }
}

function renderAnomalies(data) {
  $("anomalies-meta").textContent = data.open.length + " open now · resolved ones that started " + time(data.from)
    + " – " + time(data.to);
  fill($("open-anomalies").tBodies[0], data.open, (tr, a) => {
    tr.dataset.anomalyId = a.id;
    tr.dataset.type = a.type;
    if (a.type === "FEEDER_OUTAGE") tr.classList.add("outage");
    cell(tr, a.type, "type");
    cell(tr, a.severity, "severity sev-" + a.severity);
    subject(a, tr);
    cell(tr, time(a.since), "since").dataset.time = a.since;
    cell(tr, num(a.expected, 2) + " " + (a.unit || ""), "expected num");
    cell(tr, num(a.actual, 2) + " " + (a.unit || ""), "actual num");
    cell(tr, a.message || "", "message");
  }, "No open anomalies in this district.", 7);
  fill($("resolved-anomalies").tBodies[0], data.resolved, (tr, a) => {
    tr.dataset.anomalyId = a.id;
    tr.dataset.type = a.type;
    cell(tr, a.type, "type");
    cell(tr, a.severity, "severity sev-" + a.severity);
    subject(a, tr);
    cell(tr, time(a.since), "since");
    cell(tr, time(a.end), "end");
    cell(tr, a.message || "", "message");
  }, "None resolved in this range.", 6);
}

function renderDaily(data) {
  const baseline = new Map(data.baseline.map((b) => [b.t, b]));
  const periodDays = Math.round((new Date(data.from) - new Date(data.previousFrom)) / 86400000);
  $("daily-meta").textContent = "the " + periodDays + " days to " + time(data.to) + ", each against the same"
    + " weekday of the " + periodDays + " days before";
  fill($("daily").tBodies[0], data.days, (tr, d) => {
    tr.dataset.day = d.t;
    cell(tr, day(d.t) + (d.complete ? "" : " (so far)"), "day");
    cell(tr, num(d.energyKwh, 1), "energy num");
    cell(tr, num(d.estimatedKwh, 1), "estimated num");
    cell(tr, pct(d.completeness), "completeness num");
    cell(tr, num(d.previousKwh, 1), "previous num");
    cell(tr, d.previousKwh ? pct(d.energyKwh / d.previousKwh - 1) : "–", "change num");
    const b = baseline.get(d.t);
    cell(tr, b ? num(b.predictedKwh, 1) : "–", "baseline num");
    cell(tr, b && b.predictedKwh ? pct(1 - b.actualKwh / b.predictedKwh) : "–", "below-baseline num");
  }, "No local day in this range yet.", 8);
  const xs = data.days.map((d) => seconds(d.t));
  // Each day's bar to the right of its tick, the previous period's to the left, so both show.
  const bars = uPlot.paths.bars({ size: [0.35, 40], align: 1 });
  const previousBars = uPlot.paths.bars({ size: [0.35, 40], align: -1 });
  chart("daily", $("daily-chart"), [
    { label: "kWh", stroke: "#24598f", fill: "rgba(36,89,143,0.5)", paths: bars, value: (u, v) => num(v) },
    { label: "previous period kWh", stroke: "#8a96a8", fill: "rgba(138,150,168,0.4)", paths: previousBars,
      value: (u, v) => num(v) },
    { label: "baseline kWh", stroke: "#1d7a3a", width: 2, dash: [6, 3], value: (u, v) => num(v) },
  ], [xs, data.days.map((d) => d.energyKwh), data.days.map((d) => d.previousKwh),
    data.days.map((d) => (baseline.get(d.t) || {}).predictedKwh ?? null)], { height: 160, options: {
    // Half a day either side, so the first and last days' bars are whole; energy from zero.
    scales: { x: { time: true, range: (u, min, max) => [min - 43200, max + 43200] },
      y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } } } });
  renderSavings(data);
}

function renderSavings(data) {
  const s = data.savingsStatus;
  if (!s) {
    $("savings").textContent = "Live savings are off for this district (no district_savings points; savings.reporting-start"
      + " turns them on: docs/analysts.md, Live savings in the monitor job).";
    $("savings-chart").replaceChildren();
    if (state.charts.savings) { state.charts.savings.destroy(); delete state.charts.savings; }
    return;
  }
  const statuses = Object.entries(s.metersByStatus).map(([k, v]) => v + " " + k).join(", ");
  $("savings").textContent = "Savings " + num(s.savingsPct, 2) + "% ± " + num(s.bandPct, 2) + " points (90%) of"
    + " the weather-normalised baseline over " + s.countedDays + " days up to " + day(s.day) + "; target "
    + num(s.targetPct, 1) + "% — " + (s.onTrack ? "on track" : "short of it") + "; projected "
    + (s.projectedPct == null ? "–" : num(s.projectedPct, 2) + "%") + " at the programme's end. Meters that day: "
    + statuses + ".";
  const pts = data.savings;
  chart("savings", $("savings-chart"), [
    { label: "savings %", stroke: "#1d7a3a", width: 2, value: (u, v) => num(v, 2) },
    { label: "upper 90%", stroke: "rgba(29,122,58,0.3)", value: (u, v) => num(v, 2) },
    { label: "lower 90%", stroke: "rgba(29,122,58,0.3)", value: (u, v) => num(v, 2) },
    { label: "target %", stroke: "#b3261e", dash: [6, 3], value: (u, v) => num(v, 1) },
  ], [pts.map((p) => seconds(p.t)), pts.map((p) => p.savingsPct),
    pts.map((p) => (p.savingsPct == null || p.bandPct == null ? null : p.savingsPct + p.bandPct)),
    pts.map((p) => (p.savingsPct == null || p.bandPct == null ? null : p.savingsPct - p.bandPct)),
    pts.map((p) => p.targetPct)], { height: 160, options: { bands: [{ series: [2, 3], fill: "rgba(29,122,58,0.12)" }] } });
}

function renderMeter(data) {
  const panel = $("meter-meta");
  if (!data) {
    panel.textContent = "pick a meter";
    $("meter-chart").replaceChildren();
    $("meter-anomalies").replaceChildren();
    if (state.charts.meter) { state.charts.meter.destroy(); delete state.charts.meter; }
    return;
  }
  const estimated = data.quarters.reduce((a, q) => a + q.estimatedKwh, 0);
  const energy = data.quarters.reduce((a, q) => a + q.energyKwh, 0);
  panel.textContent = data.meter + " · as of " + time(data.asOf) + " · " + data.quarters.length + " quarter hours, "
    + num(energy, 2) + " kWh, of which " + num(estimated, 2) + " kWh estimated · " + data.anomalies.length
    + " anomalies marked";
  state.meterAnomalies = data.anomalies;
  const q = data.quarters;
  chart("meter", $("meter-chart"), [
    { label: "kWh per 15 min", stroke: "#24598f", width: 1.5, value: (u, v) => num(v, 3) },
    { label: "of which estimated", stroke: "#a15c00", fill: "rgba(161,92,0,0.25)", points: { show: false },
      value: (u, v) => num(v, 3) },
  ], [q.map((p) => seconds(p.t)), q.map((p) => p.energyKwh), q.map((p) => p.estimatedKwh)], {
    options: { hooks: { drawClear: [(u) => {
      // Each anomaly as a shaded band over its time range (an open one to the right edge).
      const ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = "rgba(179,38,30,0.15)";
      for (const a of state.meterAnomalies || []) {
        const x0 = u.valToPos(seconds(a.since), "x", true);
        const x1 = a.end ? u.valToPos(seconds(a.end), "x", true) : u.bbox.left + u.bbox.width;
        ctx.fillRect(Math.max(x0, u.bbox.left), u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
      }
      ctx.restore();
    }] } },
  });
  const list = $("meter-anomalies");
  list.replaceChildren();
  for (const a of data.anomalies) {
    const li = document.createElement("li");
    li.dataset.anomalyId = a.id;
    li.textContent = a.type + " (" + a.state.toLowerCase() + ", " + a.severity.toLowerCase() + ") from "
      + time(a.since) + (a.end ? " to " + time(a.end) : "") + ": " + (a.message || "");
    list.appendChild(li);
  }
}

function renderQuality(data) {
  const feeders = Object.values(data.feeders);
  $("quality-meta").textContent = time(data.from) + " – " + time(data.to);
  fill($("quality").tBodies[0], feeders, (tr, f) => {
    tr.dataset.feeder = f.feeder;
    cell(tr, f.feeder, "feeder");
    cell(tr, Object.entries(f.outcomes).map(([k, v]) => k + " " + v).join(", ") || "–", "outcomes");
    cell(tr, String(f.gaps), "gaps num");
    cell(tr, String(f.missingReadings), "missing num");
    cell(tr, num(f.unattributedKwh, 3), "unattributed num");
  }, "No readings repaired, estimated, late or rejected in this district and range.", 5);
  $("late").textContent = "Late readings: " + data.lateAccepted + " accepted within the allowed lateness, "
    + data.lateRejected + " too late (kept in the late topic).";
  fill($("dead-letters").tBodies[0], Object.entries(data.deadLetters), (tr, [reason, count]) => {
    tr.dataset.reason = reason;
    cell(tr, reason, "reason");
    cell(tr, String(count), "count num");
  }, "No dead letters in this range.", 2);
}

function renderHealth(data) {
  const now = new Date(data.checkedAt).getTime();
  $("health-meta").textContent = data.reachable ? "checked " + time(data.checkedAt) : data.error;
  fill($("health").tBodies[0], data.jobs, (tr, j) => {
    tr.dataset.job = j.id;
    cell(tr, j.name, "name");
    cell(tr, j.state, "state state-" + j.state);
    tr.dataset.checkpointAge = j.lastCheckpointAgeSeconds ?? "";
    cell(tr, j.lastCheckpoint ? ago(j.lastCheckpoint, now) + " (" + j.checkpointsCompleted + " done, "
      + j.checkpointsFailed + " failed)" : "none yet", "checkpoint");
    cell(tr, j.watermark ? time(j.watermark) + " (" + ago(j.watermark, now).replace(" ago", "") + " behind the clock)"
      : "–", "watermark");
    cell(tr, j.readingsPerSecond == null ? "–" : num(j.readingsPerSecond, 0), "rate num");
    renderAnomalyStage(cell(tr, "", "anomaly-stage"), j);
  }, data.reachable ? "No Flink job on this cluster." : "Flink does not answer: is the monitor job running?", 6);
}

// The anomaly stage's counters, from the job's tasks' last start: "–" until Flink has them, or without the stage.
function renderAnomalyStage(td, j) {
  const line = (className, text, explanation) => {
    const div = document.createElement("div");
    div.className = className;
    div.textContent = text;
    div.title = explanation;
    td.appendChild(div);
  };
  line("meters-learning", "meters learning: " + (j.metersSeen == null ? "–" : num(j.metersLearning, 0) + " of "
    + num(j.metersSeen, 0) + " (not yet judged for energy anomalies)"),
    "Meters whose detectors are still in their warm-up, learning the meter's week: no energy anomaly is raised for "
    + "them yet (voltage and silence are). After a restart, meters are counted again as they send.");
  line("crowds-suppressed", "weather crowds suppressed: "
    + (j.crowdSuppressed == null ? "–" : num(j.crowdSuppressed, 0)),
    "Sustained high use and high base load dropped because many meters of a district rose together: the weather or "
    + "a grid event, not the households. Counted since the job's tasks last started.");
}

// ---- refresh loop -------------------------------------------------------------------------------------------------

async function loadFeeders(district) {
  const feeders = district ? await api("api/feeders?district=" + encodeURIComponent(district)) : [];
  const box = $("feeder");
  const current = selection().feeder;
  box.replaceChildren(new Option("all feeders", ""));
  for (const f of feeders) box.appendChild(new Option(f, f, false, f === current));
}

async function refresh() {
  clearTimeout(state.timer);
  const s = selection();
  $("range").value = s.range;
  $("live").classList.toggle("on", !s.to);
  $("meter").value = s.meter;
  const errors = [];
  const guard = (promise, render) => promise.then(render).catch((e) => {
    errors.push(e instanceof ApiError ? e.message : "the dashboard server does not answer");
  });
  try {
    state.config = await api("api/config");
    setZone(state.config.zone);
    const districts = state.config.districts;
    const box = $("district");
    if (box.options.length !== districts.length || [...box.options].some((o, i) => o.value !== districts[i])) {
      box.replaceChildren(...districts.map((d) => new Option(d, d)));
    }
    if (!s.district && districts.length > 0) {
      select({ district: districts[0] });
      return;
    }
    box.value = s.district;
    const range = query(["range", "to"]);
    const district = query(["district", "range", "to"]);
    const tasks = [guard(api("api/overview?" + range), renderOverview), guard(api("api/health"), renderHealth)];
    if (s.district) {
      tasks.push(guard(loadFeeders(s.district), () => {}));
      tasks.push(guard(api("api/demand?" + query(["district", "feeder", "range", "to"])), renderDemand));
      tasks.push(guard(api("api/daily?" + district), renderDaily));
      tasks.push(guard(api("api/anomalies?" + district), renderAnomalies));
      tasks.push(guard(api("api/quality?" + district), renderQuality));
    }
    tasks.push(s.meter ? guard(api("api/meter?" + query(["meter", "range", "to"])), renderMeter)
      : Promise.resolve(renderMeter(null)));
    await Promise.all(tasks);
  } catch (e) {
    errors.push(e instanceof ApiError ? e.message : "the dashboard server does not answer");
  }
  showError([...new Set(errors)].join("; "));
  const every = state.config ? state.config.refreshSeconds : 5;
  $("refreshed").textContent = "updated " + new Date().toLocaleTimeString("en-GB") + " · every " + every + " s";
  document.body.dataset.refreshed = String(Date.now());
  state.timer = setTimeout(refresh, every * 1000);
}

document.addEventListener("DOMContentLoaded", () => {
  $("district").addEventListener("change", (e) => select({ district: e.target.value, feeder: "", meter: "" }));
  $("feeder").addEventListener("change", (e) => select({ feeder: e.target.value }));
  $("range").addEventListener("change", (e) => select({ range: e.target.value }));
  $("live").addEventListener("click", () => select({ to: "" }));
  $("meter-form").addEventListener("submit", (e) => { e.preventDefault(); select({ meter: $("meter").value.trim() }); });
  $("meter-clear").addEventListener("click", () => select({ meter: "" }));
  refresh();
});
