import { closeSync, openSync, writeSync } from "node:fs";

/** 64 Ki characters at a time: their copies die young, in the garbage collector's cheapest space. */
const CHUNK = 1 << 16;

/**
 * A text in consecutive slices, none of which ends between the two halves of a surrogate pair, so that
 * the slices encode to exactly the bytes of the whole. Encoding a 100 MB artefact at once (to hash it,
 * to write it) makes a 100 MB copy each time, which was a tenth of a large compile's peak memory.
 */
export function* textChunks(text: string, size = CHUNK): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    // A slice ending on the first half of a pair leaves it to the next slice (or, if that would leave
    // the slice empty, takes the second half too).
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > start ? -1 : 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** Writes a file's contents; a text in slices (see textChunks). */
export function writeContents(file: string, contents: string | Uint8Array, mode = 0o644): void {
  const fd = openSync(file, "w", mode);
  try {
    writeToDescriptor(fd, contents);
  } finally {
    closeSync(fd);
  }
}

/** Appends contents at the descriptor's position; a text in slices (see textChunks). */
export function writeToDescriptor(fd: number, contents: string | Uint8Array): void {
  if (typeof contents !== "string") {
    for (let offset = 0; offset < contents.byteLength; ) offset += writeSync(fd, contents, offset);
    return;
  }
  for (const chunk of textChunks(contents)) {
    const bytes = Buffer.from(chunk, "utf8");
    for (let offset = 0; offset < bytes.byteLength; ) offset += writeSync(fd, bytes, offset);
  }
}
