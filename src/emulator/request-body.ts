import { telegramErrors } from "./errors.ts";

export interface UploadedFile {
  fieldName: string;
  fileName: string;
  contentType?: string;
  data: Buffer;
}

export type FileInput =
  { kind: "upload"; file: UploadedFile } | { kind: "file_id"; fileId: string } | { kind: "url"; url: string };

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/**
 * Minimal multipart/form-data reader. grammY writes headers without spaces and the file name
 * unquoted (`content-disposition:form-data;name="x";filename=report.xlsx`); browsers and curl quote
 * it. Both are accepted.
 */
export function parseMultipart(
  body: Buffer,
  boundary: string,
): { fields: Record<string, string>; files: Map<string, UploadedFile> } {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) return { fields, files };
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing "--"
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd < 0) break;
    const headers = body.subarray(pos, headerEnd).toString("utf8");
    const dataStart = headerEnd + HEADER_END.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), dataStart);
    const dataEnd = next < 0 ? body.length : next;
    const data = body.subarray(dataStart, dataEnd);

    let name: string | undefined;
    let fileName: string | undefined;
    let contentType: string | undefined;
    for (const line of headers.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const header = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (header === "content-disposition") {
        name =
          /(?:^|;)\s*name="([^"]*)"/i.exec(value)?.[1] ?? /(?:^|;)\s*name=([^;]*)/i.exec(value)?.[1]?.trim();
        const star = /filename\*=(?:UTF-8'')?([^;]*)/i.exec(value)?.[1];
        if (star !== undefined) fileName = decodeURIComponent(star.trim());
        else fileName = /filename="([^"]*)"/i.exec(value)?.[1] ?? /filename=(.*)$/i.exec(value)?.[1]?.trim();
      } else if (header === "content-type") {
        contentType = value;
      }
    }
    if (name !== undefined) {
      if (fileName !== undefined) {
        const file: UploadedFile = { fieldName: name, fileName, data: Buffer.from(data) };
        if (contentType !== undefined) file.contentType = contentType;
        files.set(name, file);
      } else {
        fields[name] = data.toString("utf8");
      }
    }
    if (next < 0) break;
    pos = next + CRLF.length;
  }
  return { fields, files };
}

/** Reads params from the query string and the body (JSON, urlencoded or multipart), body winning. */
export function parseRequestParams(
  query: URLSearchParams,
  contentType: string | undefined,
  body: Buffer,
): { params: Record<string, unknown>; files: Map<string, UploadedFile> } {
  const params: Record<string, unknown> = {};
  for (const [k, v] of query) params[k] = v;
  let files = new Map<string, UploadedFile>();
  if (body.length === 0) return { params, files };
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
    const b = boundary?.[1] ?? boundary?.[2];
    if (b === undefined) throw telegramErrors.badRequest("invalid multipart/form-data request");
    const parsed = parseMultipart(body, b.trim());
    Object.assign(params, parsed.fields);
    files = parsed.files;
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = v;
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw telegramErrors.badRequest("can't parse JSON request body");
    }
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      Object.assign(params, parsed as Record<string, unknown>);
    }
  }
  return { params, files };
}

/** Typed access to call parameters that may arrive as JSON values or as strings. */
export class Params {
  constructor(
    readonly raw: Record<string, unknown>,
    readonly files: Map<string, UploadedFile> = new Map(),
  ) {}

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null && v !== "";
  }

  str(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return JSON.stringify(v);
  }

  num(name: string): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n)) throw telegramErrors.badRequest(`field "${name}" must be a number`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    return v === true || v === "true" || v === "1" || v === 1;
  }

  json<T>(name: string): T | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "string") {
      try {
        return JSON.parse(v) as T;
      } catch {
        throw telegramErrors.badRequest(`can't parse ${name} JSON object`);
      }
    }
    return v as T;
  }

  /** chat_id as a number, or an "@username" string. */
  chatId(name = "chat_id"): number | string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "number") return v;
    if (typeof v === "string") {
      if (v.startsWith("@")) return v;
      const n = Number(v);
      if (Number.isFinite(n)) return n;
    }
    throw telegramErrors.chatNotFound();
  }

  file(name: string): FileInput | undefined {
    const direct = this.files.get(name);
    if (direct) return { kind: "upload", file: direct };
    const v = this.str(name);
    if (v === undefined || v === "") return undefined;
    if (v.startsWith("attach://")) {
      const file = this.files.get(v.slice("attach://".length));
      if (!file) throw telegramErrors.badRequest(`wrong file identifier/HTTP URL specified`);
      return { kind: "upload", file };
    }
    if (/^https?:\/\//i.test(v)) return { kind: "url", url: v };
    return { kind: "file_id", fileId: v };
  }
}
