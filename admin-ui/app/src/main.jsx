// Entry point of the reviewers' web app (bundled by build.mjs).
import { render } from 'preact';
import { App } from './app.jsx';

render(<App />, document.getElementById('app'));
