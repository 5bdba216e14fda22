// WIT enums and their JSON spellings.
import type {
  ElicitResultAction,
  IconTheme,
  IncludeContext,
  LogLevel,
  NumberSchemaType,
  ProtocolVersion,
  Role,
  StringSchemaFormat,
  ToolChoiceMode,
} from './wit/wasmcp-mcp-v20251125-mcp.js';

export const LATEST_PROTOCOL_VERSION: ProtocolVersion = 'v20251125';

const PROTOCOL_VERSIONS: Record<ProtocolVersion, string> = {
  v20251125: '2025-11-25',
  v20250618: '2025-06-18',
  v20250326: '2025-03-26',
  v20241105: '2024-11-05',
};

/** '2025-11-25' for v20251125, and so on. */
export function protocolVersionToString(version: ProtocolVersion): string {
  return PROTOCOL_VERSIONS[version];
}

/** The enum case of a version string, or undefined for a version WIT does not know. */
export function protocolVersionFromString(text: string): ProtocolVersion | undefined {
  for (const [version, spelled] of Object.entries(PROTOCOL_VERSIONS)) {
    if (spelled === text) return version as ProtocolVersion;
  }
  return undefined;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
export const ROLES: readonly Role[] = ['user', 'assistant'];
export const ICON_THEMES: readonly IconTheme[] = ['light', 'dark'];
export const ELICIT_ACTIONS: readonly ElicitResultAction[] = ['accept', 'decline', 'cancel'];
export const STRING_FORMATS: readonly StringSchemaFormat[] = ['uri', 'email', 'date', 'date-time'];
export const NUMBER_TYPES: readonly NumberSchemaType[] = ['number', 'integer'];
export const TOOL_CHOICE_MODES: readonly ToolChoiceMode[] = ['auto', 'required', 'none'];

const INCLUDE_CONTEXT: Record<IncludeContext, string> = {
  none: 'none',
  'this-server': 'thisServer',
  'all-servers': 'allServers',
};

export function includeContextToJson(value: IncludeContext): string {
  return INCLUDE_CONTEXT[value];
}

export function includeContextFromJson(text: string): IncludeContext | undefined {
  return (Object.keys(INCLUDE_CONTEXT) as IncludeContext[]).find((k) => INCLUDE_CONTEXT[k] === text);
}
