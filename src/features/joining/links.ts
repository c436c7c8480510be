// Deep links and button data of the joining feature. Pure: no grammY, no database.
//
// Deep links open the private chat with `/start <payload>`; Telegram allows [A-Za-z0-9_-], at most
// 64 characters. Ours: `j_<cellId>` (join a cell) and `c_<claimToken>` (claim an imported member).
// Button data (≤ 64 bytes, never trusted): `join:<cellId>` and `jr:<requestId>:a|r`.

export type StartPayload =
  | { kind: "join"; cellId: number }
  | { kind: "claim"; token: string }
  /** Looks like ours (`j_…` / `c_…`) but is malformed. */
  | { kind: "invalid"; link: "join" | "claim" };

export type Decision = "approve" | "reject";

const MAX_ID = 2_147_483_647;
const CLAIM_TOKEN = /^[A-Za-z0-9_-]{4,62}$/;

function parseId(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** Our payloads only; null for anything else (another feature's, or none), so the caller passes it on. */
export function parseStartPayload(payload: string): StartPayload | null {
  const text = payload.trim();
  if (text.startsWith("j_")) {
    const cellId = parseId(text.slice(2));
    return cellId === null ? { kind: "invalid", link: "join" } : { kind: "join", cellId };
  }
  if (text.startsWith("c_")) {
    const token = text.slice(2);
    return CLAIM_TOKEN.test(token) ? { kind: "claim", token } : { kind: "invalid", link: "claim" };
  }
  return null;
}

export function joinPayload(cellId: number): string {
  return `j_${cellId}`;
}

export function claimPayload(token: string): string {
  return `c_${token}`;
}

/** `https://t.me/<bot>?start=<payload>`: opens the private chat and sends `/start <payload>`. */
export function deepLink(botUsername: string, payload?: string): string {
  const base = `https://t.me/${botUsername}`;
  return payload ? `${base}?start=${payload}` : base;
}

export function joinButtonData(cellId: number): string {
  return `join:${cellId}`;
}

export function parseJoinButtonData(data: string): number | null {
  const m = /^join:(\d+)$/.exec(data);
  return m ? parseId(m[1]) : null;
}

export function decisionButtonData(requestId: number, decision: Decision): string {
  return `jr:${requestId}:${decision === "approve" ? "a" : "r"}`;
}

export function parseDecisionButtonData(data: string): { requestId: number; decision: Decision } | null {
  const m = /^jr:(\d+):([ar])$/.exec(data);
  const requestId = m ? parseId(m[1]) : null;
  if (!m || requestId === null) return null;
  return { requestId, decision: m[2] === "a" ? "approve" : "reject" };
}

/** "Nguyễn Văn A (@nva)": how a requester is named to the secretary. */
export function describePerson(displayName: string, username: string | null): string {
  return username ? `${displayName} (@${username})` : displayName;
}
