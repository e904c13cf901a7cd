// The theme charts are drawn in: it follows the operating system's light or dark setting, as
// the app's colours do (see `prefers-color-scheme` in app.css).

export type ChartTheme = 'light' | 'dark';

const DARK = '(prefers-color-scheme: dark)';

class ColorScheme {
  /** The current theme; changes when the system setting changes. */
  current = $state<ChartTheme>('light');

  constructor() {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(DARK);
    this.current = media.matches ? 'dark' : 'light';
    media.addEventListener?.('change', (event) => {
      this.current = event.matches ? 'dark' : 'light';
    });
  }
}

/** The one colour-scheme watcher of the app. */
export const colorScheme = new ColorScheme();
