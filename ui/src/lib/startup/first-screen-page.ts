// The page's own script (a classic script at the end of its body, built apart from the app by
// vite.config.ts): paints the journal's first screen from the page's template and start data
// (decision 0067), then starts the app. The app's bundle is fetched and compiled meanwhile (a
// module preload); it is started only after that first paint, because WebKit paints nothing
// while a page still has scripts to run before it has finished loading.

import { appStartHeld } from '../ipc/commands';
import { todayLocal } from '../journal/dates';
import { reportFirstPaintOnce } from '../journal/first-paint';
import { paintFirstScreen, startApp } from './first-screen';
import { readStartData } from './start-block';

// Its work is done once it has run: the document keeps no inline script (the end-to-end probe
// for hostile text treats any as a finding).
document.currentScript?.remove();

const painted = paintFirstScreen(document, readStartData(document), location.hash, {
  today: todayLocal(),
  viewportHeight: window.innerHeight,
});
if (painted === null) {
  startApp(document);
} else if (appStartHeld()) {
  // An end-to-end test looks at the painted screen first, then starts the app itself.
  (window as { __trajectoryStartApp?: () => void }).__trajectoryStartApp = () => startApp(document);
} else {
  reportFirstPaintOnce(painted);
  // The frame callback runs before the frame is painted, the task it queues after it.
  requestAnimationFrame(() => setTimeout(() => startApp(document), 0));
}
