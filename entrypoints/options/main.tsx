import { render } from 'preact';
import '@/components/page.css';
import './setup.css';
import { mountPage } from '@/components/mount-page';
import { App } from './App';

mountPage('optionsTitle', (root) => render(<App />, root));
