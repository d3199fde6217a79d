/** The officer console (placeholder while it is built). */
import '../lib/style.css';
import { render } from 'preact';

const root = document.getElementById('app');
if (root)
  render(
    <main>
      <h1>Rabta officer console</h1>
    </main>,
    root,
  );
