// The tools the conformance suite's tools-* and elicitation-* scenarios call, by the names and
// with the results its fixture description fixes.
import { defineTools } from '@wasmcp-ts/sdk';
import { subscribeDuration } from 'wasi:clocks/monotonic-clock@0.2.12';
import { RED_PIXEL_PNG, SILENT_WAV } from './media.js';

/** The scenarios ask for ~50 ms between notifications, so a client sees them arrive during the call. */
function pause(ms: number): void {
  subscribeDuration(BigInt(ms) * 1_000_000n).block();
}

const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

export const tools = defineTools([
  {
    name: 'test_simple_text',
    description: 'Returns a simple text',
    handler: () => 'This is a simple text response for testing.',
  },
  {
    name: 'test_image_content',
    description: 'Returns an image (a 1x1 red PNG)',
    handler: () => ({ content: [{ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }] }),
  },
  {
    name: 'test_audio_content',
    description: 'Returns audio (a short silent WAV)',
    handler: () => ({ content: [{ type: 'audio', data: SILENT_WAV, mimeType: 'audio/wav' }] }),
  },
  {
    name: 'test_embedded_resource',
    description: 'Returns an embedded text resource',
    handler: () => ({
      content: [{ type: 'resource', resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' } }],
    }),
  },
  {
    name: 'test_multiple_content_types',
    description: 'Returns a text, an image and an embedded resource',
    handler: () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' },
        { type: 'resource', resource: { uri: 'test://mixed-content-resource', mimeType: 'application/json', text: '{"test":"data","value":123}' } },
      ],
    }),
  },
  {
    name: 'test_tool_with_logging',
    description: 'Sends three info log messages while it runs',
    handler: (_args, ctx) => {
      ctx.log('info', 'Tool execution started', 'conformance');
      pause(50);
      ctx.log('info', 'Tool processing data', 'conformance');
      pause(50);
      ctx.log('info', 'Tool execution completed', 'conformance');
      return 'Logging test completed: 3 messages sent';
    },
  },
  {
    name: 'test_tool_with_progress',
    description: 'Reports progress 0, 50 and 100 of 100 while it runs',
    handler: (_args, ctx) => {
      ctx.progress(0, 100);
      pause(50);
      ctx.progress(50, 100);
      pause(50);
      ctx.progress(100, 100);
      return 'Progress test completed';
    },
  },
  {
    name: 'test_error_handling',
    description: 'Always fails (a tool error result)',
    handler: () => {
      throw new Error('This tool intentionally returns an error for testing');
    },
  },
  {
    name: 'test_sampling',
    description: "Asks the client's model to answer a prompt (sampling)",
    inputSchema: { type: 'object', properties: { prompt: { type: 'string', description: 'The prompt to send to the LLM' } }, required: ['prompt'] },
    handler: async ({ prompt }, ctx) => {
      const answer = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens: 100 });
      const text = answer.content.type === 'text' ? String(answer.content.text) : JSON.stringify(answer.content);
      return `LLM response: ${text}`;
    },
  },
  {
    name: 'test_elicitation',
    description: 'Asks the user for a username and an email (elicitation)',
    inputSchema: { type: 'object', properties: { message: { type: 'string', description: 'The message to show the user' } }, required: ['message'] },
    handler: async ({ message }, ctx) => {
      const answer = await ctx.elicit({
        message,
        requestedSchema: {
          type: 'object',
          properties: {
            username: { type: 'string', description: "User's response" },
            email: { type: 'string', description: "User's email address" },
          },
          required: ['username', 'email'],
        },
      });
      return `User response: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  },
  {
    name: 'test_elicitation_sep1034_defaults',
    description: 'Asks the user for fields of every primitive type, each with a default (SEP-1034)',
    handler: async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Please review and update the form fields with defaults',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', description: 'User name', default: 'John Doe' },
            age: { type: 'integer', description: 'User age', default: 30 },
            score: { type: 'number', description: 'User score', default: 95.5 },
            status: { type: 'string', description: 'User status', enum: ['active', 'inactive', 'pending'], default: 'active' },
            verified: { type: 'boolean', description: 'Verification status', default: true },
          },
        },
      });
      return `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  },
  {
    name: 'test_elicitation_sep1330_enums',
    description: 'Asks the user to choose from the five kinds of enum schema (SEP-1330)',
    handler: async (_args, ctx) => {
      // The SDK's ElicitRequest type has only the primitive and untitled-enum schemas; the protocol
      // decoder behind ctx.elicit takes all five enum kinds of SEP-1330, hence the cast below.
      const answer = await ctx.elicit({
        message: 'Please select options from the enum fields',
        requestedSchema: {
          type: 'object',
          properties: {
            untitledSingle: { type: 'string', description: 'Untitled single-select', enum: ['option1', 'option2', 'option3'] },
            titledSingle: {
              type: 'string',
              description: 'Titled single-select',
              oneOf: [
                { const: 'value1', title: 'First Option' },
                { const: 'value2', title: 'Second Option' },
                { const: 'value3', title: 'Third Option' },
              ],
            },
            legacyEnum: { type: 'string', description: 'Legacy titled enum', enum: ['opt1', 'opt2', 'opt3'], enumNames: ['Option One', 'Option Two', 'Option Three'] },
            untitledMulti: { type: 'array', description: 'Untitled multi-select', items: { type: 'string', enum: ['option1', 'option2', 'option3'] } },
            titledMulti: {
              type: 'array',
              description: 'Titled multi-select',
              items: {
                anyOf: [
                  { const: 'value1', title: 'First Choice' },
                  { const: 'value2', title: 'Second Choice' },
                  { const: 'value3', title: 'Third Choice' },
                ],
              },
            },
          },
        },
      } as unknown as Parameters<typeof ctx.elicit>[0]);
      return `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  },
  {
    name: 'json_schema_2020_12_tool',
    description: 'Tool with JSON Schema 2020-12 features',
    inputSchema: {
      $schema: JSON_SCHEMA_2020_12,
      type: 'object',
      $defs: { address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
      properties: { name: { type: 'string' }, address: { $ref: '#/$defs/address' } },
      additionalProperties: false,
    },
    handler: (args) => `Received: ${JSON.stringify(args)}`,
  },
]);
