// The page's frames: pulled one at a time over the session's WebSocket, or from GET /api/sessions/:id/frame
// when the socket fails (the binary format of the Playground DocC article, "Frames"), decoded into grids
// of numbers; the page draws the newest.
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
    collapse: frame.collapse.output ? list(frame.collapse.output, 'frame.collapse.output') : null,  // null: not asked for
  };
}

/** A JSON frame's grids (base64), as a session's first answer carries them. */
export const decodeJSONFrame = frame => decodeGrids(frame, g => decodeGrid(g));

const utf8 = new TextDecoder();

/** A matrix the binary frame carries as floats ({rows, columns, floats}: little-endian Float32s at
 * `floats` in `body`, row by row), as rows of numbers; one already in rows (a JSON frame's) as it is. */
function floatRows(m, body, place) {
  if (!m || m.floats === undefined) return m;
  const { rows, columns, floats } = m;
  if (!(rows >= 0 && columns >= 0 && floats >= 0 && floats + 4 * rows * columns <= body.length)) throw new Error(`${place} lies outside the frame`);
  const view = new DataView(body.buffer, body.byteOffset + floats, 4 * rows * columns), values = new Float32Array(rows * columns);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(4 * i, true);
  // Plain arrays, as a JSON frame's: a typed array does not flatten, map to strings or stringify as one.
  return Array.from({ length: rows }, (_, r) => Array.from(values.subarray(r * columns, (r + 1) * columns)));
}

/** A binary frame: {number, frame, decoded, grids}; a grid sent as `same` is taken from `previous`,
 * the grids of the frame acknowledged (by place); `grids` is this frame's, for the next one. */
export function decodeBinaryFrame(buffer, previous) {
  const length = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(utf8.decode(new Uint8Array(buffer, 4, length)));
  const body = new Uint8Array(buffer, 4 + length), grids = {};
  header.frame.network.layers.forEach((layer, l) => {
    layer.weights = floatRows(layer.weights, body, `frame.network.layers.${l}.weights`);
    layer.weightGradients = floatRows(layer.weightGradients, body, `frame.network.layers.${l}.weightGradients`);
  });
  const decoded = decodeGrids(header.frame, (g, place) => {
    const grid = g.same ? previous[place] : gridFromBytes(g, body);
    if (!grid) throw new Error(`frame ${header.number} refers to a grid the page does not have (${place})`);
    return (grids[place] = grid);
  });
  return { number: header.number, frame: header.frame, decoded, grids };
}

/** Resolves at once when the page is visible, else when it is shown again. */
const whenVisible = () => document.hidden
  ? new Promise(r => document.addEventListener('visibilitychange', r, { once: true })) : Promise.resolve();

/** Pulls a session's frames one after another: one request at a time, each acknowledging the frame
 * before it, so nothing queues; `onFrame(frame, decoded, bytes)` gets every frame (records and points
 * come as deltas), the page draws only the newest. `onGone()` when the session is no more.
 *
 * The requests go over one WebSocket per session (`/api/sessions/:id/socket`): a text message
 * `after=N&focus=L,U&collapse=0&wait=MS` each, answered by one message each, in order: the frame (binary) or
 * `idle` (nothing new within the wait, or a newer request came first). An HTTP request per frame cost
 * Chromium 3–4.5 ms of its network service's and browser's time. If the socket cannot open, or closes
 * for any reason but the session's end, the page pulls by HTTP (`GET …/frame`) for the rest of the
 * session and keeps drawing. `transport` says which it uses: 'socket' or 'http'. */
export class FramePuller {
  constructor(onFrame, onGone) {
    this.onFrame = onFrame; this.onGone = onGone; this.generation = 0; this.focus = ''; this.collapse = true;
    this.transport = null;
    this.useSocket = typeof WebSocket === 'function';
  }

  start(id) {
    this.stop();
    Object.assign(this, { id, number: null, grids: {}, transport: null });  // the transport once known
    const generation = ++this.generation;
    if (this.useSocket) this.openSocket(generation); else this.loop(generation);
  }

  stop() {
    this.generation++;
    if (this.controller) this.controller.abort();
    this.abandon();
  }

  /** The hidden unit under the pointer ("layer,unit" or ''), sent at full size. A request still waiting
   * for news is asked again at once with the new focus. */
  setFocus(focus) {
    if (focus === this.focus) return;
    this.focus = focus;
    this.askAgain();
  }

