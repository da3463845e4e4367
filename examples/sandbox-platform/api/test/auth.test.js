import assert from "node:assert/strict";
import { test } from "node:test";
import { authenticate, hashKey, parseKeyHashes } from "../src/auth.js";

test("key hashes must be SHA-256 hex, and there must be at least one", () => {
  assert.throws(() => parseKeyHashes(""), /empty/);
  assert.throws(() => parseKeyHashes("plaintext-key"), /SHA-256/);
  assert.equal(parseKeyHashes(`${hashKey("a".repeat(20)).toString("hex")}, ${hashKey("b".repeat(20)).toString("hex")}`).length, 2);
});

test("only a bearer key whose hash is accepted authenticates", () => {
  const hashes = [hashKey("right-key-0123456789")];
  assert.equal(authenticate("Bearer right-key-0123456789", hashes), true);
  assert.equal(authenticate("Bearer wrong-key-0123456789", hashes), false);
  assert.equal(authenticate("Basic right-key-0123456789", hashes), false);
  assert.equal(authenticate("Bearer short", hashes), false);
  assert.equal(authenticate(undefined, hashes), false);
});
