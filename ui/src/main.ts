import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { askForFirstPageEarly } from './lib/journal/early-page';
import { PAGE_SIZE } from './lib/journal/journal.svelte';
import { placeOf } from './lib/shell/Sidebar.svelte';
import { askForStatusEarly } from './lib/startup/gate.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Trajectory: the #app element is missing from index.html');

// Where the journal stands, and its first page when the window opens on the journal, are asked
// for before anything is built, so they arrive together (lib/startup/early.ts).
askForStatusEarly();
if (placeOf(location.hash) === 'journal') askForFirstPageEarly(PAGE_SIZE);

export default mount(App, { target });
