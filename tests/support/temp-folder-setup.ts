import { afterAll } from 'vitest';
import { removeAllTempFolders } from './temp-folder.js';

// Runs before every test file (setup files are evaluated per file even when
// files share modules), so each file's leftover set-up folders go when it ends.
afterAll(removeAllTempFolders);
