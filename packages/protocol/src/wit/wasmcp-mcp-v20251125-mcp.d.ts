/** @module Interface wasmcp:mcp-v20251125/mcp@0.1.1 **/
export type InputStream = import('./wasi-io-streams.js').InputStream;
export type Jwt = import('./wasmcp-auth-types.js').Jwt;
export type JwtClaims = import('./wasmcp-auth-types.js').JwtClaims;
export type Cursor = string;
export type Json = string;
export type Meta = Json;
export type Uri = string;
export interface Identity {
  jwt: Jwt,
  claims: JwtClaims,
}
export interface Session {
  sessionId: string,
  storeId: string,
}
export type TextData = TextDataText | TextDataTextStream;
export interface TextDataText {
  tag: 'text',
  val: string,
}
export interface TextDataTextStream {
  tag: 'text-stream',
  val: InputStream,
}
export type BlobData = BlobDataBlob | BlobDataBlobStream;
export interface BlobDataBlob {
  tag: 'blob',
  val: Uint8Array,
}
export interface BlobDataBlobStream {
  tag: 'blob-stream',
  val: InputStream,
}
export interface EmbeddedResourceOptions {
  mimeType?: string,
  meta?: Meta,
}
export interface TextResourceContents {
  uri: Uri,
  text: TextData,
  options?: EmbeddedResourceOptions,
}
export interface BlobResourceContents {
  uri: Uri,
  blob: BlobData,
  options?: EmbeddedResourceOptions,
}
export type ResourceContents = ResourceContentsText | ResourceContentsBlob;
export interface ResourceContentsText {
  tag: 'text',
  val: TextResourceContents,
}
export interface ResourceContentsBlob {
  tag: 'blob',
  val: BlobResourceContents,
}
/**
 * # Variants
 * 
 * ## `"debug"`
 * 
 * ## `"info"`
 * 
 * ## `"notice"`
 * 
 * ## `"warning"`
 * 
 * ## `"error"`
 * 
 * ## `"critical"`
 * 
 * ## `"alert"`
 * 
 * ## `"emergency"`
 */
export type LogLevel = 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical' | 'alert' | 'emergency';
export type ProgressToken = ProgressTokenString | ProgressTokenInteger;
export interface ProgressTokenString {
  tag: 'string',
  val: string,
}
export interface ProgressTokenInteger {
  tag: 'integer',
  val: bigint,
}
export type RequestId = RequestIdNumber | RequestIdString;
export interface RequestIdNumber {
  tag: 'number',
  val: bigint,
}
export interface RequestIdString {
  tag: 'string',
  val: string,
}
/**
 * # Variants
 * 
 * ## `"v20251125"`
 * 
 * ## `"v20250618"`
 * 
 * ## `"v20250326"`
 * 
 * ## `"v20241105"`
 */
export type ProtocolVersion = 'v20251125' | 'v20250618' | 'v20250326' | 'v20241105';
export interface ServerLists {
  tools?: boolean,
  resources?: boolean,
  prompts?: boolean,
}
export interface ServerSubscriptions {
  resources?: boolean,
}
export interface ClientLists {
  roots?: boolean,
}
/**
 * # Variants
 * 
 * ## `"user"`
 * 
 * ## `"assistant"`
 */
export type Role = 'user' | 'assistant';
export interface ServerCapabilities {
  completions?: Json,
  experimental?: Array<[string, Json]>,
  logging?: Json,
  listChanged?: ServerLists,
  subscriptions?: ServerSubscriptions,
}
export interface SamplingCapabilities {
  tools?: boolean,
  context?: boolean,
}
export interface ClientCapabilities {
  elicitation?: Json,
  experimental?: Array<[string, Json]>,
  listChanged?: ClientLists,
  sampling?: SamplingCapabilities,
}
export interface Annotations {
  audience?: Array<Role>,
  lastModified?: string,
  priority?: number,
}
export interface ContentOptions {
  annotations?: Annotations,
  meta?: Meta,
}
export interface Blob {
  data: BlobData,
  mimeType: string,
  options?: ContentOptions,
}
export type ImageContent = Blob;
export type AudioContent = Blob;
export interface TextContent {
  text: TextData,
  options?: ContentOptions,
}
export interface EmbeddedResourceContent {
  resource: ResourceContents,
  options?: ContentOptions,
}
export interface ToolAnnotations {
  title?: string,
  readOnlyHint?: boolean,
  destructiveHint?: boolean,
  idempotentHint?: boolean,
  openWorldHint?: boolean,
}
/**
 * # Variants
 * 
 * ## `"light"`
 * 
 * ## `"dark"`
 */
