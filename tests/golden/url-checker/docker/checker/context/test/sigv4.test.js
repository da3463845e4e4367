import assert from "node:assert/strict";
import { test } from "node:test";
import { amzDate, authorization, EMPTY_SHA256, uriEncode } from "../src/sigv4.js";

// The "GET Object" example of AWS's documentation of header-based SigV4 authentication for S3.
test("signs AWS's documented S3 GetObject example exactly", () => {
  const signed = authorization({
    method: "GET",
    path: "/test.txt",
    headers: { Host: "examplebucket.s3.amazonaws.com", Range: "bytes=0-9", "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": "20130524T000000Z" },
    region: "us-east-1",
    service: "s3",
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  });
  assert.equal(signed.stringToSign.split("\n").at(-1), "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  assert.equal(signed.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  assert.equal(
    signed.header,
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
  );
});

test("encodes paths and dates the way SigV4 wants", () => {
  assert.equal(uriEncode("/a b/ü~*(.json", true), "/a%20b/%C3%BC~%2A%28.json");
  assert.equal(uriEncode("a/b", false), "a%2Fb");
  assert.equal(amzDate(new Date(Date.UTC(2013, 4, 24, 0, 0, 0, 123))), "20130524T000000Z");
});
