// Chart.js set-ups shared by the pages, drawn in the page's own colours.
"use strict";

window.QuizbotCharts = (() => {
  const charts = new Map();

  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function draw(canvas, config) {
    const old = charts.get(canvas.id);
    if (old) old.destroy();
    Chart.defaults.color = colour("--muted");
    Chart.defaults.borderColor = colour("--line");
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    const chart = new Chart(canvas, config);
    charts.set(canvas.id, chart);
    return chart;
  }

  /** Accuracy (line, left axis, %) and points (bars, right axis) per week. */
  function weekly(canvas, weeks) {
    return draw(canvas, {
      data: {
        labels: weeks.map((w) => w.week),
        datasets: [
          // a week without answers has no accuracy: a gap the line spans, not a drop to 0%
          { type: "line", label: "Accuracy (%)", data: weeks.map((w) => w.answers ? Math.round(w.accuracy * 100) : null),
            yAxisID: "accuracy", spanGaps: true, borderColor: colour("--accent"), backgroundColor: colour("--accent") },
          { type: "bar", label: "Points", data: weeks.map((w) => w.points), yAxisID: "points",
            backgroundColor: colour("--line") },
        ],
      },
      options: {
        scales: {
          accuracy: { position: "left", min: 0, max: 100, title: { display: true, text: "Accuracy (%)" } },
          points: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "Points" } },
        },
      },
    });
  }

  /** Accuracy per topic, best first, as horizontal bars. */
  function topics(canvas, topicList) {
    return draw(canvas, {
      type: "bar",
      data: {
        labels: topicList.map((t) => t.name),
        datasets: [{ label: "Accuracy (%)", data: topicList.map((t) => Math.round(t.accuracy * 100)),
          backgroundColor: topicList.map((t) => t.accuracy >= 0.5 ? colour("--ok") : colour("--error")) }],
      },
      options: { indexAxis: "y", scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
    });
  }

  /** Correct, partial and incorrect answers per round, stacked. */
  function reveals(canvas, rounds) {
    const stack = (label, key, name) => ({ label, data: rounds.map((r) => r[key]), backgroundColor: colour(name), stack: "answers" });
    return draw(canvas, {
      type: "bar",
      data: {
        labels: rounds.map((r) => "#" + r.id),
        datasets: [stack("Correct", "correct", "--ok"), stack("Partial", "partial", "--warn"), stack("Incorrect", "incorrect", "--error")],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  return { weekly, topics, reveals };
})();
