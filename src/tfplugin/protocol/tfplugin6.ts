/**
 * tfplugin6 protocol definitions, protocol version 6.8 (Terraform 1.11), written
 * by us as protobufjs JSON from the documented facts: package, message, field
 * and enum names and numbers as they appear on the wire.
 *
 * Source of the field numbers: hashicorp/terraform docs/plugin-protocol/tfplugin6.proto
 * (6.10, read for facts only); everything newer than 6.8 (resource identity,
 * list resources, actions, state stores, GenerateResourceConfig) is left out:
 * Terraform treats those RPCs as Unimplemented, and unknown fields are skipped
 * by protobuf decoders on both sides.
 */
import { enumOf, group, message, oneofMessage, service } from './descriptor-dsl.js';

const diagnostics1 = { diagnostics: [1, 'Diagnostic', 'repeated'] } as const;
const nestingValues = { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4 };

/** The `tfplugin6` namespace. */
export const tfplugin6Namespace = {
  nested: {
    DynamicValue: message({ msgpack: [1, 'bytes'], json: [2, 'bytes'] }),
    Diagnostic: message(
      { severity: [1, 'Severity'], summary: [2, 'string'], detail: [3, 'string'], attribute: [4, 'AttributePath'] },
      { Severity: enumOf({ INVALID: 0, ERROR: 1, WARNING: 2 }) },
    ),
    FunctionError: message({ text: [1, 'string'], function_argument: [2, 'int64', 'optional'] }),
    AttributePath: message(
      { steps: [1, 'Step', 'repeated'] },
      {
        Step: oneofMessage('selector', {
          attribute_name: [1, 'string'],
          element_key_string: [2, 'string'],
          element_key_int: [3, 'int64'],
        }),
      },
    ),
    StopProvider: group({ Request: message({}), Response: message({ Error: [1, 'string'] }) }),
    RawState: message({ json: [1, 'bytes'], flatmap: [2, 'string', 'map'] }),
    StringKind: enumOf({ PLAIN: 0, MARKDOWN: 1 }),
    Schema: message(
      { version: [1, 'int64'], block: [2, 'Block'] },
      {
        Block: message({
          version: [1, 'int64'],
          attributes: [2, 'Attribute', 'repeated'],
          block_types: [3, 'NestedBlock', 'repeated'],
          description: [4, 'string'],
          description_kind: [5, 'StringKind'],
          deprecated: [6, 'bool'],
        }),
        Attribute: message({
          name: [1, 'string'],
          type: [2, 'bytes'],
          nested_type: [10, 'Object'],
          description: [3, 'string'],
          required: [4, 'bool'],
          optional: [5, 'bool'],
          computed: [6, 'bool'],
          sensitive: [7, 'bool'],
          description_kind: [8, 'StringKind'],
          deprecated: [9, 'bool'],
          write_only: [11, 'bool'],
        }),
        NestedBlock: message(
          {
            type_name: [1, 'string'],
            block: [2, 'Block'],
            nesting: [3, 'NestingMode'],
            min_items: [4, 'int64'],
            max_items: [5, 'int64'],
          },
          { NestingMode: enumOf({ ...nestingValues, GROUP: 5 }) },
        ),
        Object: message(
          {
            attributes: [1, 'Attribute', 'repeated'],
            nesting: [3, 'NestingMode'],
            min_items: [4, 'int64'],
            max_items: [5, 'int64'],
          },
          { NestingMode: enumOf(nestingValues) },
        ),
      },
    ),
    Function: message(
      {
        parameters: [1, 'Parameter', 'repeated'],
        variadic_parameter: [2, 'Parameter'],
        return: [3, 'Return'],
        summary: [4, 'string'],
        description: [5, 'string'],
        description_kind: [6, 'StringKind'],
        deprecation_message: [7, 'string'],
      },
      {
        Parameter: message({
          name: [1, 'string'],
          type: [2, 'bytes'],
          allow_null_value: [3, 'bool'],
          allow_unknown_values: [4, 'bool'],
          description: [5, 'string'],
          description_kind: [6, 'StringKind'],
        }),
        Return: message({ type: [1, 'bytes'] }),
      },
    ),
    ServerCapabilities: message({
      plan_destroy: [1, 'bool'],
      get_provider_schema_optional: [2, 'bool'],
      move_resource_state: [3, 'bool'],
    }),
    ClientCapabilities: message({ deferral_allowed: [1, 'bool'], write_only_attributes_allowed: [2, 'bool'] }),
    Deferred: message(
      { reason: [1, 'Reason'] },
      {
        Reason: enumOf({ UNKNOWN: 0, RESOURCE_CONFIG_UNKNOWN: 1, PROVIDER_CONFIG_UNKNOWN: 2, ABSENT_PREREQ: 3 }),
      },
    ),
    GetMetadata: group({
      Request: message({}),
      Response: message({
        server_capabilities: [1, 'ServerCapabilities'],
        diagnostics: [2, 'Diagnostic', 'repeated'],
        data_sources: [3, 'DataSourceMetadata', 'repeated'],
        resources: [4, 'ResourceMetadata', 'repeated'],
        functions: [5, 'FunctionMetadata', 'repeated'],
        ephemeral_resources: [6, 'EphemeralMetadata', 'repeated'],
      }),
      EphemeralMetadata: message({ type_name: [1, 'string'] }),
      FunctionMetadata: message({ name: [1, 'string'] }),
      DataSourceMetadata: message({ type_name: [1, 'string'] }),
      ResourceMetadata: message({ type_name: [1, 'string'] }),
    }),
    GetProviderSchema: group({
      Request: message({}),
      Response: message({
        provider: [1, 'Schema'],
        resource_schemas: [2, 'Schema', 'map'],
        data_source_schemas: [3, 'Schema', 'map'],
        functions: [7, 'Function', 'map'],
        ephemeral_resource_schemas: [8, 'Schema', 'map'],
        diagnostics: [4, 'Diagnostic', 'repeated'],
        provider_meta: [5, 'Schema'],
        server_capabilities: [6, 'ServerCapabilities'],
      }),
    }),
    ValidateProviderConfig: group({
      Request: message({ config: [1, 'DynamicValue'] }),
      Response: message({ diagnostics: [2, 'Diagnostic', 'repeated'] }),
    }),
    UpgradeResourceState: group({
      Request: message({ type_name: [1, 'string'], version: [2, 'int64'], raw_state: [3, 'RawState'] }),
      Response: message({ upgraded_state: [1, 'DynamicValue'], diagnostics: [2, 'Diagnostic', 'repeated'] }),
    }),
    ValidateResourceConfig: group({
      Request: message({
        type_name: [1, 'string'],
        config: [2, 'DynamicValue'],
        client_capabilities: [3, 'ClientCapabilities'],
      }),
      Response: message(diagnostics1),
    }),
    ValidateDataResourceConfig: group({
      Request: message({ type_name: [1, 'string'], config: [2, 'DynamicValue'] }),
      Response: message(diagnostics1),
    }),
    ValidateEphemeralResourceConfig: group({
      Request: message({ type_name: [1, 'string'], config: [2, 'DynamicValue'] }),
      Response: message(diagnostics1),
    }),
    ConfigureProvider: group({
      Request: message({
        terraform_version: [1, 'string'],
        config: [2, 'DynamicValue'],
        client_capabilities: [3, 'ClientCapabilities'],
      }),
      Response: message(diagnostics1),
    }),
    ReadResource: group({
      Request: message({
        type_name: [1, 'string'],
        current_state: [2, 'DynamicValue'],
        private: [3, 'bytes'],
        provider_meta: [4, 'DynamicValue'],
        client_capabilities: [5, 'ClientCapabilities'],
      }),
      Response: message({
        new_state: [1, 'DynamicValue'],
        diagnostics: [2, 'Diagnostic', 'repeated'],
        private: [3, 'bytes'],
        deferred: [4, 'Deferred'],
      }),
    }),
    PlanResourceChange: group({
      Request: message({
        type_name: [1, 'string'],
        prior_state: [2, 'DynamicValue'],
        proposed_new_state: [3, 'DynamicValue'],
        config: [4, 'DynamicValue'],
        prior_private: [5, 'bytes'],
        provider_meta: [6, 'DynamicValue'],
        client_capabilities: [7, 'ClientCapabilities'],
      }),
      Response: message({
        planned_state: [1, 'DynamicValue'],
        requires_replace: [2, 'AttributePath', 'repeated'],
        planned_private: [3, 'bytes'],
        diagnostics: [4, 'Diagnostic', 'repeated'],
        legacy_type_system: [5, 'bool'],
        deferred: [6, 'Deferred'],
      }),
    }),
    ApplyResourceChange: group({
      Request: message({
        type_name: [1, 'string'],
        prior_state: [2, 'DynamicValue'],
        planned_state: [3, 'DynamicValue'],
        config: [4, 'DynamicValue'],
        planned_private: [5, 'bytes'],
        provider_meta: [6, 'DynamicValue'],
      }),
      Response: message({
        new_state: [1, 'DynamicValue'],
        private: [2, 'bytes'],
        diagnostics: [3, 'Diagnostic', 'repeated'],
        legacy_type_system: [4, 'bool'],
      }),
    }),
    ImportResourceState: group({
      Request: message({ type_name: [1, 'string'], id: [2, 'string'], client_capabilities: [3, 'ClientCapabilities'] }),
      ImportedResource: message({ type_name: [1, 'string'], state: [2, 'DynamicValue'], private: [3, 'bytes'] }),
      Response: message({
        imported_resources: [1, 'ImportedResource', 'repeated'],
        diagnostics: [2, 'Diagnostic', 'repeated'],
        deferred: [3, 'Deferred'],
      }),
    }),
    MoveResourceState: group({
      Request: message({
        source_provider_address: [1, 'string'],
        source_type_name: [2, 'string'],
        source_schema_version: [3, 'int64'],
        source_state: [4, 'RawState'],
        target_type_name: [5, 'string'],
        source_private: [6, 'bytes'],
      }),
      Response: message({
        target_state: [1, 'DynamicValue'],
        diagnostics: [2, 'Diagnostic', 'repeated'],
        target_private: [3, 'bytes'],
      }),
    }),
    ReadDataSource: group({
      Request: message({
        type_name: [1, 'string'],
        config: [2, 'DynamicValue'],
        provider_meta: [3, 'DynamicValue'],
        client_capabilities: [4, 'ClientCapabilities'],
      }),
      Response: message({
        state: [1, 'DynamicValue'],
        diagnostics: [2, 'Diagnostic', 'repeated'],
        deferred: [3, 'Deferred'],
      }),
    }),
    OpenEphemeralResource: group({
      Request: message({
        type_name: [1, 'string'],
        config: [2, 'DynamicValue'],
        client_capabilities: [3, 'ClientCapabilities'],
      }),
      Response: message({
        diagnostics: [1, 'Diagnostic', 'repeated'],
        renew_at: [2, 'google.protobuf.Timestamp', 'optional'],
        result: [3, 'DynamicValue'],
        private: [4, 'bytes', 'optional'],
        deferred: [5, 'Deferred'],
      }),
    }),
    RenewEphemeralResource: group({
      Request: message({ type_name: [1, 'string'], private: [2, 'bytes', 'optional'] }),
      Response: message({
        diagnostics: [1, 'Diagnostic', 'repeated'],
        renew_at: [2, 'google.protobuf.Timestamp', 'optional'],
        private: [3, 'bytes', 'optional'],
      }),
    }),
    CloseEphemeralResource: group({
      Request: message({ type_name: [1, 'string'], private: [2, 'bytes', 'optional'] }),
      Response: message(diagnostics1),
    }),
    GetFunctions: group({
      Request: message({}),
      Response: message({ functions: [1, 'Function', 'map'], diagnostics: [2, 'Diagnostic', 'repeated'] }),
    }),
    CallFunction: group({
      Request: message({ name: [1, 'string'], arguments: [2, 'DynamicValue', 'repeated'] }),
      Response: message({ result: [1, 'DynamicValue'], error: [2, 'FunctionError'] }),
    }),
    Provider: service({
      GetMetadata: ['GetMetadata.Request', 'GetMetadata.Response'],
      GetProviderSchema: ['GetProviderSchema.Request', 'GetProviderSchema.Response'],
      ValidateProviderConfig: ['ValidateProviderConfig.Request', 'ValidateProviderConfig.Response'],
      ValidateResourceConfig: ['ValidateResourceConfig.Request', 'ValidateResourceConfig.Response'],
      ValidateDataResourceConfig: ['ValidateDataResourceConfig.Request', 'ValidateDataResourceConfig.Response'],
      UpgradeResourceState: ['UpgradeResourceState.Request', 'UpgradeResourceState.Response'],
      ConfigureProvider: ['ConfigureProvider.Request', 'ConfigureProvider.Response'],
      ReadResource: ['ReadResource.Request', 'ReadResource.Response'],
      PlanResourceChange: ['PlanResourceChange.Request', 'PlanResourceChange.Response'],
      ApplyResourceChange: ['ApplyResourceChange.Request', 'ApplyResourceChange.Response'],
      ImportResourceState: ['ImportResourceState.Request', 'ImportResourceState.Response'],
      MoveResourceState: ['MoveResourceState.Request', 'MoveResourceState.Response'],
      ReadDataSource: ['ReadDataSource.Request', 'ReadDataSource.Response'],
      ValidateEphemeralResourceConfig: ['ValidateEphemeralResourceConfig.Request', 'ValidateEphemeralResourceConfig.Response'],
      OpenEphemeralResource: ['OpenEphemeralResource.Request', 'OpenEphemeralResource.Response'],
      RenewEphemeralResource: ['RenewEphemeralResource.Request', 'RenewEphemeralResource.Response'],
      CloseEphemeralResource: ['CloseEphemeralResource.Request', 'CloseEphemeralResource.Response'],
      GetFunctions: ['GetFunctions.Request', 'GetFunctions.Response'],
      CallFunction: ['CallFunction.Request', 'CallFunction.Response'],
      StopProvider: ['StopProvider.Request', 'StopProvider.Response'],
    }),
  },
};
