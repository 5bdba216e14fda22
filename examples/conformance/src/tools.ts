// The tools the conformance suite's tools-* and elicitation-* scenarios call, by the names and
// with the results its fixture description fixes.
import { defineTools, type InputRequest } from '@wasmcp-ts/sdk';
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
    // What the suite's json-schema-2020-12 scenario lists it with: every keyword must come back as written.
    inputSchema: {
      $schema: JSON_SCHEMA_2020_12,
      type: 'object',
      $defs: { address: { $anchor: 'addressDef', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
      properties: {
        name: { type: 'string' },
        address: { $ref: '#/$defs/address' },
        contactMethod: { type: 'string', enum: ['phone', 'email'] },
        phone: { type: 'string' },
        email: { type: 'string' },
      },
      allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
      if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
      then: { required: ['phone'] },
      else: { required: ['email'] },
      additionalProperties: false,
    },
    handler: (args) => `Received: ${JSON.stringify(args)}`,
  },
  {
    name: 'test_mirrored_header',
    description: 'Mirrors its region argument into the Mcp-Param-Region header (x-mcp-header, SEP-2243) and echoes it',
    inputSchema: {
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' }, query: { type: 'string' } },
      required: ['region'],
    },
    handler: ({ region }) => `region: ${region}`,
  },
  // Diagnostic tools of the suite's 2026-07-28 server-stateless scenario.
  {
    name: 'test_missing_capability',
    description: "Needs the client's sampling capability (a 2026-07-28 client that does not declare it gets -32021)",
    handler: async (_args, ctx) => {
      const answer = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'Say hello' } }], maxTokens: 20 });
      return `LLM response: ${JSON.stringify(answer.content)}`;
    },
  },
  {
    name: 'test_streaming_elicitation',
    description: 'Asks the user for a confirmation (elicitation) on the call of its response stream',
    handler: async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Please confirm',
        requestedSchema: { type: 'object', properties: { confirmed: { type: 'boolean', description: 'Confirmed?' } } },
      });
      return `User response: action=${answer.action}`;
    },
  },
  {
    name: 'test_logging_tool',
    description: 'Sends a log message (which a 2026-07-28 request without a log level must not get)',
    handler: (_args, ctx) => {
      ctx.log('info', 'Logging tool ran', 'conformance');
      return 'Logged one message';
    },
  },
  // The tools of the suite's 2026-07-28 input-required-result (multi round-trip) scenarios.
  {
    name: 'test_input_required_result_elicitation',
    description: 'Asks the user for a name, then greets them',
    handler: async (_args, ctx) => {
      const { user_name } = await ctx.input({ user_name: { method: 'elicitation/create', params: ASK_NAME } });
      return `Hello, ${String((user_name.content as { name?: unknown } | undefined)?.name ?? 'stranger')}!`;
    },
  },
  {
    name: 'test_input_required_result_sampling',
    description: "Asks the client's model for the capital of France",
    handler: async (_args, ctx) => {
      const { capital_question } = await ctx.input({
        capital_question: { method: 'sampling/createMessage', params: { messages: [{ role: 'user', content: { type: 'text', text: 'What is the capital of France?' } }], maxTokens: 100 } },
      });
      return `The model says: ${JSON.stringify(capital_question.content)}`;
    },
  },
  {
    name: 'test_input_required_result_list_roots',
    description: "Asks the client for its roots",
    handler: async (_args, ctx) => {
      const { client_roots } = await ctx.input({ client_roots: { method: 'roots/list', params: {} } });
      return `Roots: ${JSON.stringify(client_roots.roots ?? [])}`;
    },
  },
  {
    name: 'test_input_required_result_request_state',
    description: 'Asks for a confirmation; its answer comes back with the sealed request state',
    handler: async (_args, ctx) => {
      const { confirm } = await ctx.input({ confirm: { method: 'elicitation/create', params: CONFIRM } });
      // The SDK verified the requestState before this line runs (a tampered one is refused).
      return `state-ok: confirmed=${JSON.stringify((confirm.content as { ok?: unknown } | undefined)?.ok ?? null)}`;
    },
  },
  {
    name: 'test_input_required_result_multiple_inputs',
    description: 'Asks for a name, a greeting and the roots at once',
    handler: async (_args, ctx) => {
      const answers = await ctx.input({
        user_name: { method: 'elicitation/create', params: ASK_NAME },
        greeting: { method: 'sampling/createMessage', params: { messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }], maxTokens: 50 } },
        client_roots: { method: 'roots/list', params: {} },
      });
      return `Got ${Object.keys(answers).join(', ')}`;
    },
  },
  {
    name: 'test_input_required_result_multi_round',
    description: 'Asks for a name, then (in a second round) a favorite color',
    handler: async (_args, ctx) => {
      const { step1 } = await ctx.input({ step1: { method: 'elicitation/create', params: { message: 'Step 1: What is your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } } });
      const { step2 } = await ctx.input({ step2: { method: 'elicitation/create', params: { message: 'Step 2: What is your favorite color?', requestedSchema: { type: 'object', properties: { color: { type: 'string' } }, required: ['color'] } } } });
      return `Name ${JSON.stringify(step1.content)}, color ${JSON.stringify(step2.content)}`;
    },
  },
  {
    name: 'test_input_required_result_tampered_state',
    description: 'Asks for a confirmation; a retry with an altered requestState is refused',
    handler: async (_args, ctx) => {
      await ctx.input({ confirm: { method: 'elicitation/create', params: CONFIRM } });
      return 'state-ok';
    },
  },
  {
    name: 'test_input_required_result_capabilities',
    description: 'Asks only what the client declared it can answer (sampling, elicitation)',
    handler: async (_args, ctx) => {
      const declared = ctx.clientCapabilities ?? {};
      const questions: Record<string, InputRequest> = {};
      if (declared.sampling) questions.greeting = { method: 'sampling/createMessage', params: { messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }], maxTokens: 50 } };
      if (declared.elicitation) questions.user_name = { method: 'elicitation/create', params: ASK_NAME };
      const answers = await ctx.input(questions);
      return `Got ${Object.keys(answers).join(', ') || 'nothing to ask'}`;
    },
  },
]);

const ASK_NAME = { message: 'What is your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } };
const CONFIRM = { message: 'Please confirm', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } };
