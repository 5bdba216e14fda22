import { createMethodNotFound } from './method-not-found.js';

export const { serverHandler } = createMethodNotFound();