  /** Whether the linear-collapse panel is on screen: the server builds its maps only then (they were a
   * sixth of a frame's build). Coming into view, it is asked for at once, as a new focus is. */
  setCollapse(shown) {
    if (shown === this.collapse) return;
    this.collapse = shown;
    if (shown) this.askAgain();
  }

  /** A request still waiting for news is asked again now, with what the page shows now. */
  askAgain() {
    if (this.socket) { if (this.outstanding > 0) this.request(); }
    else if (this.waiting) this.controller.abort();
  }

  /** The query of the next request: the frame the page has, the focus, and collapse=0 while the
   * collapse panel is out of view. */
  query() {
    const query = new URLSearchParams(this.number === null ? {} : { after: this.number });
    if (this.focus) query.set('focus', this.focus);
    if (!this.collapse) query.set('collapse', '0');
    return query;
  }

  // MARK: the socket

  openSocket(generation) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    let socket;
    try { socket = new WebSocket(`${scheme}://${location.host}/api/sessions/${this.id}/socket`); }
    catch (e) { console.warn('frame socket not opened, pulling by HTTP:', e.message); this.fallBack(generation); return; }
    socket.binaryType = 'arraybuffer';
    Object.assign(this, { socket, outstanding: 0 });
    socket.onopen = () => {
      if (generation !== this.generation) return;
      this.transport = 'socket';
      this.request();
    };
    socket.onmessage = event => {
      if (generation !== this.generation) return;
      clearTimeout(this.watchdog);
      this.outstanding--;
      if (this.outstanding > 0) this.watch();  // a focus change's request is still to be answered
      let got = null;
      if (typeof event.data !== 'string') {
        try {
          got = decodeBinaryFrame(event.data, this.grids);
          if (this.number !== null && got.number <= this.number) got = null;  // never older than the frame drawn
          else Object.assign(this, { number: got.number, grids: got.grids });
        } catch (e) { console.warn('frame not decoded:', e.message); this.number = null; got = null; }
      }
      if (got) try { this.onFrame(got.frame, got.decoded, event.data.byteLength); } catch (e) { console.error(e); }
      if (generation === this.generation && this.outstanding === 0) this.requestWhenVisible(generation);
    };
    socket.onclose = event => {
      if (generation !== this.generation || this.socket !== socket) return;
      if (event.code === 4404) {  // the session is gone: the page starts another, once it is seen (as an HTTP pull's 404
        this.abandon();           // does), so that a hidden tab does not hold a session it keeps remaking
        whenVisible().then(() => { if (generation === this.generation) this.onGone(); });
        return;
      }
      this.abandon(`closed (${event.code} ${event.reason || 'no reason'})`);
    };
  }

  /** Sends a request for the next frame. The server answers within the wait (2 s) and a frame's
   * build; a socket silent for 15 s is given up. */
  request() {
    this.outstanding++;
    this.socket.send(this.query().toString());
    this.watch();
  }

  /** Gives the socket 15 s (from now) for its next answer, else leaves it for HTTP pulls. */
  watch() {
    clearTimeout(this.watchdog);
    const generation = this.generation;
    this.watchdog = setTimeout(() => { if (generation === this.generation) this.abandon('silent for 15 s'); }, 15000);
  }

  /** Leaves the socket: for HTTP pulls when `why` is given, else only closes it. */
  abandon(why) {
    const socket = this.socket;
    clearTimeout(this.watchdog);
    this.socket = null;
    if (socket) { socket.onclose = socket.onmessage = null; socket.close(); }
    if (why) { console.warn(`frame socket ${why}: pulling by HTTP`); this.fallBack(this.generation); }
  }

  /** The next request, once the page is visible again (a hidden page pulls nothing). */
  async requestWhenVisible(generation) {
    await whenVisible();
    if (generation === this.generation && this.socket && this.socket.readyState === WebSocket.OPEN && this.outstanding === 0) this.request();
  }

  /** HTTP pulls for the rest of this session, from a whole frame (a frame in flight on the socket is lost). */
  fallBack(generation) {
    if (generation !== this.generation) return;
    this.number = null; this.transport = 'http';
    this.loop(generation);
  }

  // MARK: HTTP pulls

  async loop(generation) {
    this.transport = 'http';
    while (generation === this.generation) {
      await whenVisible();
      const query = this.query();
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
