import { createHash } from "node:crypto";
import { textChunks } from "./text-chunks.js";

export function sha256(data: string | Uint8Array): string {
  const hash = createHash("sha256");
  if (typeof data === "string") for (const chunk of textChunks(data)) hash.update(chunk);
  else hash.update(data);
  return hash.digest("hex");
}
