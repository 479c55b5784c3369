// Live Plotly views for st.components.v2 (the element's script, loader.js, imports this).
// Streamlit calls the default export again with the same parentElement each time the
// element's data change, so the charts kept per parentElement survive reruns; while the
// data say playing, frames come from the live feed instead (feed.js).
import { stream } from "./feed.js";
import { apply, disposeIfUnmounted, panels } from "./panel.js";

export default function liveChart({ data, parentElement, setTriggerValue }) {
  try {
    const header = apply(parentElement, data);
    const panel = panels.get(parentElement);
    panel.setTrigger = setTriggerValue; // for edits made on the network chart
    if (header) {
      panel.playing = !!(header.playing && header.feed && header.token);
      // An element that follows another's session (the comparison) does not rerun the page
      // when its feed stops: the session's own element does, once for the page.
      panel.rerunOnStop = header.rerun_on_stop !== false;
      if (header.feed) {
        const url = new URL(header.feed, document.baseURI);
        url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
        panel.feed = url.href;
      }
    }
    if (panel.playing && !panel.streaming) stream(parentElement, panel, setTriggerValue);
  } catch (err) {
    parentElement.textContent = "Chart error: " + (err && err.message ? err.message : err);
  }
  return () => disposeIfUnmounted(parentElement);
}
