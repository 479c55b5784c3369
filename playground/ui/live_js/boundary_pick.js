// A click on a data point of the boundary chart (or the 1-D output line) sends which point
// it is as the "pick" trigger: its trace's legendgroup names the split ("train" or "test")
// and its customdata the row (playground/plots/boundary_points.py). The server validates it
// and, while 'How it learns' is on, works out the step for that row (ui/learn_pick.py).
import { viewFor } from "./plot_view.js";

const SPLITS = ["train", "test"];

function pickedPoint(event) {
  const point = event && event.points && event.points[0];
  const split = point && point.data && point.data.legendgroup;
  const row = point && point.customdata;
  return SPLITS.includes(split) && Number.isInteger(row) ? { split, row } : null;
}

// Listens to the boundary chart once it is drawn (Plotly keeps the listeners across reacts).
export function wireBoundary(panel) {
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
