// @wasmcp-ts/sdk: MCP tools, resources and prompts as plain objects. A component is one module
// exporting what these return (`export const tools = defineTools([...])`); `wasmcp-ts build`
// turns it into a WebAssembly component of the wasmcp:mcp-v20251125 contract.
export { defineTools, type ToolAnnotations, type ToolArguments, type ToolDefinition, type ToolReturn, type ToolsExport } from './tools.js';
export {
  defineResources,
  type ResourceDefinition,
  type ResourceRead,
  type ResourcesExport,
  type ResourceTemplateDefinition,
} from './resources.js';
export { definePrompts, type PromptArgumentDefinition, type PromptArguments, type PromptDefinition, type PromptReturn, type PromptsExport } from './prompts.js';
export type { InputRequest } from './round-trips.js';
export type { Downstream } from './downstream.js';
export type { CallToolResultJson, McpMessage, ToolJson } from './mcp-json.js';
export type { Context, ElicitRequest, ElicitResult, SamplingRequest, SamplingResult, SessionStore, SessionValue } from './context.js';
export type { Annotations, Content, Icon, ResourceContentsJson } from './content.js';
export type { FromSchema, JsonSchema, JsonSchemaType } from './json-schema.js';
export type { StandardSchema } from './standard-schema.js';
export type { TemplateParams } from './uri-template.js';
// For the failures that are protocol errors on purpose (e.g. -32042 URL elicitation required).
export { invalidParams, mcpError, ProtocolError, resourceNotFound } from '@wasmcp-ts/protocol';
