// The two S3 operations the checker needs, GetObject (conditional) and PutObject, signed with SigV4.
// Credentials come from the environment or, on ECS, from the task role's credentials endpoint.
import { amzDate, authorization, EMPTY_SHA256, sha256Hex, uriEncode } from "./sigv4.js";

let cached;

/** The task role's credentials on ECS (refreshed before they expire), else the usual variables. */
export async function credentials(env = process.env) {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN };
  }
  if (cached && cached.expires - Date.now() > 5 * 60_000) return cached;
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!relative && !full) throw new Error("no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or run with an ECS task role");
  const url = relative ? `http://169.254.170.2${relative}` : full;
  const headers = env.AWS_CONTAINER_AUTHORIZATION_TOKEN ? { authorization: env.AWS_CONTAINER_AUTHORIZATION_TOKEN } : {};
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`credentials endpoint answered ${res.status}`);
  const body = await res.json();
  cached = { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token, expires: Date.parse(body.Expiration) };
  return cached;
}

async function send(method, { bucket, key, region, body, headers: extra = {} }, env) {
  const creds = await credentials(env);
  const host = `${bucket}.s3.${region}.amazonaws.com`;
  const path = `/${key}`;
  const payload = body ?? "";
  const headers = {
    host,
    "x-amz-date": amzDate(new Date()),
    "x-amz-content-sha256": body === undefined ? EMPTY_SHA256 : sha256Hex(payload),
    ...(creds.sessionToken ? { "x-amz-security-token": creds.sessionToken } : {}),
    ...extra,
  };
  const { header } = authorization({ method, path, headers, region, service: "s3", credentials: creds });
  const { host: _host, ...sent } = headers;
  return fetch(`https://${host}${uriEncode(path, true)}`, {
    method,
    headers: { ...sent, authorization: header },
    body: body === undefined ? undefined : payload,
    signal: AbortSignal.timeout(15_000),
  });
}

/** GetObject; with `etag`, S3 answers 304 when the object is unchanged. Returns { changed, etag, text }. */
export async function getObject(location, etag, env = process.env) {
  const res = await send("GET", { ...location, headers: etag ? { "if-none-match": etag } : {} }, env);
  if (res.status === 304) return { changed: false, etag };
  if (!res.ok) throw new Error(`GetObject s3://${location.bucket}/${location.key}: ${res.status} ${await res.text()}`);
  return { changed: true, etag: res.headers.get("etag") ?? undefined, text: await res.text() };
}

export async function putObject(location, text, env = process.env) {
  const res = await send("PUT", { ...location, body: text, headers: { "content-type": "application/json" } }, env);
  if (!res.ok) throw new Error(`PutObject s3://${location.bucket}/${location.key}: ${res.status} ${await res.text()}`);
}
