// Lifeline frames from a schema file (docs/schema.md) and docs/wire-format.md, with no knowledge of any record:
// names, kinds, ids, member order, types, nullability and defaults all come from the schema.
"use strict";
const fs = require("fs");
const { Decoder } = require("@msgpack/msgpack");

const MAGIC = [0xc1, 0x4c, 0x46, 0x4c];
const KINDS = { hello: 1, disconnect: 2 };
const INTEGERS = {
  int8: [-128n, 127n], uint8: [0n, 255n], int16: [-32768n, 32767n], uint16: [0n, 65535n],
  int32: [-2147483648n, 2147483647n], uint32: [0n, 4294967295n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
  char: [0n, 65535n], timespan: [-(2n ** 63n), 2n ** 63n - 1n],
};

function load(path) {
  const schema = JSON.parse(fs.readFileSync(path, "utf8"));
  if (schema.lifelineSchema !== 1) {
    throw new Error(`${path}: schema format ${schema.lifelineSchema}, this peer reads version 1`);
  }
  const byName = new Map(schema.records.map((r) => [r.name, r]));
  const byId = new Map(schema.records.filter((r) => r.kind !== "part").map((r) => [r.id, r]));
  return { byName, byId };
}

// ---- Writing: MessagePack's shortest forms, as wire-format.md "What a writer emits" lists them.
class Writer {
  constructor() { this.bytes = []; }
  byte(...values) { this.bytes.push(...values); }
  big(value, size) { for (let i = size - 1; i >= 0; i--) this.bytes.push(Number((value >> BigInt(8 * i)) & 0xffn)); }
  integer(value) {
    const v = BigInt(value);
    if (v >= 0n) {
      if (v <= 0x7fn) this.byte(Number(v));
      else if (v <= 0xffn) { this.byte(0xcc); this.big(v, 1); }
      else if (v <= 0xffffn) { this.byte(0xcd); this.big(v, 2); }
      else if (v <= 0xffffffffn) { this.byte(0xce); this.big(v, 4); }
      else { this.byte(0xcf); this.big(v, 8); }
    } else if (v >= -32n) this.byte(Number(v & 0xffn));
    else if (v >= -128n) { this.byte(0xd0); this.big(v & 0xffn, 1); }
    else if (v >= -32768n) { this.byte(0xd1); this.big(v & 0xffffn, 2); }
    else if (v >= -2147483648n) { this.byte(0xd2); this.big(v & 0xffffffffn, 4); }
    else { this.byte(0xd3); this.big(v & 0xffffffffffffffffn, 8); }
  }
  header(length, fix, fixMax, small, medium, large) {
    if (fix !== null && length <= fixMax) this.byte(fix | length);
    else if (small !== null && length <= 0xff) { this.byte(small); this.big(BigInt(length), 1); }
    else if (length <= 0xffff) { this.byte(medium); this.big(BigInt(length), 2); }
    else { this.byte(large); this.big(BigInt(length), 4); }
  }
  string(text) {
    const utf8 = Buffer.from(text, "utf8");
    this.header(utf8.length, 0xa0, 31, 0xd9, 0xda, 0xdb);
    this.byte(...utf8);
  }
  bin(bytes) { this.header(bytes.length, null, -1, 0xc4, 0xc5, 0xc6); this.byte(...bytes); }
  array(length) { this.header(length, 0x90, 15, null, 0xdc, 0xdd); }
  map(length) { this.header(length, 0x80, 15, null, 0xde, 0xdf); }
  float(value, bits) {
    const buffer = Buffer.alloc(bits / 8);
    if (bits === 32) { buffer.writeFloatBE(value); this.byte(0xca); } else { buffer.writeDoubleBE(value); this.byte(0xcb); }
    this.byte(...buffer);
  }
  timestamp(iso) {
    // An ISO 8601 instant; nanoseconds from its fraction, seconds from the whole part.
    const match = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
    const nanoseconds = match[2] ? Number(match[2].padEnd(9, "0")) : 0;
    const seconds = BigInt(Math.floor(Date.parse(match[1] + match[3]) / 1000));
    if (nanoseconds === 0 && seconds >= 0n && seconds < 2n ** 32n) { this.byte(0xd6, 0xff); this.big(seconds, 4); }
    else if (seconds >= 0n && seconds < 2n ** 34n) { this.byte(0xd7, 0xff); this.big((BigInt(nanoseconds) << 34n) | seconds, 8); }
    else { this.byte(0xc7, 12, 0xff); this.big(BigInt(nanoseconds), 4); this.big(seconds & 0xffffffffffffffffn, 8); }
  }
}

function writeValue(writer, type, value, path, schema) {
  if (value === null || value === undefined) {
    if (!type.nullable) throw new Error(`${path} is null, but its type is not nullable`);
    writer.byte(0xc0);
    return;
  }
  switch (type.type) {
    case "bool": writer.byte(value ? 0xc3 : 0xc2); return;
    case "float32": writer.float(Number(value), 32); return;
    case "float64": writer.float(Number(value), 64); return;
    case "string": case "decimal": case "guid": writer.string(String(value)); return;
    case "bytes": writer.bin(Buffer.from(value)); return;
    case "datetime": writer.timestamp(value); return;
    case "datetimeoffset": writer.array(2); writer.timestamp(value.instant); writer.integer(value.offsetMinutes); return;
    case "enum": writer.integer(value); return;
    case "array":
      writer.array(value.length);
      value.forEach((item, i) => writeValue(writer, type.items, item, `${path}[${i}]`, schema));
      return;
    case "map": {
      const entries = Object.entries(value);
      writer.map(entries.length);
      for (const [key, item] of entries) { writer.string(key); writeValue(writer, type.values, item, `${path}.${key}`, schema); }
      return;
    }
    case "record": writeRecord(writer, lookup(schema, type.record), value, schema); return;
    default:
      if (INTEGERS[type.type]) { writer.integer(value); return; }
      throw new Error(`${path}: unknown schema type ${type.type}`);
  }
}

// Members in schema order; an absent member that is not required is left out, and the receiver takes its default.
function writeRecord(writer, record, value, schema) {
  const present = record.members.filter((m) => Object.prototype.hasOwnProperty.call(value, m.name));
  for (const member of record.members) {
    if (member.required && !present.includes(member)) throw new Error(`${record.name}.${member.name} is required`);
  }
  writer.map(present.length);
  for (const member of present) {
    writer.string(member.name);
    writeValue(writer, member.type, value[member.name], `${record.name}.${member.name}`, schema);
  }
}

function lookup(schema, name) {
  const record = schema.byName.get(name);
  if (!record) throw new Error(`the schema has no record ${name}`);
  return record;
}

// A version 1 frame (wire-format.md "Frame layout"): magic, version, kind, big-endian id, then the body.
// `record` is a record's name, or a record as another version of the schema has it.
function encode(schema, record, value) {
  const shape = typeof record === "string" ? lookup(schema, record) : record;
  const writer = new Writer();
  writer.byte(...MAGIC, 1, KINDS[shape.kind]);
  writer.big(BigInt(shape.id), 4);
  writeRecord(writer, shape, value, schema);
  return Buffer.from(writer.bytes);
}

// ---- Reading: the body decoded as MessagePack, then each member checked and converted by its schema type.
const decoder = new Decoder({ useBigInt64: true });

function readValue(type, value, path, schema) {
  if (value === null) {
    if (!type.nullable) throw new Error(`${path}: null is not allowed`);
    return null;
  }
  const fail = (what) => { throw new Error(`${path}: expected ${what}, found ${typeof value}`); };
  switch (type.type) {
    case "bool": return typeof value === "boolean" ? value : fail("a boolean");
    case "float32": case "float64": return typeof value === "number" || typeof value === "bigint" ? Number(value) : fail("a number");
    case "string": case "decimal": case "guid": return typeof value === "string" ? value : fail("a string");
    case "bytes": return value instanceof Uint8Array ? Buffer.from(value).toString("hex") : typeof value === "string" ? Buffer.from(value).toString("hex") : fail("bin");
    case "datetime": return value instanceof Date ? value.toISOString() : fail("a timestamp");
    case "datetimeoffset":
      return Array.isArray(value) && value.length === 2 && value[0] instanceof Date
        ? { instant: value[0].toISOString(), offsetMinutes: Number(value[1]) } : fail("[timestamp, minutes]");
    case "enum": return readValue({ type: type.underlying, nullable: false }, value, path, schema);
    case "array": return Array.isArray(value) ? value.map((item, i) => readValue(type.items, item, `${path}[${i}]`, schema)) : fail("an array");
    case "map": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Uint8Array) fail("a map");
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readValue(type.values, v, `${path}.${k}`, schema)]));
    }
    case "record": return readRecord(lookup(schema, type.record), value, path, schema);
    default: {
      const range = INTEGERS[type.type];
      if (!range) throw new Error(`${path}: unknown schema type ${type.type}`);
      if (typeof value === "number" && !Number.isInteger(value)) fail("an integer");
      if (typeof value !== "number" && typeof value !== "bigint") fail("an integer");
      const big = BigInt(value);
      if (big < range[0] || big > range[1]) throw new Error(`${path}: ${big} is out of range for ${type.type}`);
      // JSON has no exact 64-bit integers: a value beyond 2^53 stays a string of digits.
      return Number.isSafeInteger(Number(big)) ? Number(big) : big.toString();
    }
  }
}

