// API keys: the service is given only their SHA-256 hashes (API_KEY_HASHES, comma-separated hex), so
// neither its environment nor its logs ever hold a usable key.
import { createHash, timingSafeEqual } from "node:crypto";

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function parseKeyHashes(raw) {
  const hashes = (raw ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const h of hashes) if (!HEX_SHA256.test(h)) throw new Error(`API_KEY_HASHES must be SHA-256 hex digests, got ${JSON.stringify(h.slice(0, 12))}…`);
  if (hashes.length === 0) throw new Error("API_KEY_HASHES is empty: the API would accept no one");
  return hashes.map((h) => Buffer.from(h, "hex"));
}

export const hashKey = (key) => createHash("sha256").update(key, "utf8").digest();

/** The key from `Authorization: Bearer <key>`, if it is one of the accepted ones. Compared in constant time. */
export function authenticate(header, hashes) {
  const match = /^Bearer ([\x21-\x7e]{16,256})$/.exec(header ?? "");
  if (!match) return false;
  const presented = hashKey(match[1]);
  let ok = false;
  for (const accepted of hashes) ok = timingSafeEqual(presented, accepted) || ok;
  return ok;
}
