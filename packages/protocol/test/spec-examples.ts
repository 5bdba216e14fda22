// JSON-RPC messages from the MCP 2025-11-25 specification pages (docs/specification/2025-11-25),
// extracted verbatim; the `#n` is the message's position among the pages' JSON-RPC examples.
// Examples the spec writes with comments or placeholders are adapted where noted.

export interface SpecExample {
  name: string;
  json: Record<string, unknown>;
}

export const CLIENT_EXAMPLES: SpecExample[] = [
  {
    name: "basic_lifecycle #0: initialize",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "initialize",
      "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {
          "roots": {
            "listChanged": true
          },
          "sampling": {},
          "elicitation": {
            "form": {},
            "url": {}
          },
          "tasks": {
            "requests": {
              "elicitation": {
                "create": {}
              },
              "sampling": {
                "createMessage": {}
              }
            }
          }
        },
        "clientInfo": {
          "name": "ExampleClient",
          "title": "Example Client Display Name",
          "version": "1.0.0",
          "description": "An example MCP client application",
          "icons": [
            {
              "src": "https://example.com/icon.png",
              "mimeType": "image/png",
              "sizes": [
                "48x48"
              ]
            }
          ],
          "websiteUrl": "https://example.com"
        }
      }
    },
  },
  {
    name: "basic_lifecycle #2: notifications/initialized",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/initialized"
    },
  },
  {
    name: "basic_utilities_cancellation #4: notifications/cancelled",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/cancelled",
      "params": {
        "requestId": "123",
        "reason": "User requested cancellation"
      }
    },
  },
  {
    name: "basic_utilities_ping #5: ping",
    json: {
      "jsonrpc": "2.0",
      "id": "123",
      "method": "ping"
    },
  },
  {
    name: "basic_utilities_progress #8: notifications/progress",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/progress",
      "params": {
        "progressToken": "abc123",
        "progress": 50,
        "total": 100,
        "message": "Reticulating splines..."
      }
    },
  },
  {
    name: "client_elicitation #10: result of action,content",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "action": "accept",
        "content": {
          "name": "octocat"
        }
      }
    },
  },
  {
    name: "client_elicitation #12: result of action,content",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "result": {
        "action": "accept",
        "content": {
          "name": "Monalisa Octocat",
          "email": "octocat@github.com",
          "age": 30
        }
      }
    },
  },
  {
    name: "client_elicitation #14: result of action",
    json: {
      "jsonrpc": "2.0",
      "id": 3,
      "result": {
        "action": "accept"
      }
    },
  },
  {
    name: "client_roots #17: result of roots",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "roots": [
          {
            "uri": "file:///home/user/projects/myproject",
            "name": "My Project"
          }
        ]
      }
    },
  },
  {
    name: "client_roots #18: notifications/roots/list_changed",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/roots/list_changed"
    },
  },
  {
    name: "client_roots #19: error -32601",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "error": {
        "code": -32601,
        "message": "Roots not supported",
        "data": {
          "reason": "Client does not have roots capability"
        }
      }
    },
  },
  {
    name: "client_sampling #21: result of role,content,model,stopReason",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "role": "assistant",
        "content": {
          "type": "text",
          "text": "The capital of France is Paris."
        },
        "model": "claude-3-sonnet-20240307",
        "stopReason": "endTurn"
      }
    },
  },
  {
    name: "client_sampling #25: result of role,content,model,stopReason",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "result": {
        "role": "assistant",
        "content": {
          "type": "text",
          "text": "Based on the current weather data:\n\n- **Paris**: 18°C and partly cloudy - quite pleasant!\n- **London**: 15°C and rainy - you'll want an umbrella.\n\nParis has slightly warmer and drier conditions today."
        },
        "model": "claude-3-sonnet-20240307",
        "stopReason": "endTurn"
      }
    },
  },
  {
    name: "client_sampling #26: error -1",
    json: {
      "jsonrpc": "2.0",
      "id": 3,
      "error": {
        "code": -1,
        "message": "User rejected sampling request"
      }
    },
  },
  {
    name: "client_sampling #27: error -32602",
    json: {
      "jsonrpc": "2.0",
      "id": 4,
      "error": {
        "code": -32602,
        "message": "Tool result missing in request"
      }
    },
  },
  {
    name: "server_prompts #28: prompts/list",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "prompts/list",
      "params": {
        "cursor": "optional-cursor-value"
      }
    },
  },
  {
    name: "server_prompts #30: prompts/get",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "method": "prompts/get",
      "params": {
        "name": "code_review",
        "arguments": {
          "code": "def hello():\n    print('world')"
        }
      }
    },
  },
  {
    name: "server_resources #33: resources/list",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "resources/list",
      "params": {
        "cursor": "optional-cursor-value"
      }
    },
  },
  {
    name: "server_resources #35: resources/read",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "method": "resources/read",
      "params": {
        "uri": "file:///project/src/main.rs"
      }
    },
  },
  {
    name: "server_resources #37: resources/templates/list",
    json: {
      "jsonrpc": "2.0",
      "id": 3,
      "method": "resources/templates/list"
    },
  },
  {
    name: "server_resources #40: resources/subscribe",
    json: {
      "jsonrpc": "2.0",
      "id": 4,
      "method": "resources/subscribe",
      "params": {
        "uri": "file:///project/src/main.rs"
      }
    },
  },
  {
    name: "server_tools #43: tools/list",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "tools/list",
      "params": {
        "cursor": "optional-cursor-value"
      }
    },
  },
  {
    name: "server_tools #45: tools/call",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "method": "tools/call",
      "params": {
        "name": "get_weather",
        "arguments": {
          "location": "New York"
        }
      }
    },
  },
  {
    name: "server_utilities_completion #51: completion/complete",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "completion/complete",
      "params": {
        "ref": {
          "type": "ref/prompt",
          "name": "code_review"
        },
        "argument": {
          "name": "language",
          "value": "py"
        }
      }
    },
  },
  {
    name: "server_utilities_completion #53: completion/complete",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "completion/complete",
      "params": {
        "ref": {
          "type": "ref/prompt",
          "name": "code_review"
        },
        "argument": {
          "name": "framework",
          "value": "fla"
        },
        "context": {
          "arguments": {
            "language": "python"
          }
        }
      }
    },
  },
  {
    name: "server_utilities_logging #55: logging/setLevel",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "logging/setLevel",
      "params": {
        "level": "info"
      }
    },
  },
  {
    name: "server_utilities_pagination #57: resources/list",
    json: {
      "jsonrpc": "2.0",
      "id": "124",
      "method": "resources/list",
      "params": {
        "cursor": "eyJwYWdlIjogMn0="
      }
    },
  },
  {
    // client_elicitation: the generic result example, without its comments.
    name: 'client_elicitation: result of action,content (generic)',
    json: { jsonrpc: '2.0', id: 1, result: { action: 'accept', content: { propertyName: 'value', anotherProperty: 42 } } },
  },
];

