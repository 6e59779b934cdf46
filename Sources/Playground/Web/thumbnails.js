// The network's neuron thumbnails, drawn on the diagram's one canvas rather than on a canvas each.
// With a canvas per neuron, the 16×16 preset put 35 canvases on the page, each a layer of its own
// that Chromium had to upload and composite every frame; here each frame writes every thumbnail's
// pixels into one reused ImageData (an atlas), puts it once, and copies each thumbnail from it.
import { writeGridPixels } from './draw.js';

const ATLAS_WIDTH = 512, GAP = 1;

export class ThumbnailAtlas {
  constructor() { this.canvas = document.createElement('canvas'); this.places = []; this.key = ''; }

  /** Writes `grids` (each {size, values, bytes…}, null for none) into the atlas, each at a place of its
   * own (rows of cells left to right); `mode` as in `gridPixels`. */
  update(grids, mode = 'value') {
    const key = grids.map(g => g ? g.size : 0).join();
    if (key !== this.key) this.layOut(grids, key);
    const d = this.image.data;
    grids.forEach((grid, i) => {
      const place = this.places[i];
      if (grid) writeGridPixels(d, place.y * ATLAS_WIDTH + place.x, ATLAS_WIDTH, grid, mode);
    });
    this.canvas.getContext('2d').putImageData(this.image, 0, 0);
  }

  /** Shelves: cells left to right, a new row when the width is used up; the image is reused until the sizes change. */
  layOut(grids, key) {
    let x = 0, y = 0, rowHeight = 0;
    this.places = grids.map(grid => {
      const n = grid ? grid.size : 0;
      if (x + n > ATLAS_WIDTH) { x = 0; y += rowHeight + GAP; rowHeight = 0; }
      const place = { x, y, n };
      x += n + GAP; rowHeight = Math.max(rowHeight, n);
      return place;
    });
    const height = Math.max(1, y + rowHeight);
    this.canvas.width = ATLAS_WIDTH; this.canvas.height = height;
    this.image = new ImageData(ATLAS_WIDTH, height);
    this.key = key;
  }

  /** Copies thumbnail `i` onto `ctx` in the box (x, y, w, h), smoothed as CSS scales an image. */
  draw(ctx, i, x, y, w, h) {
    const place = this.places[i];
    if (!place || !place.n) return;
    ctx.drawImage(this.canvas, place.x, place.y, place.n, place.n, x, y, w, h);
  }
}
