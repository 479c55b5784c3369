// A click on a data point of the boundary chart (or the 1-D output line) sends which point
// it is as the "pick" trigger: its trace's legendgroup names the split ("train" or "test")
// and its customdata the row (playground/plots/boundary_points.py). A click on a link of
// the network view sends its weight, {"link": [layer, from, to]} (the link markers'
// customdata, playground/plots/network_links.py); a click on a neuron sends its bias,
// {"bias": [layer, neuron]} (the neuron trace's 4th customdata, playground/plots/network.py).
// The server validates each and, while 'How it learns' is on, works out the step for that
// row or follows that weight or bias in the panel's update and editor (ui/learn_pick.py).
import { viewFor } from "./plot_view.js";

const SPLITS = ["train", "test"];
const LINK_GROUP = "link";

function pickedLink(event) {
  const point = event && event.points && event.points[0];
  const cell = point && point.data && point.data.legendgroup === LINK_GROUP && point.customdata;
  return Array.isArray(cell) && cell.length === 3 && cell.every(Number.isInteger)
    ? { link: cell } : null;
}

const NEURON_TRACE = "neurons";

function pickedBias(event) {
  const point = event && event.points && event.points[0];
  const cell = point && point.data && point.data.name === NEURON_TRACE && point.customdata
    && point.customdata[3];
  return Array.isArray(cell) && cell.length === 2 && cell.every(Number.isInteger)
    ? { bias: cell } : null;
}

function wireLinks(panel) {
  const network = panel.slots.get("network");
  if (!network) return;
  const gd = viewFor(network.host).plot;
  if (!gd.on || gd.linkPickWired) return;
  gd.linkPickWired = true;
  gd.on("plotly_click", (event) => {
    const picked = pickedLink(event) || pickedBias(event);
    if (picked && panel.setTrigger) panel.setTrigger("pick", picked);
  });
}

function pickedPoint(event) {
  const point = event && event.points && event.points[0];
  const split = point && point.data && point.data.legendgroup;
  const row = point && point.customdata;
  return SPLITS.includes(split) && Number.isInteger(row) ? { split, row } : null;
}

// Listens to the boundary chart and the network's links once they are drawn (Plotly keeps
// the listeners across reacts).
export function wireBoundary(panel) {
  wireLinks(panel);
  const boundary = panel.slots.get("boundary");
  if (!boundary) return;
  const gd = viewFor(boundary.host).plot;
  if (!gd.on || gd.pickWired) return;
  gd.pickWired = true;
  gd.on("plotly_click", (event) => {
    const picked = pickedPoint(event);
    if (picked && panel.setTrigger) panel.setTrigger("pick", picked);
  });
}
