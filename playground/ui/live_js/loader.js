// The script Streamlit sends with every live chart update: a loader that imports the real
// chart module (live_chart.js and its imports, served once from a content-hashed folder
// under app/static, so browsers cache them) and hands every call to it. Comment lines are
// stripped before sending.
const chart = import(new URL("app/static/__SCRIPT_DIR__/live_chart.js", document.baseURI).href);
let draw = null;
chart.then((module) => { draw = module.default; });
export default function liveChartLoader(args) {
  if (draw) return draw(args);
  let cleanup = null;
  let overtaken = false;
  chart.then((module) => { if (!overtaken) cleanup = module.default(args); }, (err) => {
    args.parentElement.textContent = "Chart error: could not load the chart script (" + err + ")";
  });
  return () => { overtaken = true; if (cleanup) cleanup(); };
}
