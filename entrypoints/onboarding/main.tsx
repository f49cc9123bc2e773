import { render } from 'preact';
import { App } from './App';
import '@/components/base.css';
import '@/components/settings/settings.css';
import './style.css';

render(<App />, document.getElementById('app')!);
