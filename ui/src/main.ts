import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { PAGE_SIZE } from './lib/journal/rows';
import { placeOf } from './lib/shell/places';
import { clearFirstScreen } from './lib/startup/first-screen';
import { prepareFirstScreen } from './lib/startup/start-data';

const target = document.getElementById('app');
if (!target) throw new Error('Trajectory: the #app element is missing from index.html');

// Where the journal stands, and its first page when the window opens on the journal, come with
// the page or are asked for before anything is built (lib/startup/start-data.ts).
prepareFirstScreen(document, placeOf(location.hash) === 'journal', PAGE_SIZE);

// The page may have painted the journal's first screen already (lib/startup/first-screen.ts):
// it is replaced by the app in this same task, so no frame shows the window empty.
clearFirstScreen(target);
export default mount(App, { target });
