import { apply } from "./panel.js";

// The live feed: while the page's message says playing, pull frames from its feed (a
// WebSocket: each message sent, the feed's token, asks for one frame). The next frame is
// requested as soon as the last one arrives (the server trains it while the browser draws),
// and taken only once the one before is drawn, so neither side runs ahead of the other.
const RETRY_MS = 500;
const BUSY_MS = 50; // the server was still answering an earlier request: ask again soon
const MAX_FAILURES = 5;
const visible = () => document.visibilityState !== "hidden" ||
  new Promise((resolve) => document.addEventListener("visibilitychange", resolve, { once: true }));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const UNKNOWN_FEED = 4404; // close code: the session is gone (see routes.py); no retry

// The socket asks with the panel's current token (a page rerun may bring a new one).
function openFeed(url, panel) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const waiting = [];
    const feed = {
      next() {
        return new Promise((res, rej) => { waiting.push({ resolve: res, reject: rej }); socket.send(panel.token); });
      },
      close() { socket.close(); },
    };
    socket.onopen = () => resolve(feed);
    socket.onmessage = (event) => { if (waiting.length) waiting.shift().resolve(event.data); };
    socket.onclose = (event) => {
      const err = new Error(event.reason || "the connection closed (code " + event.code + ")");
      err.final = event.code === UNKNOWN_FEED;
      reject(err);
      while (waiting.length) waiting.shift().reject(err);
    };
  });
}

// Training stopped by itself (diverged, stop epoch, a frame too large): "stopped" reruns
// the page for its buttons and message, once: not for an answer that says the page paused
// it (header.paused: a click or an edit, whose own rerun redraws the page), nor from an
// element whose header said rerun_on_stop: false (one that watches a session another
// element of the page streams, which asks for the rerun). Each page run costs the server
// ~50 ms of CPU. The feed failed for good: "lost" pauses the playground and says so.
export async function stream(parent, panel, setTriggerValue) {
  panel.streaming = true;
  let feed = null;
  let failures = 0;
  let ahead = null; // the next frame, asked for as soon as the last one arrived
  try {
    while (panel.playing && parent.isConnected) {
      let text = null;
      try {
        if (!feed) { feed = await openFeed(panel.feed, panel); ahead = null; }
        const next = ahead || feed.next();
        ahead = null;
        await panel.drawing;
        text = await next;
        failures = 0;
        if (!text) await pause(BUSY_MS);
        // Asked before this frame is applied, not after: the server trains the next one
        // while the browser parses, paints and draws this one (applying it first left the
        // server idle ~5-10 ms a frame, measured: 27 frames/s where the server alone
        // made 32). Still one frame ahead at most: the next is taken once this is drawn.
        else if (panel.playing) { ahead = feed.next(); ahead.catch(() => {}); }
      } catch (err) {
        feed = null;
        ahead = null;
        if (!panel.playing || !parent.isConnected) break; // paused meanwhile: not a loss
        if (err.final || ++failures >= MAX_FAILURES) throw err;
        await pause(RETRY_MS);
      }
      await visible();
      if (!panel.playing || !parent.isConnected) break;
      const header = text && apply(parent, text);
      if (header && !header.playing) {
        panel.playing = false;
        if (panel.rerunOnStop !== false && !header.paused) setTriggerValue("stopped", header.frame);
      }
    }
  } catch (err) {
    console.error("live feed:", err);
    panel.playing = false;
    setTriggerValue("lost", String(err && err.message ? err.message : err));
  } finally {
    if (feed) feed.close();
    panel.streaming = false;
  }
}
