export type { Command, CommandContext, Output, ParsedArgs } from './command.js';
export { main, type MainIo } from './main.js';
export { allRules, ruleIds } from './rules-table.js';
