// The network chart's interplay with the rest of the panel, as in TF Playground:
// - while the mouse is on a neuron, the output chart shows that neuron's image instead of
//   the network's output (its background image swapped; the points stay), and goes back after;
// - a click on a - / + control (an annotation) or on an input feature sends the edit payload
//   the figure carries (see playground/plots/network_edit.py) as the "edit" trigger; the
//   server validates it like a sidebar change and reruns the page.
// The neuron hover trace ("neurons") carries customdata [image index or -1, name, payload].
import { drawLinks, plainText } from "./links.js";
import { setLayoutFilter, redraw, viewFor } from "./plot_view.js";

const NEURON_TRACE = "neurons";
// Names in a figure are Plotly text; the note above the output chart is DOM text, so they
// are decoded back (links.js's plainText: "&amp;lt;" shows as "&lt;", as typed).

function neuronPoint(event) {
  const point = event && event.points && event.points[0];
  return point && point.data && point.data.name === NEURON_TRACE && point.customdata ? point : null;
}

// The network's image `index` ({source, name}: a painted neuron's picture goes by its name).
function networkImage(panel, index) {
  const network = panel.slots.get("network");
  const images = network && viewFor(network.host).plot.layout && viewFor(network.host).plot.layout.images;
  return images && images[index] ? images[index] : null;
}

// Show neuron `shown` ({index, name}) on the output chart, or the output again (null).
function showNeuron(panel, shown) {
  const current = panel.hovered;
  if ((current && current.index) === (shown && shown.index)) return;
  panel.hovered = shown;
  const boundary = panel.slots.get("boundary");
  const drawn = boundary && viewFor(boundary.host).plot.layout;
  if (!drawn || !(drawn.images || []).length) return; // no surface to swap (a 1-D view)
  setLayoutFilter(boundary.host, shown ? (layout) => {
    const image = networkImage(panel, panel.hovered.index);
    if (image && layout.images && layout.images[0]) {
      layout.images[0].source = image.source;
      layout.images[0].name = image.name;
      layout.images[0].opacity = 1;
    }
  } : null);
  panel.setNote("boundary", shown ? "showing " + shown.name + " (the neuron under the mouse)" : null);
  redraw(boundary.host);
}

function sendEdit(panel, payload) {
  if (payload && panel.setTrigger) panel.setTrigger("edit", payload);
}

// Listens to the network chart once it is drawn (Plotly keeps the listeners across reacts),
// and draws its links from the message's values (header.links, see links.js).
export function wireNetwork(panel, header) {
  const network = panel.slots.get("network");
  if (!network) return;
  const gd = viewFor(network.host).plot;
  if (gd.on) drawLinks(gd, header ? header.links : undefined);
  if (!gd.on || gd.networkWired) return;
  gd.networkWired = true;
  gd.on("plotly_hover", (event) => {
    const point = neuronPoint(event);
    const index = point ? point.customdata[0] : -1;
    showNeuron(panel, index >= 0 ? { index, name: plainText(point.customdata[1]) } : null);
  });
  gd.on("plotly_unhover", () => showNeuron(panel, null));
  gd.on("plotly_click", (event) => {
    const point = neuronPoint(event);
    if (point) sendEdit(panel, point.customdata[2]);
  });
  gd.on("plotly_clickannotation", (event) => {
    const note = event && (event.annotation || (event.fullAnnotation || {}));
    if (note && note.name) sendEdit(panel, note.name);
  });
}
