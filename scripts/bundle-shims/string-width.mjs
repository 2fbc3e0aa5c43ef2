// Stands in for `string-width` inside vfile-reporter in the bundle (see
// display-width.mjs and scripts/bundle.mjs); the import below is the real library.
import stringWidth from 'string-width';
import { rememberingWidth } from './display-width.mjs';

export default rememberingWidth(stringWidth);