export type IconTheme = 'light' | 'dark';
export interface Icon {
  src: Uri,
  mimeType?: string,
  sizes?: Array<string>,
  theme?: IconTheme,
}
export interface ResourceLinkOptions {
  title?: string,
  description?: string,
  size?: bigint,
  mimeType?: string,
  annotations?: Annotations,
  meta?: Meta,
  icons?: Array<Icon>,
}
export interface ResourceLinkContent {
  uri: Uri,
  name: string,
  options?: ResourceLinkOptions,
}
export type ContentBlock = ContentBlockText | ContentBlockImage | ContentBlockAudio | ContentBlockResourceLink | ContentBlockEmbeddedResource;
export interface ContentBlockText {
  tag: 'text',
  val: TextContent,
}
export interface ContentBlockImage {
  tag: 'image',
  val: ImageContent,
}
export interface ContentBlockAudio {
  tag: 'audio',
  val: AudioContent,
}
export interface ContentBlockResourceLink {
  tag: 'resource-link',
  val: ResourceLinkContent,
}
export interface ContentBlockEmbeddedResource {
  tag: 'embedded-resource',
  val: EmbeddedResourceContent,
}
export interface PromptMessage {
  content: ContentBlock,
  role: Role,
}
export interface Implementation {
  name: string,
  title?: string,
  version: string,
  description?: string,
  icons?: Array<Icon>,
}
export interface ToolOptions {
  meta?: Meta,
  annotations?: ToolAnnotations,
  description?: string,
  outputSchema?: Json,
  title?: string,
  icons?: Array<Icon>,
}
export interface NextCursorOptions {
  meta?: Meta,
  nextCursor?: Cursor,
}
export interface Tool {
  name: string,
  inputSchema: Json,
  options?: ToolOptions,
}
export interface ResourceOptions {
  size?: bigint,
  title?: string,
  description?: string,
  mimeType?: string,
  annotations?: Annotations,
  meta?: Meta,
  icons?: Array<Icon>,
}
export interface McpResource {
  uri: Uri,
  name: string,
  options?: ResourceOptions,
}
export interface MetaOptions {
  meta?: Meta,
}
export interface ResourceTemplateOptions {
  description?: string,
  title?: string,
  mimeType?: string,
  annotations?: Annotations,
  meta?: Meta,
  icons?: Array<Icon>,
}
export interface ResourceTemplate {
  uriTemplate: string,
  name: string,
  options?: ResourceTemplateOptions,
}
export interface PromptArgument {
  name: string,
  description?: string,
  required?: boolean,
  title?: string,
}
export interface PromptOptions {
  meta?: Meta,
  arguments?: Array<PromptArgument>,
  description?: string,
  title?: string,
  icons?: Array<Icon>,
}
export interface Prompt {
  name: string,
  options?: PromptOptions,
}
export interface DescriptionOptions {
  meta?: Meta,
  description?: string,
}
/**
 * # Variants
 * 
 * ## `"uri"`
 * 
 * ## `"email"`
 * 
 * ## `"date"`
 * 
 * ## `"date-time"`
 */
export type StringSchemaFormat = 'uri' | 'email' | 'date' | 'date-time';
export interface StringSchema {
  'default'?: string,
  description?: string,
  format?: StringSchemaFormat,
  maxLength?: number,
  minLength?: number,
  title?: string,
}
/**
 * # Variants
 * 
 * ## `"number"`
 * 
 * ## `"integer"`
 */
