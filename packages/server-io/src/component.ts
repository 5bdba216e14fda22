import { createServerIo } from './server-io.js';

export const { serverIo } = createServerIo();
