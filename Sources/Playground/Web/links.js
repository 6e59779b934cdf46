// The network's links, rasterised here into one image rather than stroked by the canvas one by one.
//
// Chromium's canvas strokes a thick antialiased curve at a high fixed cost per path: on the 16×16
// preset its 368 links took 14–20 ms a frame to stroke on the test machine whatever their width
// (one path per colour bucket, straight lines or filled outlines cost as much), about a third of
// the page's drawing. A link here is the same cubic Bézier the canvas drew (control points at the
// middle column, so y is a smoothstep of x), painted column by column: each pixel's coverage is how
// much of it, measured across the curve's tangent, lies within half the width of the curve (exact
// for a straight stretch; the antialiasing of both edges), blended source-over at the link's alpha
// in the order drawn. Scripts/playground/links-check
// compares the two renderings pixel by pixel and times them.

/** Links drawn into an ImageData the size of a canvas (device pixels). */
export class LinkRaster {
  constructor() { this.width = 0; this.height = 0; }

  /** Draws `links` ({curve: [x1, y1, mx, x2, y2] in CSS pixels, rgb: [r, g, b], width: CSS pixels,
   * alpha}) on a transparent width×height image, `ratio` device pixels per CSS pixel; returns it. */
  draw(links, width, height, ratio) {
    if (width !== this.width || height !== this.height || ratio !== this.ratio) this.resize(width, height, ratio);
    this.sums.fill(0, this.from * height, (this.to + 1) * height);
    let from = width, to = -1;
    for (const link of links) {
      const band = this.band(link.curve[0] * ratio, link.curve[3] * ratio);
      if (band.n === 0) continue;
      from = Math.min(from, band.x0); to = Math.max(to, band.x0 + band.n - 1);
      this.paint(link, band, ratio);
    }
    this.unpremultiply(Math.min(from, this.from), Math.max(to, this.to));
    this.from = from; this.to = to;
    return this.image;
  }

  resize(width, height, ratio) {
    Object.assign(this, { width, height, ratio, bands: new Map(), from: width, to: -1 });
    this.sums = new Uint32Array(width * height);  // premultiplied RGBA, column by column (a link is drawn down columns)
    this.image = new ImageData(width, height);
    this.pixels = new Uint32Array(this.image.data.buffer);
  }

  /** One link, column by column: in each, the pixels within half the width (and half a pixel) of the curve. */
  paint(link, band, ratio) {
    const H = this.height, sums = this.sums, y1 = link.curve[1] * ratio, dy = (link.curve[4] - link.curve[1]) * ratio;
    const half = link.width * ratio / 2, reach = half + 0.5, [cr, cg, cb] = link.rgb, { h, slope, cover } = band;
    for (let k = 0; k < band.n; k++) {
      const yc = y1 + dy * h[k], s = dy * slope[k], secant = Math.sqrt(1 + s * s), across = 1 / secant, extent = reach * secant;
      const top = Math.max(0, Math.ceil(yc - extent - 0.5)), bottom = Math.min(H - 1, Math.floor(yc + extent - 0.5));
      const edge = cover[k] * link.alpha, column = (band.x0 + k) * H;
      for (let y = top; y <= bottom; y++) {
        // The pixel's width across the line (centred at its distance from the tangent) that the line covers.
        const d = Math.abs(y + 0.5 - yc) * across, inside = Math.min(half, d + 0.5) - Math.max(-half, d - 0.5);
        if (inside <= 0) continue;
        const a = inside * edge, keep = 1 - a, v = sums[column + y];
        const r = cr * a + (v & 255) * keep + 0.5, g = cg * a + ((v >>> 8) & 255) * keep + 0.5;
        const b = cb * a + ((v >>> 16) & 255) * keep + 0.5, alpha = 255 * a + (v >>> 24) * keep + 0.5;
        sums[column + y] = (r | 0) | (g << 8) | (b << 16) | (alpha << 24);
      }
    }
  }

  /** The image's columns from..to: premultiplied sums to straight RGBA, row by row. */
  unpremultiply(from, to) {
    const W = this.width, H = this.height, sums = this.sums, out = this.pixels;
    for (let x = from; x <= to; x++) {
      for (let y = 0, i = x * H, o = x; y < H; y++, i++, o += W) {
        const v = sums[i];
        if (v === 0) { out[o] = 0; continue; }
        const a = v >>> 24, s = 255 / a;
        const r = Math.min(255, (v & 255) * s + 0.5), g = Math.min(255, ((v >>> 8) & 255) * s + 0.5);
        const b = Math.min(255, ((v >>> 16) & 255) * s + 0.5);
        out[o] = (r | 0) | (g << 8) | (b << 16) | (a << 24);
      }
    }
  }

  /** The columns between x1 and x2 (device pixels), shared by every link between two layers. */
  band(x1, x2) {
    const key = x1 + ',' + x2;
    let band = this.bands.get(key);
    if (!band) this.bands.set(key, band = columns(x1, x2, this.width));
    return band;
  }
}

/** For each pixel column between x1 and x2: h, where the curve is between y1 (0) and y2 (1); its
 * slope dh/dx; and how much of the column lies between x1 and x2. The curve is the canvas's
 * `bezierCurveTo(mx, y1, mx, y2, x2, y2)` from (x1, y1) with mx halfway: x = x1 + (x2 − x1)(3t/2 − 3t²/2 + t³)
 * and h = 3t² − 2t³; t for a column's centre by Newton's method (x is increasing in t). */
function columns(x1, x2, width) {
  const x0 = Math.max(0, Math.floor(x1)), n = x2 > x1 ? Math.max(0, Math.min(width, Math.ceil(x2)) - x0) : 0;
  const h = new Float64Array(n), slope = new Float64Array(n), cover = new Float64Array(n), span = x2 - x1;
  for (let k = 0; k < n; k++) {
    const s = Math.max(0, Math.min(1, (x0 + k + 0.5 - x1) / span));
    let t = s;
    for (let i = 0; i < 8; i++) t -= (1.5 * t - 1.5 * t * t + t * t * t - s) / (1.5 - 3 * t + 3 * t * t);
    h[k] = 3 * t * t - 2 * t * t * t;
    slope[k] = (6 * t - 6 * t * t) / ((1.5 - 3 * t + 3 * t * t) * span);
    cover[k] = Math.max(0, Math.min(1, Math.min(x0 + k + 1, x2) - Math.max(x0 + k, x1)));
  }
  return { x0, n, h, slope, cover };
}

/** CSS hsl(h, s%, l%) as [r, g, b] (0–255). */
export function hslColour(hue, saturation, lightness) {
  const s = saturation / 100, l = lightness / 100, c = (1 - Math.abs(2 * l - 1)) * s;
  const f = n => { const k = (n + hue / 30) % 12; return Math.round(255 * (l - c / 2 * Math.max(-1, Math.min(k - 3, 9 - k, 1)))); };
  return [f(0), f(8), f(4)];
}
