// The page's frames: pulled one at a time from GET /api/sessions/:id/frame (the binary format of the
// Playground DocC article, "Frames"), decoded into grids of numbers; the page draws the newest.
import { byteGrid, decodeGrid } from './draw.js';

/** A grid of the binary frame: its bytes in `body` at `g.offset` (a view: the grid may outlive this
 * frame, as the base of the next frame's `same`, and keeps the buffer alive). */
const gridFromBytes = (g, body) => byteGrid(g.size, g.lower, g.upper, body.subarray(g.offset, g.offset + g.size * g.size));

/** Every grid of `frame` through `grid(g, place)`; places as the server names them ("frame.grids.hidden.0.3"). */
function decodeGrids(frame, grid) {
  const list = (gs, place) => gs.map((g, i) => grid(g, `${place}.${i}`));
  return {
    inputs: frame.grids.inputs ? list(frame.grids.inputs, 'frame.grids.inputs') : null,
    hidden: frame.grids.hidden.map((layer, l) => list(layer, `frame.grids.hidden.${l}`)),
    output: list(frame.grids.output, 'frame.grids.output'),
    collapse: list(frame.collapse.output, 'frame.collapse.output'),
  };
}

/** A JSON frame's grids (base64), as a session's first answer carries them. */
export const decodeJSONFrame = frame => decodeGrids(frame, g => decodeGrid(g));

const utf8 = new TextDecoder();

/** A binary frame: {number, frame, decoded, grids}; a grid sent as `same` is taken from `previous`,
 * the grids of the frame acknowledged (by place); `grids` is this frame's, for the next one. */
export function decodeBinaryFrame(buffer, previous) {
  const length = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(utf8.decode(new Uint8Array(buffer, 4, length)));
  const body = new Uint8Array(buffer, 4 + length), grids = {};
  const decoded = decodeGrids(header.frame, (g, place) => {
    const grid = g.same ? previous[place] : gridFromBytes(g, body);
    if (!grid) throw new Error(`frame ${header.number} refers to a grid the page does not have (${place})`);
    return (grids[place] = grid);
  });
  return { number: header.number, frame: header.frame, decoded, grids };
}

/** Pulls a session's frames one after another: one request at a time, each acknowledging the frame
 * before it, so nothing queues; `onFrame(frame, decoded, bytes)` gets every frame (records and points
 * come as deltas), the page draws only the newest. `onGone()` when the session is no more. */
export class FramePuller {
  constructor(onFrame, onGone) {
    this.onFrame = onFrame; this.onGone = onGone; this.generation = 0; this.focus = '';
  }

  start(id) {
    this.stop();
    Object.assign(this, { id, number: null, grids: {} });
    this.loop(++this.generation);
  }

  stop() { this.generation++; if (this.controller) this.controller.abort(); }

  /** The hidden unit under the pointer ("layer,unit" or ''), sent at full size. A request still waiting
   * for news is asked again at once with the new focus. */
  setFocus(focus) {
    if (focus === this.focus) return;
    this.focus = focus;
    if (this.waiting) this.controller.abort();
  }

  async loop(generation) {
    while (generation === this.generation) {
      if (document.hidden) await new Promise(r => document.addEventListener('visibilitychange', r, { once: true }));
      const query = new URLSearchParams(this.number === null ? {} : { after: this.number });
      if (this.focus) query.set('focus', this.focus);
      const controller = this.controller = new AbortController();
      let got = null, bytes = 0;
      try {
        this.waiting = true;
        const res = await fetch(`/api/sessions/${this.id}/frame?${query}`, { signal: controller.signal });
        this.waiting = false;
        if (generation !== this.generation) return;
        if (res.status === 404) { this.onGone(); return; }
        if (res.status === 204) continue;
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
        const buffer = await res.arrayBuffer();
        if (generation !== this.generation) return;
        got = decodeBinaryFrame(buffer, this.grids); bytes = buffer.byteLength;
        Object.assign(this, { number: got.number, grids: got.grids });
      } catch (e) {
        this.waiting = false;
        if (e.name === 'AbortError') continue;  // a new focus, or stopped
        console.warn('frame request failed, retrying:', e.message);
        this.number = null;  // the next answer is a whole frame
        await new Promise(r => setTimeout(r, 500));
      }
      if (got) try { this.onFrame(got.frame, got.decoded, bytes); } catch (e) { console.error(e); }
    }
  }
}