export type NumberSchemaType = 'number' | 'integer';
export interface NumberSchema {
  'default'?: number,
  description?: string,
  maximum?: number,
  minimum?: number,
  title?: string,
  type: NumberSchemaType,
}
export interface BooleanSchema {
  'default'?: boolean,
  description?: string,
  title?: string,
}
export interface EnumOption {
  constValue: string,
  title: string,
}
export interface UntitledSingleSelectEnumSchema {
  'enum': Array<string>,
  'default'?: string,
  description?: string,
  title?: string,
}
export interface TitledSingleSelectEnumSchema {
  oneOf: Array<EnumOption>,
  'default'?: string,
  description?: string,
  title?: string,
}
export interface UntitledMultiSelectEnumSchema {
  'enum': Array<string>,
  'default'?: Array<string>,
  description?: string,
  title?: string,
}
export interface TitledMultiSelectEnumSchema {
  oneOf: Array<EnumOption>,
  'default'?: Array<string>,
  description?: string,
  title?: string,
}
export type EnumSchema = EnumSchemaUntitledSingleSelect | EnumSchemaTitledSingleSelect | EnumSchemaUntitledMultiSelect | EnumSchemaTitledMultiSelect;
export interface EnumSchemaUntitledSingleSelect {
  tag: 'untitled-single-select',
  val: UntitledSingleSelectEnumSchema,
}
export interface EnumSchemaTitledSingleSelect {
  tag: 'titled-single-select',
  val: TitledSingleSelectEnumSchema,
}
export interface EnumSchemaUntitledMultiSelect {
  tag: 'untitled-multi-select',
  val: UntitledMultiSelectEnumSchema,
}
export interface EnumSchemaTitledMultiSelect {
  tag: 'titled-multi-select',
  val: TitledMultiSelectEnumSchema,
}
export type PrimitiveSchemaDefinition = PrimitiveSchemaDefinitionStringSchema | PrimitiveSchemaDefinitionNumberSchema | PrimitiveSchemaDefinitionBooleanSchema | PrimitiveSchemaDefinitionEnumSchema;
export interface PrimitiveSchemaDefinitionStringSchema {
  tag: 'string-schema',
  val: StringSchema,
}
export interface PrimitiveSchemaDefinitionNumberSchema {
  tag: 'number-schema',
  val: NumberSchema,
}
export interface PrimitiveSchemaDefinitionBooleanSchema {
  tag: 'boolean-schema',
  val: BooleanSchema,
}
export interface PrimitiveSchemaDefinitionEnumSchema {
  tag: 'enum-schema',
  val: EnumSchema,
}
export interface RequestedSchema {
  properties: Array<[string, PrimitiveSchemaDefinition]>,
  required?: Array<string>,
}
/**
 * # Variants
 * 
 * ## `"accept"`
 * 
 * ## `"decline"`
 * 
 * ## `"cancel"`
 */
