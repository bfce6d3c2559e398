// The statistics charts, drawn with chart.js on a <canvas>. Only the
// chart.js pieces used here are imported and registered (a smaller bundle).
// Chart.js sizes its canvas through element.style (the CSSOM), which the
// app's CSP allows; it adds no <style> element.
//
// A canvas is invisible to screen readers: each chart is role="img" with an
// aria-label summarising it, and the view shows the same numbers in a table.
// Suppressed cells are never drawn as 0: a line has a gap there and a hollow
// diamond on the month axis; a bar is absent and "suppressed" is written in
// its place.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement,
               Legend, Tooltip);

// Series colours (at least 3:1 against white) and point shapes / dashes, so
// colour is never the only way to tell two lines apart.
const COLOURS = ['#1f4f8f', '#a4262c', '#1d6b36', '#7a4b00', '#6b2c91', '#00607a',
                 '#b3007d', '#4f5861', '#8a5a00', '#2d6a4f', '#5c3d99', '#9c2b00'];
const SHAPES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
const INK = '#1d2125';
const MUTED = '#4f5861';

// The style of series `i`.
export function seriesStyle(i) {
  return {
    colour: COLOURS[i % COLOURS.length],
    shape: SHAPES[i % SHAPES.length],
    dash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length],
  };
}

function drawDiamond(ctx, x, y, colour) {
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.fillStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y - 5);
  ctx.lineTo(x + 5, y);
  ctx.lineTo(x, y + 5);
  ctx.lineTo(x - 5, y);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

// Marks suppressed points of a line chart: a hollow diamond in the series'
// colour just above the month axis (stacked when several series are
// suppressed the same month). Each dataset carries `suppressed: [bool]`.
const lineSuppressionMarks = {
  id: 'pillarboxLineSuppression',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    const stack = new Map();
    chart.data.datasets.forEach((dataset, d) => {
      if (!chart.isDatasetVisible(d)) return;
      (dataset.suppressed || []).forEach((suppressed, i) => {
        if (!suppressed) return;
        const level = stack.get(i) || 0;
        stack.set(i, level + 1);
        drawDiamond(ctx, scales.x.getPixelForValue(i), chartArea.bottom - 7 - level * 12, dataset.borderColor);
      });
    });
  },
};

// Writes "suppressed" where a horizontal bar would be.
const barSuppressionLabels = {
  id: 'pillarboxBarSuppression',
  afterDatasetsDraw(chart) {
    const { ctx, scales } = chart;
    const dataset = chart.data.datasets[0];
    if (!dataset) return;
    ctx.save();
    ctx.fillStyle = INK;
    ctx.font = 'italic 13px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    (dataset.suppressed || []).forEach((suppressed, i) => {
      if (suppressed) ctx.fillText('suppressed', scales.x.getPixelForValue(0) + 6, scales.y.getPixelForValue(i));
    });
    ctx.restore();
  },
};

// A chart.js chart on a canvas, re-created when `config` changes and
// destroyed with the component. `label`: the canvas's aria-label; `height`:
// the box's height in px.
function ChartCanvas({ config, label, height, id }) {
  const canvas = useRef(null);
  useEffect(() => {
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart-box" style={{ height: `${height}px` }}>
      <canvas ref={canvas} id={id} role="img" aria-label={label} />
    </div>
  );
}

const baseOptions = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  color: INK,
};

function tooltipLabel(context) {
  const dataset = context.dataset;
  const prefix = dataset.label ? `${dataset.label}: ` : '';
  return dataset.suppressed?.[context.dataIndex] ? `${prefix}suppressed` : `${prefix}${context.formattedValue}`;
}

// One line per series over the months. `series`: [{ label, values: [number
// | null], suppressed: [bool] }]; `months`: axis labels.
// The parent keeps `months` and `series` stable (useMemo) between renders.
export function LineChart({ months, series, label, id }) {
  const config = useMemo(() => ({
    type: 'line',
    data: {
      labels: months,
      datasets: series.map((entry, i) => {
        const style = seriesStyle(i);
        return {
          label: entry.label,
          data: entry.values,
          suppressed: entry.suppressed,
          borderColor: style.colour,
          backgroundColor: style.colour,
          pointStyle: style.shape,
          pointRadius: 4,
          borderDash: style.dash,
          borderWidth: 2,
          spanGaps: false,
        };
      }),
    },
    options: {
      ...baseOptions,
      scales: {
        x: { ticks: { color: INK }, grid: { color: '#e3e6e9' } },
        y: { beginAtZero: true, ticks: { color: INK, precision: 0 }, grid: { color: '#e3e6e9' },
             title: { display: true, text: 'Reports', color: MUTED } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: INK, usePointStyle: true } },
        tooltip: { callbacks: { label: tooltipLabel } },
      },
    },
    plugins: [lineSuppressionMarks],
  }), [months, series]);
  return <ChartCanvas config={config} label={label} id={id} height={340} />;
}

// Horizontal bars, one per category. `bars`: [{ label, value: number |
// null, suppressed: bool }].
// The parent keeps `bars` stable (useMemo) between renders.
export function BarChart({ bars, label, id }) {
  const config = useMemo(() => ({
    type: 'bar',
    data: {
      labels: bars.map((bar) => bar.label),
      datasets: [{
        label: 'Reports',
        data: bars.map((bar) => bar.value),
        suppressed: bars.map((bar) => bar.suppressed),
        backgroundColor: COLOURS[0],
        borderColor: COLOURS[0],
      }],
    },
    options: {
      ...baseOptions,
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, ticks: { color: INK, precision: 0 }, grid: { color: '#e3e6e9' },
             title: { display: true, text: 'Reports', color: MUTED } },
        y: { ticks: { color: INK, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: tooltipLabel } },
      },
    },
    plugins: [barSuppressionLabels],
  }), [bars]);
  return <ChartCanvas config={config} label={label} id={id} height={Math.max(160, 60 + bars.length * 34)} />;
}
