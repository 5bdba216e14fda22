// The example's prompts, each with arguments; some arguments have a fixed vocabulary, which
// completion/complete offers by prefix.
import { checkRequiredArguments, promptArguments } from '@wasmcp-ts/protocol';
import type { CompleteRequest, CompleteResult, GetPromptResult, Prompt, PromptMessage } from '@wasmcp-ts/protocol/wit/wasmcp-mcp-v20251125-mcp.js';

interface PromptDefinition {
  prompt: Prompt;
  /** Values offered for completion, by argument name. */
  choices: Record<string, string[]>;
  render(args: Map<string, string>): { description: string; text: string };
}

const LANGUAGES = ['c', 'cpp', 'csharp', 'go', 'java', 'javascript', 'kotlin', 'python', 'ruby', 'rust', 'swift', 'typescript'];

const definitions: PromptDefinition[] = [
  {
    prompt: {
      name: 'code_review',
      options: {
        title: 'Code review',
        description: 'Review a piece of code',
        arguments: [
          { name: 'language', description: 'Programming language of the code', required: true },
          { name: 'code', description: 'The code to review', required: true },
          { name: 'focus', description: 'What to look at first' },
        ],
      },
    },
    choices: { language: LANGUAGES, focus: ['correctness', 'performance', 'readability', 'security'] },
    render: (args) => ({
      description: `Review of ${args.get('language')} code`,
      text:
        `Please review this ${args.get('language')} code` +
        (args.has('focus') ? `, focusing on ${args.get('focus')}` : '') +
        `:\n\n${args.get('code')}`,
    }),
  },
  {
    prompt: {
      name: 'summarize',
      options: {
        title: 'Summarize',
        description: 'Summarize a text',
        arguments: [
          { name: 'text', description: 'The text to summarize', required: true },
          { name: 'style', description: 'brief, detailed or bullet-points' },
        ],
      },
    },
    choices: { style: ['brief', 'bullet-points', 'detailed'] },
    render: (args) => ({
      description: 'Summary request',
      text: `Summarize the following text${args.has('style') ? ` (${args.get('style')})` : ''}:\n\n${args.get('text')}`,
    }),
  },
];

export const prompts: Prompt[] = definitions.map((d) => d.prompt);

function definition(name: string): PromptDefinition | undefined {
  return definitions.find((d) => d.prompt.name === name);
}

/** The prompt's messages, or `undefined` when the name is not ours. */
export function getPrompt(name: string, argumentsJson: string | undefined): GetPromptResult | undefined {
  const found = definition(name);
  if (!found) return undefined;
  const args = promptArguments(argumentsJson);
  checkRequiredArguments(found.prompt, args);
  const { description, text } = found.render(args);
  const message: PromptMessage = { role: 'user', content: { tag: 'text', val: { text: { tag: 'text', val: text } } } };
  return { description, messages: [message] };
}

/** Completes an argument of one of our prompts; `undefined` for every other reference. */
export function complete(request: CompleteRequest): CompleteResult | undefined {
  if (request.ref.tag !== 'prompt') return undefined;
  const found = definition(request.ref.val.name);
  if (!found) return undefined;
  const prefix = request.argument.value.toLowerCase();
  const values = (found.choices[request.argument.name] ?? []).filter((choice) => choice.startsWith(prefix));
  return { values, total: BigInt(values.length), hasMore: false };
}