export const SERVER_EXAMPLES: SpecExample[] = [
  {
    name: "basic_lifecycle #1: result of protocolVersion,capabilities,serverInfo,instructions",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "protocolVersion": "2025-11-25",
        "capabilities": {
          "logging": {},
          "prompts": {
            "listChanged": true
          },
          "resources": {
            "subscribe": true,
            "listChanged": true
          },
          "tools": {
            "listChanged": true
          },
          "tasks": {
            "list": {},
            "cancel": {},
            "requests": {
              "tools": {
                "call": {}
              }
            }
          }
        },
        "serverInfo": {
          "name": "ExampleServer",
          "title": "Example Server Display Name",
          "version": "1.0.0",
          "description": "An example MCP server providing tools and resources",
          "icons": [
            {
              "src": "https://example.com/server-icon.svg",
              "mimeType": "image/svg+xml",
              "sizes": [
                "any"
              ]
            }
          ],
          "websiteUrl": "https://example.com/server"
        },
        "instructions": "Optional instructions for the client"
      }
    },
  },
  {
    name: "basic_lifecycle #3: error -32602",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "error": {
        "code": -32602,
        "message": "Unsupported protocol version",
        "data": {
          "supported": [
            "2024-11-05"
          ],
          "requested": "1.0.0"
        }
      }
    },
  },
  {
    name: "basic_utilities_cancellation #4: notifications/cancelled",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/cancelled",
      "params": {
        "requestId": "123",
        "reason": "User requested cancellation"
      }
    },
  },
  {
    name: "basic_utilities_ping #6: empty result",
    json: {
      "jsonrpc": "2.0",
      "id": "123",
      "result": {}
    },
  },
  {
    name: "basic_utilities_progress #8: notifications/progress",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/progress",
      "params": {
        "progressToken": "abc123",
        "progress": 50,
        "total": 100,
        "message": "Reticulating splines..."
      }
    },
  },
  {
    name: "client_elicitation #9: elicitation/create",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "elicitation/create",
      "params": {
        "mode": "form",
        "message": "Please provide your GitHub username",
        "requestedSchema": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            }
          },
          "required": [
            "name"
          ]
        }
      }
    },
  },
  {
    name: "client_elicitation #11: elicitation/create",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "method": "elicitation/create",
      "params": {
        "mode": "form",
        "message": "Please provide your contact information",
        "requestedSchema": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string",
              "description": "Your full name"
            },
            "email": {
              "type": "string",
              "format": "email",
              "description": "Your email address"
            },
            "age": {
              "type": "number",
              "minimum": 18,
              "description": "Your age"
            }
          },
          "required": [
            "name",
            "email"
          ]
        }
      }
    },
  },
  {
    name: "client_elicitation #13: elicitation/create",
    json: {
      "jsonrpc": "2.0",
      "id": 3,
      "method": "elicitation/create",
      "params": {
        "mode": "url",
        "elicitationId": "550e8400-e29b-41d4-a716-446655440000",
        "url": "https://mcp.example.com/ui/set_api_key",
        "message": "Please provide your API key to continue."
      }
    },
  },
  {
    name: "client_elicitation #15: notifications/elicitation/complete",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/elicitation/complete",
      "params": {
        "elicitationId": "550e8400-e29b-41d4-a716-446655440000"
      }
    },
  },
  {
    name: "client_roots #16: roots/list",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "roots/list"
    },
  },
  {
    name: "client_sampling #20: sampling/createMessage",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "sampling/createMessage",
      "params": {
        "messages": [
          {
            "role": "user",
            "content": {
              "type": "text",
              "text": "What is the capital of France?"
            }
          }
        ],
        "modelPreferences": {
          "hints": [
            {
              "name": "claude-3-sonnet"
            }
          ],
          "intelligencePriority": 0.8,
          "speedPriority": 0.5
        },
        "systemPrompt": "You are a helpful assistant.",
        "maxTokens": 100
      }
    },
  },
  {
    name: "client_sampling #22: sampling/createMessage",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "method": "sampling/createMessage",
      "params": {
        "messages": [
          {
            "role": "user",
            "content": {
              "type": "text",
              "text": "What's the weather like in Paris and London?"
            }
          }
        ],
        "tools": [
          {
            "name": "get_weather",
            "description": "Get current weather for a city",
            "inputSchema": {
              "type": "object",
              "properties": {
                "city": {
                  "type": "string",
                  "description": "City name"
                }
              },
              "required": [
                "city"
              ]
            }
          }
        ],
        "toolChoice": {
          "mode": "auto"
        },
        "maxTokens": 1000
      }
    },
  },
  {
    name: "server_prompts #29: result of prompts,nextCursor",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "prompts": [
          {
            "name": "code_review",
            "title": "Request Code Review",
            "description": "Asks the LLM to analyze code quality and suggest improvements",
            "arguments": [
              {
                "name": "code",
                "description": "The code to review",
                "required": true
              }
            ],
            "icons": [
              {
                "src": "https://example.com/review-icon.svg",
                "mimeType": "image/svg+xml",
                "sizes": [
                  "any"
                ]
              }
            ]
          }
        ],
        "nextCursor": "next-page-cursor"
      }
    },
  },
  {
    name: "server_prompts #31: result of description,messages",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "result": {
        "description": "Code review prompt",
        "messages": [
          {
            "role": "user",
            "content": {
              "type": "text",
              "text": "Please review this Python code:\ndef hello():\n    print('world')"
            }
          }
        ]
      }
    },
  },
  {
    name: "server_prompts #32: notifications/prompts/list_changed",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/prompts/list_changed"
    },
  },
  {
    name: "server_resources #34: result of resources,nextCursor",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "resources": [
          {
            "uri": "file:///project/src/main.rs",
            "name": "main.rs",
            "title": "Rust Software Application Main File",
            "description": "Primary application entry point",
            "mimeType": "text/x-rust",
            "icons": [
              {
                "src": "https://example.com/rust-file-icon.png",
                "mimeType": "image/png",
                "sizes": [
                  "48x48"
                ]
              }
            ]
          }
        ],
        "nextCursor": "next-page-cursor"
      }
    },
  },
  {
    name: "server_resources #36: result of contents",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "result": {
        "contents": [
          {
            "uri": "file:///project/src/main.rs",
            "mimeType": "text/x-rust",
            "text": "fn main() {\n    println!(\"Hello world!\");\n}"
          }
        ]
      }
    },
  },
  {
    name: "server_resources #38: result of resourceTemplates",
    json: {
      "jsonrpc": "2.0",
      "id": 3,
      "result": {
        "resourceTemplates": [
          {
            "uriTemplate": "file:///{path}",
            "name": "Project Files",
            "title": "📁 Project Files",
            "description": "Access files in the project directory",
            "mimeType": "application/octet-stream",
            "icons": [
              {
                "src": "https://example.com/folder-icon.png",
                "mimeType": "image/png",
                "sizes": [
                  "48x48"
                ]
              }
            ]
          }
        ]
      }
    },
  },
  {
    name: "server_resources #39: notifications/resources/list_changed",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/resources/list_changed"
    },
  },
  {
    name: "server_resources #41: notifications/resources/updated",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/resources/updated",
      "params": {
        "uri": "file:///project/src/main.rs"
      }
    },
  },
  {
    name: "server_resources #42: error -32002",
    json: {
      "jsonrpc": "2.0",
      "id": 5,
      "error": {
        "code": -32002,
        "message": "Resource not found",
        "data": {
          "uri": "file:///nonexistent.txt"
        }
      }
    },
  },
  {
    name: "server_tools #44: result of tools,nextCursor",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "tools": [
          {
            "name": "get_weather",
            "title": "Weather Information Provider",
            "description": "Get current weather information for a location",
            "inputSchema": {
              "type": "object",
              "properties": {
                "location": {
                  "type": "string",
                  "description": "City name or zip code"
                }
              },
              "required": [
                "location"
              ]
            },
            "icons": [
              {
                "src": "https://example.com/weather-icon.png",
                "mimeType": "image/png",
                "sizes": [
                  "48x48"
                ]
              }
            ],
            "execution": {
              "taskSupport": "optional"
            }
          }
        ],
        "nextCursor": "next-page-cursor"
      }
    },
  },
  {
    name: "server_tools #46: result of content,isError",
    json: {
      "jsonrpc": "2.0",
      "id": 2,
      "result": {
        "content": [
          {
            "type": "text",
            "text": "Current weather in New York:\nTemperature: 72°F\nConditions: Partly cloudy"
          }
        ],
        "isError": false
      }
    },
  },
  {
    name: "server_tools #47: notifications/tools/list_changed",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/tools/list_changed"
    },
  },
  {
    name: "server_tools #48: result of content,structuredContent",
    json: {
      "jsonrpc": "2.0",
      "id": 5,
      "result": {
        "content": [
          {
            "type": "text",
            "text": "{\"temperature\": 22.5, \"conditions\": \"Partly cloudy\", \"humidity\": 65}"
          }
        ],
        "structuredContent": {
          "temperature": 22.5,
          "conditions": "Partly cloudy",
          "humidity": 65
        }
      }
    },
  },
  {
    name: "server_tools #49: error -32602",
    json: {
      "jsonrpc": "2.0",
      "id": 3,
      "error": {
        "code": -32602,
        "message": "Unknown tool: invalid_tool_name"
      }
    },
  },
  {
    name: "server_tools #50: result of content,isError",
    json: {
      "jsonrpc": "2.0",
      "id": 4,
      "result": {
        "content": [
          {
            "type": "text",
            "text": "Invalid departure date: must be in the future. Current date is 08/08/2025."
          }
        ],
        "isError": true
      }
    },
  },
  {
    name: "server_utilities_completion #52: result of completion",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "completion": {
          "values": [
            "python",
            "pytorch",
            "pyside"
          ],
          "total": 10,
          "hasMore": true
        }
      }
    },
  },
  {
    name: "server_utilities_completion #54: result of completion",
    json: {
      "jsonrpc": "2.0",
      "id": 1,
      "result": {
        "completion": {
          "values": [
            "flask"
          ],
          "total": 1,
          "hasMore": false
        }
      }
    },
  },
  {
    name: "server_utilities_logging #56: notifications/message",
    json: {
      "jsonrpc": "2.0",
      "method": "notifications/message",
      "params": {
        "level": "error",
        "logger": "database",
        "data": {
          "error": "Connection failed",
          "details": {
            "host": "localhost",
            "port": 5432
          }
        }
      }
    },
  },
  {
    // client_elicitation: URLElicitationRequiredError, without its comment.
    name: 'client_elicitation: error -32042',
    json: {
      jsonrpc: '2.0',
      id: 2,
      error: {
        code: -32042,
        message: 'This request requires more information.',
        data: {
          elicitations: [
            {
              mode: 'url',
              elicitationId: '550e8400-e29b-41d4-a716-446655440000',
              url: 'https://mcp.example.com/connect?elicitationId=550e8400-e29b-41d4-a716-446655440000',
              message: 'Authorization is required to access your Example Co files.',
            },
          ],
        },
      },
    },
  },
];

