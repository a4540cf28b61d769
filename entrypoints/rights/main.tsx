import { render } from 'preact';
import '@/components/page.css';
import { mountPage } from '@/components/mount-page';
import { App } from './App';

mountPage('rightsTitle', (root) => render(<App initialNumber={new URLSearchParams(location.search).get('n') ?? ''} />, root));