function readRecord(record, body, path, schema) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error(`${path}: expected a map`);
  const result = {};
  for (const member of record.members) {
    if (!Object.prototype.hasOwnProperty.call(body, member.name)) {
      if (member.required) throw new Error(`${path}.${member.name} is required`);
      if ("default" in member) result[member.name] = member.default;
      continue;
    }
    result[member.name] = readValue(member.type, body[member.name], `${path}.${member.name}`, schema);
  }
  return result;
}

// Reads a frame: application data, or a lifecycle frame with its record's name and members (`error` when the
// schema has no such record or the body does not match it).
function decode(schema, bytes) {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 10 || !MAGIC.every((b, i) => buffer[i] === b)) {
    return { lifecycle: false, text: buffer.toString("utf8") };
  }
  // Version 2 is a sealed disconnect: a 16-byte seal sits between the header and the body (which a host's own
  // disconnect leaves empty). A peer only ever sees one through NetMQ's leak of a closing socket's disconnect.
  const version = buffer[4];
  const offset = version === 2 ? 26 : 10;
  const id = buffer.readUInt32BE(6);
  const frame = { lifecycle: true, version, kind: buffer[5], id: "0x" + id.toString(16).toUpperCase().padStart(8, "0") };
  const record = schema.byId.get(id);
  if (buffer.length === offset) return { ...frame, record: null, body: null };
  if (!record) return { ...frame, record: null, error: `the schema has no record with id ${frame.id}` };
  if (KINDS[record.kind] !== frame.kind) return { ...frame, record: record.name, error: `${record.name} is a ${record.kind} record` };
  try {
    return { ...frame, record: record.name, body: readRecord(record, decoder.decode(buffer.subarray(offset)), record.name, schema) };
  } catch (error) {
    return { ...frame, record: record.name, error: String(error.message) };
  }
}

module.exports = { load, encode, decode };
