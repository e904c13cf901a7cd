import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { askForFirstPageEarly } from './lib/journal/early-page';
import { PAGE_SIZE } from './lib/journal/journal.svelte';
import { placeOf } from './lib/shell/Sidebar.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Trajectory: the #app element is missing from index.html');

// When the window opens on the journal, its first page is asked for before anything is built,
// so it arrives with the answer to where the journal stands (lib/journal/early-page.ts).
if (placeOf(location.hash) === 'journal') askForFirstPageEarly(PAGE_SIZE);

export default mount(App, { target });
