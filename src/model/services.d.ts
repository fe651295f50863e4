export interface ServiceTypes {
  global: boolean;
  types: readonly string[];
}
export declare const SERVICE_TYPES: Readonly<Record<string, ServiceTypes>>;
/** The service that records a type, when one does. */
export declare const SERVICE_OF_TYPE: ReadonlyMap<string, string>;
