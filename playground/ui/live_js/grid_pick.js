// A click on a cell of the grid world (the world or the policy chart of the reinforcement
// lab) sends which cell it is as the "pick" trigger: { row, column }, the clicked point's y
// and x (every cell's kind heatmap and the policy's arrows sit at the cells' centres,
// playground/plots/grid_world.py). The server validates it and, as the page's "Click a cell
// to" choice says, shows that cell's Q-values or paints it (ui/rl_pick.py).
import { viewFor } from "./plot_view.js";

const GRID_CHARTS = ["world", "policy"];

function clickedCell(event) {
  const point = event && event.points && event.points[0];
  if (!point) return null;
  const row = Number(point.y);
  const column = Number(point.x);
  return Number.isInteger(row) && Number.isInteger(column) ? { row, column } : null;
}

// Listens to the grid charts once they are drawn (Plotly keeps the listeners across reacts).
export function wireGrid(panel) {
  for (const key of GRID_CHARTS) {
    const entry = panel.slots.get(key);
    if (!entry) continue;
    const gd = viewFor(entry.host).plot;
    if (!gd.on || gd.cellWired) continue;
    gd.cellWired = true;
    gd.on("plotly_click", (event) => {
      const cell = clickedCell(event);
      if (cell && panel.setTrigger) panel.setTrigger("pick", cell);
    });
  }
}
