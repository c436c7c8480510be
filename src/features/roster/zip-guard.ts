// Opens an uploaded XLSX (a ZIP archive) without trusting anything it declares. exceljs inflates
// every entry in full before looking at it, and a ZIP's declared sizes are whatever the sender
// wrote: a 1 MB upload whose sheet declares 1,000 bytes can inflate to gigabytes. So we walk the
// archive ourselves, inflate each entry with a streaming inflater while counting the bytes it
// actually produces, stop at a hard cap, and give exceljs a re-packed copy holding exactly the
// measured bytes, stored uncompressed — it never inflates anything we have not counted, and it
// cannot read the archive differently from us (prepended data, doctored offsets).
import { crc32, createInflateRaw } from "node:zlib";

export const ZIP_LIMITS = {
  /** Bytes of all entries once inflated. A roster of 2,000 members is well under 10 MB of XML. */
  maxInflatedBytes: 10_000_000,
  /** Entries in the archive. A workbook has a dozen or two; hundreds means something else. */
  maxEntries: 200,
} as const;

export interface ZipLimits {
  maxInflatedBytes: number;
  maxEntries: number;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export type ZipProblem = "invalid" | "too-large" | "too-many-entries";

export type ZipRead = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Sizes, offsets and counts with all bits set mean "see the ZIP64 record": no roster needs that. */
const ZIP64_MARK_32 = 0xffffffff;
const ZIP64_MARK_16 = 0xffff;

/** Inflates every entry of the archive within the limits, or says why not. */
export async function inflateZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipRead> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, problem: "invalid" };
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === ZIP64_MARK_16 || directoryOffset === ZIP64_MARK_32) return { ok: false, problem: "invalid" };
  if (count > limits.maxEntries) return { ok: false, problem: "too-many-entries" };

  const entries: ZipEntry[] = [];
  let budget = limits.maxInflatedBytes;
  let offset = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE)
      return { ok: false, problem: "invalid" };
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const next =
      offset + 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (next > bytes.length || compressedSize === ZIP64_MARK_32 || localOffset === ZIP64_MARK_32)
      return { ok: false, problem: "invalid" };
    // Encrypted entries cannot be a roster we can read.
    if ((flags & 0x1) !== 0) return { ok: false, problem: "invalid" };
    const name = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString(
      (flags & 0x800) !== 0 ? "utf8" : "latin1",
    );
    offset = next;

    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE)
      return { ok: false, problem: "invalid" };
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > bytes.length) return { ok: false, problem: "invalid" };
    if (name.endsWith("/")) continue;
    const compressed = bytes.subarray(dataStart, dataEnd);

    let data: Buffer | ZipProblem;
    if (method === 0) data = compressed.length > budget ? "too-large" : Buffer.from(compressed);
    else if (method === 8) data = await inflateWithin(compressed, budget);
    else data = "invalid";
    if (typeof data === "string") return { ok: false, problem: data };
    budget -= data.length;
    entries.push({ name, data });
  }
  return { ok: true, entries };
}

/** The end-of-central-directory record: the last one within the 64 KB a comment may take. */
function findEndOfCentralDirectory(view: DataView): number {
  const minimum = 22;
  if (view.byteLength < minimum) return -1;
  const lowest = Math.max(0, view.byteLength - minimum - 0xffff);
  for (let i = view.byteLength - minimum; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/**
 * Inflates a raw DEFLATE stream, giving up as soon as its output passes `budget` bytes: the
 * inflater is destroyed mid-stream, so at most one output chunk beyond the budget is ever held.
 */
function inflateWithin(compressed: Uint8Array, budget: number): Promise<Buffer | ZipProblem> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: Buffer | ZipProblem) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    inflater.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > budget) {
        chunks.length = 0;
        settle("too-large");
        inflater.destroy();
        return;
      }
      chunks.push(chunk);
    });
    inflater.on("end", () => settle(Buffer.concat(chunks, size)));
    inflater.on("error", () => settle("invalid"));
    inflater.end(compressed);
  });
}

/** A ZIP archive holding the entries uncompressed ("stored"), for readers that inflate everything. */
export function storedZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x800, 6); // names are UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
