// Where the search page lives on disk: the API serves `webDistDir` at `/` (built by `npm run build:web`).
import { projectPath } from '../src/project-files.ts';

export const webSourceDir = projectPath('web', 'src');
export const webPublicDir = projectPath('web', 'public');
export const webDistDir = projectPath('web', 'dist');