/** Sampling with content arrays (parallel tool use): no WIT form. */
export const SAMPLING_ARRAY_REQUEST: Record<string, unknown> = {
  "jsonrpc": "2.0",
  "id": 2,
  "method": "sampling/createMessage",
  "params": {
    "messages": [
      {
        "role": "user",
        "content": {
          "type": "text",
          "text": "What's the weather like in Paris and London?"
        }
      },
      {
        "role": "assistant",
        "content": [
          {
            "type": "tool_use",
            "id": "call_abc123",
            "name": "get_weather",
            "input": {
              "city": "Paris"
            }
          },
          {
            "type": "tool_use",
            "id": "call_def456",
            "name": "get_weather",
            "input": {
              "city": "London"
            }
          }
        ]
      },
      {
        "role": "user",
        "content": [
          {
            "type": "tool_result",
            "toolUseId": "call_abc123",
            "content": [
              {
                "type": "text",
                "text": "Weather in Paris: 18°C, partly cloudy"
              }
            ]
          },
          {
            "type": "tool_result",
            "toolUseId": "call_def456",
            "content": [
              {
                "type": "text",
                "text": "Weather in London: 15°C, rainy"
              }
            ]
          }
        ]
      }
    ],
    "tools": [
      {
        "name": "get_weather",
        "description": "Get current weather for a city",
        "inputSchema": {
          "type": "object",
          "properties": {
            "city": {
              "type": "string"
            }
          },
          "required": [
            "city"
          ]
        }
      }
    ],
    "maxTokens": 1000
  }
};
export const SAMPLING_ARRAY_RESULT: Record<string, unknown> = {
  "jsonrpc": "2.0",
  "id": 1,
  "result": {
    "role": "assistant",
    "content": [
      {
        "type": "tool_use",
        "id": "call_abc123",
        "name": "get_weather",
        "input": {
          "city": "Paris"
        }
      },
      {
        "type": "tool_use",
        "id": "call_def456",
        "name": "get_weather",
        "input": {
          "city": "London"
        }
      }
    ],
    "model": "claude-3-sonnet-20240307",
    "stopReason": "toolUse"
  }
};
/** A request of a method MCP does not define (basic_utilities_progress #7). */
export const UNKNOWN_METHOD_REQUEST: Record<string, unknown> = {
  "jsonrpc": "2.0",
  "id": 1,
  "method": "some_method",
  "params": {
    "_meta": {
      "progressToken": "abc123"
    }
  }
};
