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

/** Links drawn into an ImageData the size of a canvas (device pixels), over an opaque background.
 *
 * Opaque, because the network's canvas is opaque (`alpha: false`): a link's pixel is blended
 * source-over straight into the image's RGBA word (out = src·a + dst·(1 − a), rounded to 8 bits at
 * each link as a canvas does), with no premultiplied sums to convert back; and an opaque layer costs
 * Chromium's compositor no blending with the page under it. `Scripts/playground/profile-page` put the
 * transparent version (premultiplied sums, then unpremultiplied into the image) at a third of the
 * page's JavaScript. */
export class LinkRaster {
  constructor() { this.width = 0; this.height = 0; }

  /** Draws `links` ({curve: [x1, y1, mx, x2, y2] in CSS pixels, rgb: [r, g, b], width: CSS pixels,
   * alpha}) on a width×height image filled with `background` ([r, g, b]), `ratio` device pixels per
   * CSS pixel, its top left corner at `origin` ([x, y], CSS pixels); returns it. */
  draw(links, width, height, ratio, background, origin = [0, 0]) {
    if (width !== this.width || height !== this.height || ratio !== this.ratio) this.resize(width, height, ratio);
    const [r, g, b] = background, [left, top] = origin;
    this.words.fill(r | g << 8 | b << 16 | 255 << 24);
    for (const link of links) {
      const band = this.band((link.curve[0] - left) * ratio, (link.curve[3] - left) * ratio);
      if (band.n > 0) this.paint(link, band, ratio, top);
    }
    return this.image;
  }

  resize(width, height, ratio) {
    Object.assign(this, { width, height, ratio, bands: new Map() });
    this.image = new ImageData(width, height);
    this.words = new Int32Array(this.image.data.buffer);  // Int32: every word stays a small integer to V8
  }

  /** One link, column by column: in each, the pixels within half the width (and half a pixel) of the
   * curve; `imageTop` is the image's top edge in the curve's CSS pixels. */
  paint(link, band, ratio, imageTop) {
    const H = this.height, W = this.width, words = this.words, y1 = (link.curve[1] - imageTop) * ratio, dy = (link.curve[4] - link.curve[1]) * ratio;
    const half = link.width * ratio / 2, reach = half + 0.5, [cr, cg, cb] = link.rgb, { h, slope, cover } = band;
    for (let k = 0; k < band.n; k++) {
      const yc = y1 + dy * h[k], s = dy * slope[k], secant = Math.sqrt(1 + s * s), across = 1 / secant, extent = reach * secant;
      const top = Math.max(0, Math.ceil(yc - extent - 0.5)), bottom = Math.min(H - 1, Math.floor(yc + extent - 0.5));
      const edge = cover[k] * link.alpha;
      for (let y = top, i = top * W + band.x0 + k; y <= bottom; y++, i += W) {
        // The pixel's width across the line (centred at its distance from the tangent) that the line covers.
        const dist = Math.abs(y + 0.5 - yc) * across, inside = Math.min(half, dist + 0.5) - Math.max(-half, dist - 0.5);
        if (inside <= 0) continue;
        const a = inside * edge, keep = 1 - a, v = words[i];
        words[i] = ((cr * a + (v & 255) * keep + 0.5) | 0) | ((cg * a + ((v >> 8) & 255) * keep + 0.5) | 0) << 8
          | ((cb * a + ((v >> 16) & 255) * keep + 0.5) | 0) << 16 | 255 << 24;
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
