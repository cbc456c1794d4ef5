// Float-free JSON, split by job: the parsed tree and its typed readers, the text reader, the writer, and
// externally tagged enums.

export { JsonKind, JsonValue, JsonObject, Parser } from "./value";
export { parseJson, parseJsonBytes, parseJsonUtf8 } from "./reader";
export { JsonWriter, quote } from "./writer";
export { Variant, parseVariant } from "./variants";
