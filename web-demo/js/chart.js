// A canvas line chart of numbers against their item index, zoomable to a
// range: drag across it to zoom in, double-click (or reset()) to see all.
// It draws a series it is given for a range of items (records.js's
// decimate, made in the Worker): the values themselves, or past two per
// pixel column each column's min and max as one vertical stroke, so a
// million values cost the page a few thousand numbers. Zooming and a new
// width ask for a new series (onZoom, onWidth).
import { canvasContext } from './util.js';
export class LineChart {
  length = 0; // items in all
  from = 0; // first index shown
  to = 0; // one past the last index shown
  series = null; // {from, to, values} or {from, to, min, max}
  #drag = null;
  #width = 0; // the plot width the last series was asked for
  #onZoom = () => {};
  #onWidth = () => {};

  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas, { onZoom, onWidth } = {}) {
    this.canvas = canvas;
    if (onZoom) this.#onZoom = onZoom;
    if (onWidth) this.#onWidth = onWidth;
    canvas.addEventListener('mousedown', (e) => {
      this.#drag = { x0: this.#x(e), x1: this.#x(e) };
    });
    canvas.addEventListener('mousemove', (e) => {
      if (!this.#drag) return;
      this.#drag.x1 = this.#x(e);
      this.draw();
    });
    window.addEventListener('mouseup', () => {
      if (!this.#drag) return;
      const { x0, x1 } = this.#drag;
      this.#drag = null;
      if (Math.abs(x1 - x0) > 4) {
        const a = this.#indexAt(Math.min(x0, x1));
        const b = this.#indexAt(Math.max(x0, x1)) + 1;
        this.zoom(a, b);
      } else this.draw();
    });
    canvas.addEventListener('dblclick', () => this.reset());
    new ResizeObserver(() => {
      this.draw();
      const w = this.plotWidth;
      if (this.canvas.clientWidth > 0 && w !== this.#width) this.#onWidth(w);
    }).observe(canvas);
    // The colours come from CSS variables: redraw when the system theme flips.
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.draw());
  }

  #x(e) {
    return e.clientX - this.canvas.getBoundingClientRect().left;
  }

  // Plot area inside the canvas, in CSS pixels: room on the left for the axis labels.
  #area() {
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    return { x: 64, y: 10, w: Math.max(10, w - 76), h: Math.max(10, h - 32) };
  }

  #indexAt(px) {
    const { x, w } = this.#area();
    const t = Math.max(0, Math.min(1, (px - x) / w));
    return Math.min(this.to - 1, this.from + Math.floor(t * (this.to - this.from)));
  }

  /** The plot area's width in whole CSS pixels: the pixel columns a series is decimated to. */
  get plotWidth() {
    return Math.floor(this.#area().w);
  }

  /** A new set of `n` items, all in range, no series yet (setSeries draws it). */
  setLength(n) {
    this.length = n;
    this.from = 0;
    this.to = n;
    this.series = null;
    this.draw();
  }

  /** The series to draw (asked for the current range at plotWidth). */
  setSeries(series) {
    this.series = series;
    this.#width = this.plotWidth;
    this.draw();
  }

  zoom(from, to) {
    this.from = Math.max(0, Math.min(from, this.length - 1));
    this.to = Math.max(this.from + 1, Math.min(to, this.length));
    this.draw();
    this.#onZoom(this.from, this.to);
  }

  reset() {
    this.zoom(0, this.length);
  }

  draw() {
    const c = this.canvas;
    const sized = canvasContext(c);
    if (sized === null) return;
    const { g } = sized;
    const css = getComputedStyle(c);
    const ink = css.getPropertyValue('--chart-ink').trim() || '#333';
    const line = css.getPropertyValue('--chart-line').trim() || '#2563eb';
    const grid = css.getPropertyValue('--chart-grid').trim() || '#e5e7eb';
    const area = this.#area();
    g.font = '11px ui-monospace, monospace';
    g.fillStyle = ink;
    const s = this.series;
    if (this.length === 0 || !s || s.to <= s.from) {
      g.fillText(this.length === 0 ? 'no values' : 'reading…', area.x + 8, area.y + 16);
      return;
    }
    const n = s.to - s.from;
    const points = s.values ?? [...s.min, ...s.max];
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of points) {
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (lo === Infinity) {
      g.fillText('no finite values to plot', area.x + 8, area.y + 16);
      return;
    }
    if (lo === hi) {
      lo -= 1;
      hi += 1;
    }
    const yOf = (v) => area.y + area.h - ((v - lo) / (hi - lo)) * area.h;
    const xOf = (i) => area.x + (n === 1 ? area.w / 2 : (i / (n - 1)) * area.w);
    // Grid and labels: five horizontal lines with their values.
    g.strokeStyle = grid;
    g.lineWidth = 1;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (let k = 0; k <= 4; k++) {
      const v = lo + ((hi - lo) * k) / 4;
      const y = Math.round(yOf(v)) + 0.5;
      g.beginPath();
      g.moveTo(area.x, y);
      g.lineTo(area.x + area.w, y);
      g.stroke();
      g.fillText(formatTick(v), area.x - 6, y);
    }
    g.textAlign = 'left';
    g.textBaseline = 'top';
    g.fillText(`item ${s.from}`, area.x, area.y + area.h + 6);
    g.textAlign = 'right';
    g.fillText(`item ${s.to - 1}`, area.x + area.w, area.y + area.h + 6);
    // The line itself.
    g.strokeStyle = line;
    g.lineWidth = 1.5;
    g.beginPath();
    if (s.values) {
      let pen = false;
      for (let i = 0; i < n; i++) {
        const v = s.values[i];
        if (!Number.isFinite(v)) {
          pen = false;
          continue;
        }
        if (pen) g.lineTo(xOf(i), yOf(v));
        else g.moveTo(xOf(i), yOf(v));
        pen = true;
      }
    } else {
      // Many points per pixel: one min–max stroke per pixel column.
      const cols = s.min.length;
      for (let px = 0; px < cols; px++) {
        if (Number.isNaN(s.min[px])) continue;
        const x = area.x + ((px + 0.5) * area.w) / cols;
        g.moveTo(x, yOf(s.min[px]));
        g.lineTo(x, yOf(s.max[px]) - 0.5);
      }
    }
    g.stroke();
    if (s.values && n <= 64) {
      g.fillStyle = line;
      for (let i = 0; i < n; i++) {
        const v = s.values[i];
        if (Number.isFinite(v)) g.fillRect(xOf(i) - 2, yOf(v) - 2, 4, 4);
      }
    }
    // The range being dragged.
    if (this.#drag) {
      g.fillStyle = 'rgba(37, 99, 235, 0.15)';
      const x0 = Math.max(area.x, Math.min(this.#drag.x0, this.#drag.x1));
      const x1 = Math.min(area.x + area.w, Math.max(this.#drag.x0, this.#drag.x1));
      g.fillRect(x0, area.y, Math.max(0, x1 - x0), area.h);
    }
  }
}

function formatTick(v) {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, '');
}
