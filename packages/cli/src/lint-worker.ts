// Entry of a lint worker thread: the engine in core lints, with this CLI's rules table.
import { serveLintWorker } from '@llm-notes/core';
import { allRules } from './rules-table.js';

serveLintWorker(allRules);
