// The modebar's "Download plot as a PNG", with the pictures painted in the browser. While
// playing, a chart's pictures (the boundary, the neurons' images: overlay.js), its links
// (links.js) and the loss's newest points (loss_tail.js) are canvases beside Plotly's svg,
// which Plotly.toImage leaves out (it draws a copy of the figure, whose images are hidden
// and whose backgrounds are clear meanwhile): its image alone showed empty axes. Here the
// canvases shown are laid into that image where they are on the screen, those behind
// Plotly's svg under it and the others over it. A chart without such canvases (paused: its
// figure's own images) downloads Plotly's image as it is.
const TITLE = "Download plot as a PNG"; // Plotly's own button's words, which this replaces
const PAINTED = "canvas.live-overlay, canvas.live-links";

function loadImage(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("could not decode the chart's image"));
    image.src = url;
  });
}

// The canvases shown on chart `gd`, each with where it sits (CSS px from the chart's top
// left) and whether it is behind Plotly's svg.
function paintedCanvases(gd) {
  const container = gd.querySelector(".svg-container");
  const paper = container && container.querySelector(".main-svg");
  if (!paper) return [];
  const origin = container.getBoundingClientRect();
  return [...container.querySelectorAll(PAINTED)]
    .filter((canvas) => !canvas.hidden && canvas.width > 1 && canvas.height > 1)
    .map((canvas) => {
      const box = canvas.getBoundingClientRect();
      const behind = !!(canvas.compareDocumentPosition(paper) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { canvas, behind, x: box.left - origin.left, y: box.top - origin.top,
        width: box.width, height: box.height };
    });
}

// The chart as the user sees it, as a PNG data URL (or a blob URL of it), at `scale`.
export async function chartPicture(Plotly, gd, scale = Math.max(1, window.devicePixelRatio || 1)) {
  const { width, height } = gd._fullLayout;
  const painted = paintedCanvases(gd);
  const plotly = await Plotly.toImage(gd, { format: "png", width, height, scale });
  if (!painted.length) return plotly;
  const out = document.createElement("canvas");
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const context = out.getContext("2d");
  context.scale(scale, scale);
  // The paper's colour: while pictures are painted Plotly's is clear and the plot div shows it.
  const paper = getComputedStyle(gd).backgroundColor;
  context.fillStyle = paper && paper !== "rgba(0, 0, 0, 0)" ? paper : "white";
  context.fillRect(0, 0, width, height);
  const lay = (items) => items.forEach(({ canvas, x, y, width: w, height: h }) =>
    context.drawImage(canvas, x, y, w, h));
  lay(painted.filter((item) => item.behind));
  context.drawImage(await loadImage(plotly), 0, 0, width, height);
  lay(painted.filter((item) => !item.behind));
  return out.toDataURL("image/png");
}

function save(url, name) {
  const link = document.createElement("a");
  link.href = url;
  link.download = name + ".png";
  document.body.append(link);
  link.click();
  link.remove();
}

// The chart's file name: its slot's key (boundary.png, network.png, loss.png).
function fileName(gd) {
  const slot = gd.closest("[data-chart]");
  return (slot && slot.dataset.chart) || "newplot";
}

// The modebar button (config.modeBarButtonsToAdd, with "toImage" removed) for Plotly `Plotly`.
export function downloadButton(Plotly) {
  return {
    name: "downloadPainted",
    title: TITLE,
    icon: Plotly.Icons.camera,
    click: (gd) => {
      chartPicture(Plotly, gd).then((url) => save(url, fileName(gd)), (err) => {
        console.error("live_chart: the chart's image:", err);
        Plotly.downloadImage(gd, { format: "png", filename: fileName(gd) }); // Plotly's own, at least
      });
    },
  };
}
