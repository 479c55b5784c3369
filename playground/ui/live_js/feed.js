import { apply } from "./panel.js";

// The live feed: while the page's message says playing, pull frames from its feed (a
// WebSocket: each message sent, the feed's token, asks for one frame). The next frame is
// requested while the last one is drawn (the server trains meanwhile), and only once the
// one before is drawn, so neither side runs ahead of the other.
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

// Training stopped by itself (diverged, stop epoch) or by a click: "stopped" reruns the
// page for its buttons. The feed failed for good: "lost" pauses the playground and says so.
export async function stream(parent, panel, setTriggerValue) {
  panel.streaming = true;
  let feed = null;
  let failures = 0;
  try {
    while (panel.playing && parent.isConnected) {
      let text = null;
      try {
        if (!feed) feed = await openFeed(panel.feed, panel);
        const next = feed.next();
        await panel.drawing;
        text = await next;
        failures = 0;
        if (!text) await pause(BUSY_MS);
      } catch (err) {
        feed = null;
        if (!panel.playing || !parent.isConnected) break; // paused meanwhile: not a loss
        if (err.final || ++failures >= MAX_FAILURES) throw err;
        await pause(RETRY_MS);
      }
      await visible();
      if (!panel.playing || !parent.isConnected) break;
      const header = text && apply(parent, text);
      if (header && !header.playing) {
        panel.playing = false;
        setTriggerValue("stopped", header.frame);
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
