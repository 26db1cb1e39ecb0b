// Measures the page's main thread as the user feels it: every long task (> 50 ms) and every gap between
// animation frames, from the moment the page says it is ready (window.__perf.mark()).
window.__perf = (() => {
  const s = { readyAt: -1, longtasks: [], gaps: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let last = 0;
  const tick = (t) => {
    if (s.readyAt >= 0 && last >= s.readyAt) s.gaps.push({ at: t, gap: t - last });
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  s.mark = () => {
    s.readyAt = performance.now();
  };
  /** The longest task and the longest frame gap since ready. */
  s.worst = () => ({
    longtask: Math.max(0, ...s.longtasks.filter((t) => t.start + t.duration >= s.readyAt).map((t) => t.duration)),
    gap: Math.max(0, ...s.gaps.map((g) => g.gap)),
    frames: s.gaps.length,
    since: performance.now() - s.readyAt,
  });
  /** The machine's pace here and now: one bare walk over the text of every element of the page, in ms. */
  s.bareWalk = () => {
    const t = performance.now();
    let n = 0;
    for (const el of document.querySelectorAll('body *')) n += (el.firstChild?.nodeValue ?? '').length;
    return Math.max(performance.now() - t, n < 0 ? 1 : 0);
  };
  return s;
})();
