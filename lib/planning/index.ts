/** Planning the plan: calendar layout, templates of new rows, the next period, and the editor's forms. */
export * from './calendar';
export * from './carryover';
export * from './forms';
export * from './save';
export * from './template';
