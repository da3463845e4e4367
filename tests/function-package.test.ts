import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { functionPackage } from "../targets/terraform/function-package.js";
import { repoRoot, writeSystem } from "./helpers/cli.js";

const bucketHost = path.join(repoRoot, "examples", "bucket-host", "bucket-host.noros.ts");
const artefact = (file: string, p: string) => compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path === p);

/** Each central-directory entry of a ZIP: name, external attributes and the DOS date/time it stores. */
function centralDirectory(zip: Uint8Array): Array<{ name: string; os: number; attrs: number; time: number; date: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = [];
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    entries.push({
      name: Buffer.from(zip.subarray(i + 46, i + 46 + nameLength)).toString("utf8"),
      os: view.getUint8(i + 5),
      attrs: view.getUint32(i + 38, true),
      time: view.getUint16(i + 12, true),
      date: view.getUint16(i + 14, true),
    });
    i += 45 + nameLength;
  }
  return entries;
}

describe("function packages", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("zip the source directory as out/functions/<name>.zip, which main.tf.json refers to with its hash", () => {
    const zip = artefact(bucketHost, "functions/reboot.zip");
    expect(zip?.contents).toBeInstanceOf(Uint8Array);
    const bytes = zip?.contents as Uint8Array;
    expect(Object.keys(unzipSync(bytes))).toEqual(["index.mjs", "reboot.mjs"]);
    const doc = JSON.parse(String(artefact(bucketHost, "terraform/main.tf.json")?.contents));
    const lambda = doc.resource.aws_lambda_function.reboot;
    expect(lambda.filename).toBe("${path.module}/../functions/reboot.zip");
    expect(lambda.source_code_hash).toBe(createHash("sha256").update(bytes).digest("base64"));
  });

  it("are written beside the HCL form too, which refers to them the same way", () => {
    const compiled = compile({ file: bucketHost, cwd: path.dirname(bucketHost), targets: ["terraform"], hcl: true });
    expect(compiled.artefacts.map((a) => a.path)).toEqual(expect.arrayContaining(["functions/reboot.zip", "terraform/functions.tf"]));
    expect(String(compiled.artefacts.find((a) => a.path === "terraform/functions.tf")?.contents)).toContain('filename         = "${path.module}/../functions/reboot.zip"');
  });

  it("are the same bytes on every compile and in every time zone", () => {
    process.env.TZ = "UTC";
    const first = artefact(bucketHost, "functions/reboot.zip")?.contents as Uint8Array;
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14
    const second = artefact(bucketHost, "functions/reboot.zip")?.contents as Uint8Array;
    process.env.TZ = "America/St_Johns"; // UTC-3:30, with daylight saving
    const third = functionPackage({ function: "x", dir: "/x", files: [
      { path: "reboot.mjs", contents: new TextEncoder().encode("b"), executable: false },
      { path: "index.mjs", contents: new TextEncoder().encode("a"), executable: false },
    ] });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    process.env.TZ = "UTC";
    const again = functionPackage({ function: "x", dir: "/elsewhere", files: [
      { path: "index.mjs", contents: new TextEncoder().encode("a"), executable: false },
      { path: "reboot.mjs", contents: new TextEncoder().encode("b"), executable: false },
    ] });
    expect(Buffer.from(third).equals(Buffer.from(again))).toBe(true);
  });

  it("have sorted entries with a fixed time and Unix modes, executables kept executable", () => {
    const file = writeSystem({
      "x.noros.ts": [
        'import { fn, system } from "noros";',
        'const f = fn("job", { source: "./src", runtime: "python3.12", handler: "app.main" });',
        'export default system("x", { region: "eu-central-1", resources: [f] });',
      ].join("\n"),
    });
    const src = path.join(path.dirname(file), "src");
    mkdirSync(path.join(src, "lib"), { recursive: true });
    mkdirSync(path.join(src, "__pycache__"));
    writeFileSync(path.join(src, "app.py"), "def main(event, context):\n    return {}\n");
    writeFileSync(path.join(src, "lib", "util.py"), "X = 1\n");
    writeFileSync(path.join(src, "run.sh"), "#!/bin/sh\n");
    chmodSync(path.join(src, "run.sh"), 0o755);
    writeFileSync(path.join(src, "__pycache__", "app.cpython-312.pyc"), "junk");
    writeFileSync(path.join(src, ".env"), "SECRET=1");
    const zip = artefact(file, "functions/job.zip")?.contents as Uint8Array;
    const entries = centralDirectory(zip);
    expect(entries.map((e) => e.name)).toEqual(["app.py", "lib/util.py", "run.sh"]);
    expect(entries.map((e) => (e.attrs >>> 16).toString(8))).toEqual(["100644", "100644", "100755"]);
    expect(new Set(entries.map((e) => e.os))).toEqual(new Set([3]));
    // DOS date 2000-01-01 ((2000-1980)<<9 | 1<<5 | 1), time 12:00:00 (12<<11).
    expect(new Set(entries.map((e) => `${e.date}/${e.time}`))).toEqual(new Set([`${(20 << 9) | (1 << 5) | 1}/${12 << 11}`]));
  });

  it("are pinned by their sha256 in manifest.json", () => {
    const compiled = compile({ file: bucketHost, cwd: path.dirname(bucketHost), targets: ["terraform"] });
    const zip = compiled.artefacts.find((a) => a.path === "functions/reboot.zip")?.contents as Uint8Array;
    const manifest = JSON.parse(String(compiled.artefacts.find((a) => a.path === "manifest.json")?.contents)) as { artefacts: Array<{ path: string; sha256: string }> };
    expect(manifest.artefacts).toContainEqual(expect.objectContaining({ path: "functions/reboot.zip", sha256: createHash("sha256").update(zip).digest("hex") }));
  });

  it("report a missing source directory or handler module at its position", () => {
    const file = writeSystem({
      "x.noros.ts": [
        'import { fn, system } from "noros";',
        'const a = fn("a", { source: "./nowhere", runtime: "nodejs20.x", handler: "index.handler" });',
        'const b = fn("b", { source: "./src", runtime: "nodejs20.x",',
        '  handler: "main.handler" });',
        'export default system("x", { region: "eu-central-1", resources: [a, b] });',
      ].join("\n"),
    });
    mkdirSync(path.join(path.dirname(file), "src"));
    writeFileSync(path.join(path.dirname(file), "src", "index.mjs"), "export const handler = async () => ({});\n");
    try {
      compile({ file, cwd: path.dirname(file), targets: ["terraform"] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DiagnosticsError);
      const found = (error as DiagnosticsError).diagnostics.map((d) => `${d.code} ${d.line}:${d.col} ${d.message}`);
      expect(found).toEqual([
        expect.stringMatching(/^NOROS3050 2:21 function "a": source directory \.\/nowhere does not exist/),
        expect.stringMatching(/^NOROS3052 4:3 function "b": handler main\.handler needs main\.js or main\.mjs or main\.cjs in \.\/src/),
      ]);
    }
  });
});
