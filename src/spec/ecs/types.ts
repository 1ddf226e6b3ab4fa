/**
 * The shape of our own ECS-style action tables (written from docs/ecs-api.md).
 *
 * One table per action describes every request parameter as it travels on the
 * wire (RPC style: flat `Name`, `Name.N`, `Name.N.Field`, dotted objects,
 * comma lists or JSON-array strings). The same table drives:
 * - the client (`src/ecs`): turning a typed input into the flat query map the
 *   official SDK sends;
 * - the emulator (`src/emulator`): rebuilding typed input from the flat query
 *   map and rejecting bad input with the real ECS error code and HTTP status.
 *
 * Tables live in `src/spec/<product>/<family>.ts`, each declared with `defineAction` so it keeps
 * its literal type: `InputOf`, `ClientInputOf` and `OutputOf` (`infer.ts`) derive the decoded
 * input, the client's input and the response body from the table itself.
 */
import type { ObjectShape } from './shape.js';

/** Scalar kinds as they appear in a decoded input. */
export type ScalarKind = 'string' | 'integer' | 'long' | 'boolean';

interface ParamBase {
  /** Wire name, PascalCase as ECS spells it (`ImageName`, `Tag`, `DiskDeviceMapping`). */
  name: string;
  required?: boolean;
  /** Error code used when the value breaks a rule below (default `InvalidParameter`). */
  errorCode?: string;
  /** Error code used when a required value is missing (default `MissingParameter`). */
  missingCode?: string;
  /** One line for docs and error messages. */
  description?: string;
}

/** A single scalar value: `ImageName=foo`, `Size=40`, `Force=true`. */
export interface ScalarParam extends ParamBase {
  kind: 'scalar';
  type: ScalarKind;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  /** A regular expression (source text) the whole value must match. */
  pattern?: string;
  /** Prefixes that are refused (`http://`, `aliyun`, `acs:`). Case-insensitive. */
  forbiddenPrefixes?: readonly string[];
  min?: number;
  max?: number;
  /** Treat the empty string as absent (the Go provider sends empty sub-fields). */
  emptyIsAbsent?: boolean;
}

/** `Name.1`, `Name.2`, ...: a list of scalars (`ResourceId.N`, `TagKey.N`). */
export interface ScalarListParam extends ParamBase {
  kind: 'scalarList';
  type: ScalarKind;
  maxItems?: number;
  /** Code when there are more than maxItems (e.g. `NumberExceed.ResourceIds`). */
  tooManyCode?: string;
  item?: Omit<ScalarParam, 'kind' | 'name' | 'type' | 'required'>;
}

/** `Name.N.Field`: a list of objects (`Tag.N.Key`, `DiskDeviceMapping.N.Size`). */
export interface RepeatListParam extends ParamBase {
  kind: 'repeatList';
  fields: readonly ScalarParam[];
  /**
   * Item fields that are themselves scalar lists, `Name.N.Field.M` (`TagFilter.N.TagValues.M`);
   * decoded as arrays inside each item record. Their `required` means "required in every item".
   */
  listFields?: readonly ScalarListParam[];
  maxItems?: number;
  tooManyCode?: string;
}

/** `Name.Field`: a nested object (`Features.NvmeSupport`). */
export interface ObjectParam extends ParamBase {
  kind: 'object';
  fields: readonly ScalarParam[];
}

/** One string holding several values: comma separated (`ImageId=a,b`) or a JSON array (`InstanceIds=["a"]`). */
export interface PackedListParam extends ParamBase {
  kind: 'packedList';
  packing: 'comma' | 'json';
  maxItems?: number;
  tooManyCode?: string;
}

export type ParamSpec = ScalarParam | ScalarListParam | RepeatListParam | ObjectParam | PackedListParam;

export interface ActionSpec {
  /** `Ecs`, `Vpc`, `ResourceManager`. */
  product: string;
  /** API version, e.g. `2014-05-26`. */
  version: string;
  /** Action name as on the wire, e.g. `CreateImage`. */
  action: string;
  params: readonly ParamSpec[];
  /** Error codes this action may answer with (each must exist in the product's error table). */
  errors?: readonly string[];
  /** True for actions that change state (used by docs and idempotency checks). */
  mutating?: boolean;
  /** True for actions called without an AccessKey or signature (STS AssumeRoleWithOIDC: the token is the proof). */
  anonymous?: boolean;
  /**
   * The successful body (`shape.ts`), written from the SDK's `<Action>ResponseBody` model: only
   * the fields the client uses or the emulator returns. Every table under `src/spec` has one.
   */
  response?: ObjectShape;
}

/** One error code of a product: HTTP status and default message. */
export interface ErrorSpec {
  code: string;
  status: number;
  message: string;
}

/**
 * A decoded input value: scalars as strings/numbers/booleans, lists as arrays,
 * repeat lists as arrays of records, objects as records.
 */
export type InputValue = string | number | boolean | InputValue[] | { [field: string]: InputValue };
export type ActionInput = Record<string, InputValue>;
