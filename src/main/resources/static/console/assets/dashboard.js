// The dashboard's live part: every ten seconds the same figures as JSON, the tiles updated and the charts drawn
// with Chart.js (served from its WebJar).
(function () {
  "use strict";
  const root = document.querySelector("main.dashboard");
  if (!root) return;
  const label = (name) => root.dataset[`${name}Label`];
  const green = "#128c7e", red = "#c62828", amber = "#f59f00", blue = "#2446a8", grey = "#9aa5b1";
  const lang = document.documentElement.lang || "en";
  const clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" });
  const charts = {};

  function compact(seconds) {
    if (seconds < 60) return `${seconds} s`;
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
    if (seconds < 86400) { const m = Math.floor(seconds / 60) % 60; return `${Math.floor(seconds / 3600)} h` + (m ? ` ${m} min` : ""); }
    return `${Math.floor(seconds / 86400)} d`;
  }

  function chart(id, datasets, options = {}) {
    const canvas = document.getElementById(id);
    if (!canvas || typeof Chart === "undefined") return;
    if (charts[id]) {
      charts[id].data.labels = datasets.labels;
      datasets.sets.forEach((set, i) => (charts[id].data.datasets[i].data = set.data));
      charts[id].update("none");
      return;
    }
    charts[id] = new Chart(canvas, {
      type: "line",
      data: {
        labels: datasets.labels,
        datasets: datasets.sets.map((set) => ({
          label: set.label, data: set.data, borderColor: set.color, backgroundColor: set.color + "22",
          fill: set.fill ?? false, tension: 0.25, pointRadius: 2, borderWidth: 2, borderDash: set.dash || [],
          yAxisID: set.axis || "y",
        })),
      },
      options: Object.assign({
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
      }, options),
    });
  }

  function render(data) {
    const now = data.now;
    root.querySelectorAll("[data-figure]").forEach((el) => {
      const value = now[el.dataset.figure];
      if (value === null || value === undefined) { el.textContent = "–"; return; }
      el.textContent = el.hasAttribute("data-seconds") ? compact(value)
        : el.dataset.figure === "sendRate" ? value.toFixed(1)
        : el.dataset.figure === "webhookP99Ms" ? Math.round(value)
        : value;
    });
    const labels = data.series.map((p) => clock.format(new Date(p.at)));
    const bucketSeconds = data.range === "day" ? 900 : 60;
    chart("chart-sends", { labels, sets: [
      { label: label("rate"), data: data.series.map((p) => +(p.sent / bucketSeconds).toFixed(2)), color: green, fill: true },
      { label: label("limit"), data: data.series.map(() => now.sendLimit), color: grey, dash: [6, 4] },
      { label: label("failures"), data: data.series.map((p) => p.sendFailures), color: red, axis: "y1" },
    ] }, { scales: { y: { beginAtZero: true }, y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, ticks: { precision: 0 } } } });
    chart("chart-queue", { labels, sets: [
      { label: label("depth"), data: data.series.map((p) => p.queueDepth), color: blue, fill: true },
      { label: label("due"), data: data.series.map((p) => p.stepsDue), color: amber },
    ] });
    chart("chart-webhooks", { labels, sets: [
      { label: label("p99"), data: data.series.map((p) => p.webhookP99Ms), color: red },
    ] }, { scales: { y: { beginAtZero: true, title: { display: true, text: "ms" } } } });
    chart("chart-conversations", { labels, sets: [
      { label: label("open"), data: data.series.map((p) => p.openConversations), color: green, fill: true },
      { label: label("waiting"), data: data.series.map((p) => p.waitingConversations), color: amber },
    ] });
    const failures = document.getElementById("failures");
    if (failures && data.failures.length) {
      failures.replaceChildren(...data.failures.map((f) => {
        const row = document.createElement("tr");
        [f.code, f.title || "", f.failed].forEach((v) => { const td = document.createElement("td"); td.textContent = v; row.append(td); });
        return row;
      }));
    }
  }

  async function refresh() {
    try {
      const response = await fetch(root.dataset.source, { headers: { Accept: "application/json" } });
      if (response.ok) render(await response.json());
    } catch (e) {
      // the next refresh tries again
    }
  }

  window.addEventListener("load", () => { refresh(); setInterval(refresh, 10000); });
})();