export type ElicitResultAction = 'accept' | 'decline' | 'cancel';
export type ElicitResultContent = ElicitResultContentString | ElicitResultContentNumber | ElicitResultContentBoolean | ElicitResultContentStringArray;
export interface ElicitResultContentString {
  tag: 'string',
  val: string,
}
export interface ElicitResultContentNumber {
  tag: 'number',
  val: number,
}
export interface ElicitResultContentBoolean {
  tag: 'boolean',
  val: boolean,
}
export interface ElicitResultContentStringArray {
  tag: 'string-array',
  val: Array<string>,
}
export interface InitializeRequest {
  capabilities: ClientCapabilities,
  clientInfo: Implementation,
  protocolVersion: ProtocolVersion,
}
export interface InitializeResultOptions {
  instructions?: string,
  meta?: Meta,
}
export interface InitializeResult {
  meta?: Meta,
  serverInfo: Implementation,
  capabilities: ServerCapabilities,
  protocolVersion: ProtocolVersion,
  options?: InitializeResultOptions,
}
export interface ListToolsRequest {
  cursor?: Cursor,
}
export interface ListToolsResult {
  meta?: Meta,
  nextCursor?: Cursor,
  tools: Array<Tool>,
}
export interface CallToolRequest {
  name: string,
  arguments?: Json,
}
export interface CallToolResult {
  meta?: Meta,
  content: Array<ContentBlock>,
  isError?: boolean,
  structuredContent?: Json,
}
export interface ListResourcesRequest {
  cursor?: Cursor,
}
export interface ListResourcesResult {
  meta?: Meta,
  nextCursor?: Cursor,
  resources: Array<McpResource>,
}
export interface ReadResourceRequest {
  uri: Uri,
}
export interface ReadResourceResult {
  meta?: Meta,
  contents: Array<ResourceContents>,
}
export interface ListResourceTemplatesRequest {
  cursor?: Cursor,
}
export interface ListResourceTemplatesResult {
  meta?: Meta,
  nextCursor?: Cursor,
  resourceTemplates: Array<ResourceTemplate>,
}
export interface ListPromptsRequest {
  cursor?: Cursor,
}
export interface ListPromptsResult {
  meta?: Meta,
  nextCursor?: Cursor,
  prompts: Array<Prompt>,
}
export interface GetPromptRequest {
  name: string,
  arguments?: Json,
}
export interface GetPromptResult {
  meta?: Meta,
  description?: string,
  messages: Array<PromptMessage>,
}
export interface CompletionArgument {
  name: string,
  value: string,
}
export interface CompletionContext {
  arguments?: Json,
}
export interface CompletionPromptReference {
  name: string,
  title?: string,
}
export type CompletionReference = CompletionReferencePrompt | CompletionReferenceResourceTemplate;
export interface CompletionReferencePrompt {
  tag: 'prompt',
  val: CompletionPromptReference,
}
export interface CompletionReferenceResourceTemplate {
  tag: 'resource-template',
  val: Uri,
}
export interface CompleteRequest {
  argument: CompletionArgument,
  ref: CompletionReference,
  context?: CompletionContext,
}
export interface CompleteResult {
  meta?: Meta,
  hasMore?: boolean,
  total?: bigint,
  values: Array<string>,
}
export interface ElicitFormRequest {
  message: string,
  requestedSchema: RequestedSchema,
}
export interface ElicitUrlRequest {
  elicitationId: string,
  message: string,
  url: Uri,
}
export type ElicitRequest = ElicitRequestForm | ElicitRequestUrl;
export interface ElicitRequestForm {
  tag: 'form',
  val: ElicitFormRequest,
}
export interface ElicitRequestUrl {
  tag: 'url',
  val: ElicitUrlRequest,
}
export interface ElicitationCompleteNotification {
  elicitationId: string,
}
export interface ElicitResult {
  meta?: Meta,
  action: ElicitResultAction,
  content?: Array<[string, ElicitResultContent]>,
}
export interface ListRootsRequest {
  meta?: Meta,
  progressToken?: ProgressToken,
}
export interface Root {
  meta?: Meta,
  name?: string,
  uri: Uri,
}
export interface ListRootsResult {
  meta?: Meta,
  roots: Array<Root>,
}
export interface PingRequest {
  meta?: Meta,
  progressToken?: ProgressToken,
  extras: Array<[string, Json]>,
}
/**
 * # Variants
 * 
 * ## `"none"`
 * 
 * ## `"this-server"`
 * 
 * ## `"all-servers"`
 */
export type IncludeContext = 'none' | 'this-server' | 'all-servers';
export interface ModelHint {
  name?: string,
  extra?: Json,
}
export interface ModelPreferences {
  costPriority?: number,
  hints?: Array<ModelHint>,
  intelligencePriority?: number,
  speedPriority?: number,
}
/**
 * # Variants
 * 
 * ## `"auto"`
 * 
 * ## `"required"`
 * 
 * ## `"none"`
 */
