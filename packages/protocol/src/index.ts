export * from './errors.js';
export * from './boundary.js';
export * from './methods.js';
export * from './tool-result.js';
