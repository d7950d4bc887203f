// Where the search page lives on disk: the API serves `webDistDir` at `/` (built by `npm run build:web`).
import { fileURLToPath } from 'node:url';

export const webSourceDir = fileURLToPath(new URL('./src/', import.meta.url));
export const webPublicDir = fileURLToPath(new URL('./public/', import.meta.url));
export const webDistDir = fileURLToPath(new URL('./dist/', import.meta.url));
