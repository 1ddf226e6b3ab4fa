/**
 * go-plugin's own gRPC services (package `plugin`), the gRPC health service and
 * the two well-known google.protobuf messages they use, written by us from the
 * documented facts. Sources (read for names and numbers only):
 * hashicorp/go-plugin internal/plugin/grpc_controller.proto and grpc_stdio.proto;
 * grpc.health.v1 is the standard gRPC health checking protocol.
 */
import { enumOf, message, service } from './descriptor-dsl.js';

/** The `plugin` namespace: GRPCController (Shutdown) and GRPCStdio (StreamStdio). */
export const goPluginNamespace = {
  nested: {
    Empty: message({}),
    GRPCController: service({ Shutdown: ['Empty', 'Empty'] }),
    StdioData: message({ channel: [1, 'Channel'], data: [2, 'bytes'] }, { Channel: enumOf({ INVALID: 0, STDOUT: 1, STDERR: 2 }) }),
    GRPCStdio: service({ StreamStdio: ['google.protobuf.Empty', 'StdioData', 'server-stream'] }),
  },
};

/** `google.protobuf` Empty and Timestamp (used by tfplugin6 ephemeral resources). */
export const googleProtobufNamespace = {
  nested: {
    Empty: message({}),
    Timestamp: message({ seconds: [1, 'int64'], nanos: [2, 'int32'] }),
  },
};

/** `grpc.health.v1`: Check with service "plugin" answers SERVING. */
export const grpcHealthNamespace = {
  nested: {
    HealthCheckRequest: message({ service: [1, 'string'] }),
    HealthCheckResponse: message(
      { status: [1, 'ServingStatus'] },
      { ServingStatus: enumOf({ UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 }) },
    ),
    Health: service({ Check: ['HealthCheckRequest', 'HealthCheckResponse'] }),
  },
};
