// The resources the conformance suite's resources-* scenarios read and subscribe to.
import { defineResources } from '@wasmcp-ts/sdk';
import { base64Bytes, RED_PIXEL_PNG } from './media.js';

export const resources = defineResources({
  resources: [
    {
      uri: 'test://static-text',
      name: 'static-text',
      description: 'A static text resource',
      mimeType: 'text/plain',
      read: () => 'This is the content of the static text resource.',
    },
    {
      uri: 'test://static-binary',
      name: 'static-binary',
      description: 'A static binary resource (a 1x1 red PNG)',
      mimeType: 'image/png',
      read: () => base64Bytes(RED_PIXEL_PNG),
    },
    {
      uri: 'test://watched-resource',
      name: 'watched-resource',
      description: 'A resource clients subscribe to',
      mimeType: 'text/plain',
      read: () => 'Watched resource content',
    },
    {
      uri: 'test://asks-the-user',
      name: 'asks-the-user',
      description: 'A resource whose read asks the user (elicitation): a round trip for 2026-07-28 clients',
      mimeType: 'text/plain',
      read: async (ctx) => {
        const answer = await ctx.elicit({ message: 'Which greeting?', requestedSchema: { type: 'object', properties: { username: { type: 'string' } } } });
        return `Read for ${String(answer.content?.username ?? 'nobody')}`;
      },
    },
  ],
  templates: [
    {
      uriTemplate: 'test://template/{id}/data',
      name: 'template-data',
      description: 'Data for an id, substituted from the URI',
      mimeType: 'application/json',
      read: ({ id }) => JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
    },
  ],
});
