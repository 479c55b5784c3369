// Equations that fit their column: a typeset equation (KaTeX's display box) wider than the
// column it sits in is drawn smaller, down to SMALLEST of its size. One that still does
// not fit scrolls inside its own box, marked data-scrolls (right, left or both: the sides
// that hide more), where the page's CSS draws a shadow (style.py); the page itself never
// scrolls sideways. Runs once per page (a rerun keeps it): an equation is fitted when it
// appears or changes, when its column changes width (a tab shown, the phone turned) and
// when a font arrives;
// the live charts' constant changes are not looked at.
(() => {
  if (window.playgroundFitEquations) return;
  window.playgroundFitEquations = true;
  const SMALLEST = 0.65; // of the equation's own size (12.6 px): smaller is hard to read
  const SLACK = 3; // px: KaTeX's boxes poke 2 px out of their own, which is not "too wide"
  const fitted = new WeakMap(); // box -> the column width it was last fitted to
  const boxOf = new WeakMap(); // column -> its equation's box

  // The element as wide as the column: Streamlit's markdown wrappers shrink to their text.
  const column = (box) => box.closest('[data-testid="stMarkdown"]') || box.parentElement;

  function mark(box) {
    const hidden = box.scrollWidth - box.clientWidth;
    const left = box.scrollLeft > 1, right = box.scrollLeft < hidden - SLACK;
    const side = hidden <= SLACK ? null : left && right ? "both" : left ? "left" : "right";
    if (side) box.dataset.scrolls = side;
    else delete box.dataset.scrolls;
  }

  function fit(box, again = false) {
    const room = column(box).clientWidth;
    const math = box.firstElementChild;
    if (!math || room === 0 || (!again && fitted.get(box) === room)) return;
    fitted.set(box, room);
    math.style.zoom = "";
    const need = box.scrollWidth;
    // zoom, not font-size: it scales every part of the maths alike (KaTeX's struts too)
    if (need > room + SLACK) math.style.zoom = Math.max(SMALLEST, (room - SLACK) / need).toFixed(3);
    mark(box);
  }

  const resized = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const box = boxOf.get(entry.target);
      if (box && box.isConnected) fit(box);
    }
  });
  function watch(root) {
    if (!root.querySelectorAll) return;
    root.querySelectorAll(".katex-display").forEach((box) => {
      if (fitted.has(box)) return;
      fitted.set(box, -1);
      box.addEventListener("scroll", () => mark(box), { passive: true });
      boxOf.set(column(box), box);
      resized.observe(column(box)); // its first report fits it
    });
  }

  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const target = m.target;
      if (!target.closest || target.closest(".live-area")) continue; // charts: no maths
      const box = target.closest(".katex-display"); // new maths in a box already seen
      if (box && fitted.has(box)) fit(box, true);
      else if (m.addedNodes.length) watch(target);
    }
  }).observe(document.body, { childList: true, subtree: true });
  watch(document);
  // KaTeX's fonts load after the first maths is drawn (in a stand-in font of other widths)
  const again = () => document.querySelectorAll(".katex-display").forEach((box) => {
    if (fitted.has(box)) fit(box, true);
  });
  document.fonts.addEventListener("loadingdone", again);
})();