export type ToolChoiceMode = 'auto' | 'required' | 'none';
export interface ToolChoice {
  mode: ToolChoiceMode,
}
export interface ToolUseContent {
  id: string,
  name: string,
  input: Json,
}
export type ToolResultContentBlock = ToolResultContentBlockText | ToolResultContentBlockImage | ToolResultContentBlockAudio;
export interface ToolResultContentBlockText {
  tag: 'text',
  val: TextContent,
}
export interface ToolResultContentBlockImage {
  tag: 'image',
  val: ImageContent,
}
export interface ToolResultContentBlockAudio {
  tag: 'audio',
  val: AudioContent,
}
export interface ToolResultContent {
  toolUseId: string,
  content: Array<ToolResultContentBlock>,
  structuredContent?: Json,
  isError?: boolean,
}
export type SamplingContentBlock = SamplingContentBlockText | SamplingContentBlockImage | SamplingContentBlockAudio | SamplingContentBlockToolUse | SamplingContentBlockToolResult;
export interface SamplingContentBlockText {
  tag: 'text',
  val: TextContent,
}
export interface SamplingContentBlockImage {
  tag: 'image',
  val: ImageContent,
}
export interface SamplingContentBlockAudio {
  tag: 'audio',
  val: AudioContent,
}
export interface SamplingContentBlockToolUse {
  tag: 'tool-use',
  val: ToolUseContent,
}
export interface SamplingContentBlockToolResult {
  tag: 'tool-result',
  val: ToolResultContent,
}
export interface SamplingMessage {
  content: SamplingContentBlock,
  role: Role,
}
export interface SamplingCreateMessageRequest {
  includeContext: IncludeContext,
  maxTokens: bigint,
  messages: Array<SamplingMessage>,
  metadata?: Json,
  modelPreferences?: ModelPreferences,
  stopSequences?: Array<string>,
  systemPrompt?: string,
  temperature?: number,
  tools?: Array<Tool>,
  toolChoice?: ToolChoice,
}
export interface SamplingCreateMessageResult {
  meta?: Meta,
  content: ContentBlock,
  model: string,
  role: Role,
  stopReason?: string,
  extra?: Json,
}
export type ClientRequest = ClientRequestInitialize | ClientRequestToolsList | ClientRequestToolsCall | ClientRequestResourcesList | ClientRequestResourcesRead | ClientRequestResourcesTemplatesList | ClientRequestPromptsList | ClientRequestPromptsGet | ClientRequestCompletionComplete | ClientRequestLoggingSetLevel | ClientRequestPing | ClientRequestResourcesSubscribe | ClientRequestResourcesUnsubscribe;
export interface ClientRequestInitialize {
  tag: 'initialize',
  val: InitializeRequest,
}
export interface ClientRequestToolsList {
  tag: 'tools-list',
  val: ListToolsRequest,
}
export interface ClientRequestToolsCall {
  tag: 'tools-call',
  val: CallToolRequest,
}
export interface ClientRequestResourcesList {
  tag: 'resources-list',
  val: ListResourcesRequest,
}
export interface ClientRequestResourcesRead {
  tag: 'resources-read',
  val: ReadResourceRequest,
}
export interface ClientRequestResourcesTemplatesList {
  tag: 'resources-templates-list',
  val: ListResourceTemplatesRequest,
}
export interface ClientRequestPromptsList {
  tag: 'prompts-list',
  val: ListPromptsRequest,
}
export interface ClientRequestPromptsGet {
  tag: 'prompts-get',
  val: GetPromptRequest,
}
export interface ClientRequestCompletionComplete {
  tag: 'completion-complete',
  val: CompleteRequest,
}
export interface ClientRequestLoggingSetLevel {
  tag: 'logging-set-level',
  val: LogLevel,
}
export interface ClientRequestPing {
  tag: 'ping',
  val: PingRequest,
}
export interface ClientRequestResourcesSubscribe {
  tag: 'resources-subscribe',
  val: Uri,
}
export interface ClientRequestResourcesUnsubscribe {
  tag: 'resources-unsubscribe',
  val: Uri,
}
export type ServerRequest = ServerRequestElicitationCreate | ServerRequestRootsList | ServerRequestSamplingCreateMessage | ServerRequestPing;
export interface ServerRequestElicitationCreate {
  tag: 'elicitation-create',
  val: ElicitRequest,
}
export interface ServerRequestRootsList {
  tag: 'roots-list',
  val: ListRootsRequest,
}
export interface ServerRequestSamplingCreateMessage {
  tag: 'sampling-create-message',
  val: SamplingCreateMessageRequest,
}
export interface ServerRequestPing {
  tag: 'ping',
  val: PingRequest,
}
export type McpRequest = McpRequestServer | McpRequestClient;
export interface McpRequestServer {
  tag: 'server',
  val: ServerRequest,
}
export interface McpRequestClient {
  tag: 'client',
  val: ClientRequest,
}
export type ServerResult = ServerResultPing | ServerResultLoggingSetLevel | ServerResultInitialize | ServerResultToolsList | ServerResultToolsCall | ServerResultResourcesList | ServerResultResourcesRead | ServerResultResourcesTemplatesList | ServerResultPromptsList | ServerResultPromptsGet | ServerResultCompletionComplete;
export interface ServerResultPing {
  tag: 'ping',
}
export interface ServerResultLoggingSetLevel {
  tag: 'logging-set-level',
}
export interface ServerResultInitialize {
  tag: 'initialize',
  val: InitializeResult,
}
export interface ServerResultToolsList {
  tag: 'tools-list',
  val: ListToolsResult,
}
export interface ServerResultToolsCall {
  tag: 'tools-call',
  val: CallToolResult,
}
export interface ServerResultResourcesList {
  tag: 'resources-list',
  val: ListResourcesResult,
}
export interface ServerResultResourcesRead {
  tag: 'resources-read',
  val: ReadResourceResult,
}
export interface ServerResultResourcesTemplatesList {
  tag: 'resources-templates-list',
  val: ListResourceTemplatesResult,
}
export interface ServerResultPromptsList {
  tag: 'prompts-list',
  val: ListPromptsResult,
}
export interface ServerResultPromptsGet {
  tag: 'prompts-get',
  val: GetPromptResult,
}
export interface ServerResultCompletionComplete {
  tag: 'completion-complete',
  val: CompleteResult,
}
export type ClientResult = ClientResultElicitationCreate | ClientResultRootsList | ClientResultSamplingCreateMessage;
export interface ClientResultElicitationCreate {
  tag: 'elicitation-create',
  val: ElicitResult,
}
export interface ClientResultRootsList {
  tag: 'roots-list',
  val: ListRootsResult,
}
export interface ClientResultSamplingCreateMessage {
  tag: 'sampling-create-message',
  val: SamplingCreateMessageResult,
}
export type McpResult = McpResultServer | McpResultClient;
export interface McpResultServer {
  tag: 'server',
  val: ServerResult,
}
export interface McpResultClient {
  tag: 'client',
  val: ClientResult,
}
export interface LoggingMessageNotification {
  data: Json,
  level: LogLevel,
  logger?: string,
}
export interface CancelledNotification {
  requestId: RequestId,
  reason?: string,
}
export interface ProgressNotification {
  progressToken: ProgressToken,
  progress: number,
  total?: number,
  message?: string,
}
export interface NotificationOptions {
  meta?: Meta,
  extras?: Json,
}
export interface ResourceUpdatedNotification {
  meta?: Meta,
  uri: Uri,
}
export type ServerNotification = ServerNotificationToolsListChanged | ServerNotificationResourcesListChanged | ServerNotificationResourcesUpdated | ServerNotificationPromptsListChanged | ServerNotificationLog | ServerNotificationCancellation | ServerNotificationProgress | ServerNotificationElicitationComplete;
export interface ServerNotificationToolsListChanged {
  tag: 'tools-list-changed',
  val: NotificationOptions,
}
export interface ServerNotificationResourcesListChanged {
  tag: 'resources-list-changed',
  val: NotificationOptions,
}
export interface ServerNotificationResourcesUpdated {
  tag: 'resources-updated',
  val: ResourceUpdatedNotification,
}
export interface ServerNotificationPromptsListChanged {
  tag: 'prompts-list-changed',
  val: NotificationOptions,
}
export interface ServerNotificationLog {
  tag: 'log',
  val: LoggingMessageNotification,
}
export interface ServerNotificationCancellation {
  tag: 'cancellation',
  val: CancelledNotification,
}
export interface ServerNotificationProgress {
  tag: 'progress',
  val: ProgressNotification,
}
export interface ServerNotificationElicitationComplete {
  tag: 'elicitation-complete',
  val: ElicitationCompleteNotification,
}
export type ClientNotification = ClientNotificationInitialized | ClientNotificationRootsListChanged | ClientNotificationCancelled | ClientNotificationProgress;
export interface ClientNotificationInitialized {
  tag: 'initialized',
  val: NotificationOptions,
}
export interface ClientNotificationRootsListChanged {
  tag: 'roots-list-changed',
  val: NotificationOptions,
}
export interface ClientNotificationCancelled {
  tag: 'cancelled',
  val: CancelledNotification,
}
export interface ClientNotificationProgress {
  tag: 'progress',
  val: ProgressNotification,
}
export type McpNotification = McpNotificationServer | McpNotificationClient;
export interface McpNotificationServer {
  tag: 'server',
  val: ServerNotification,
}
export interface McpNotificationClient {
  tag: 'client',
  val: ClientNotification,
}
export interface Error {
  code: bigint,
  message: string,
  data?: Json,
}
export type ErrorCode = ErrorCodeParseError | ErrorCodeInvalidRequest | ErrorCodeMethodNotFound | ErrorCodeInvalidParams | ErrorCodeInternalError | ErrorCodeServer | ErrorCodeJsonRpc | ErrorCodeMcp;
export interface ErrorCodeParseError {
  tag: 'parse-error',
  val: Error,
}
export interface ErrorCodeInvalidRequest {
  tag: 'invalid-request',
  val: Error,
}
export interface ErrorCodeMethodNotFound {
  tag: 'method-not-found',
  val: Error,
}
export interface ErrorCodeInvalidParams {
  tag: 'invalid-params',
  val: Error,
}
export interface ErrorCodeInternalError {
  tag: 'internal-error',
  val: Error,
}
export interface ErrorCodeServer {
  tag: 'server',
  val: Error,
}
export interface ErrorCodeJsonRpc {
  tag: 'json-rpc',
  val: Error,
}
export interface ErrorCodeMcp {
  tag: 'mcp',
  val: Error,
}
export type ServerMessage = ServerMessageRequest | ServerMessageResult | ServerMessageError | ServerMessageNotification;
export interface ServerMessageRequest {
  tag: 'request',
  val: [RequestId, ServerRequest],
}
export interface ServerMessageResult {
  tag: 'result',
  val: [RequestId, ServerResult],
}
export interface ServerMessageError {
  tag: 'error',
  val: [RequestId | undefined, ErrorCode],
}
export interface ServerMessageNotification {
  tag: 'notification',
  val: ServerNotification,
}
export type ClientMessage = ClientMessageRequest | ClientMessageResult | ClientMessageError | ClientMessageNotification;
export interface ClientMessageRequest {
  tag: 'request',
  val: [RequestId, ClientRequest],
}
export interface ClientMessageResult {
  tag: 'result',
  val: [RequestId, ClientResult],
}
export interface ClientMessageError {
  tag: 'error',
  val: [RequestId | undefined, ErrorCode],
}
export interface ClientMessageNotification {
  tag: 'notification',
  val: ClientNotification,
}
export type McpMessage = McpMessageRequest | McpMessageResult | McpMessageError | McpMessageNotification;
export interface McpMessageRequest {
  tag: 'request',
  val: [RequestId, McpRequest],
}
export interface McpMessageResult {
  tag: 'result',
  val: [RequestId, McpResult],
}
export interface McpMessageError {
  tag: 'error',
  val: [RequestId | undefined, ErrorCode],
}
export interface McpMessageNotification {
  tag: 'notification',
  val: McpNotification,
}
