// Reports the page's first paint to the Rust side, which prints the `ready_ms=` line. The
// frame callback runs before the paint; the task queued from it runs once the frame is out
// (the app's journal does the same after its first page of entries).
requestAnimationFrame(() => {
  setTimeout(() => {
    void window.__TAURI_INTERNALS__.invoke('report_first_paint');
  }, 0);
});
