import { describe, expect, it } from "vitest";
import { FunctionSchema } from "../dsl/schemas/function.js";

/** The codes the function schema reports, by property path: what the compiler turns into positioned diagnostics. */
const codes = (props: Record<string, unknown>) => {
  const result = FunctionSchema.safeParse({ source: "./src", runtime: "nodejs20.x", handler: "index.handler", ...props });
  return result.success ? [] : result.error.issues.map((i) => `${(i as { params?: { noros?: string } }).params?.noros ?? i.code} ${i.path.join(".")}`);
};

describe("the function schema", () => {
  it("accepts a minimal function and fills in secure, cheap defaults", () => {
    const parsed = FunctionSchema.parse({ source: "./src", runtime: "python3.12", handler: "app.main" });
    expect(parsed).toMatchObject({ timeoutS: 10, memoryMb: 128, architecture: "arm64", logRetentionDays: 90, controls: [], publishesTo: [], triggers: { objects: [], schedules: [] } });
  });

  it("names the runtimes it packages for, when one is unknown (NOROS2060) or missing", () => {
    expect(codes({ runtime: "nodejs14.x" })).toEqual(["NOROS2060 runtime"]);
    expect(codes({ runtime: undefined })).toEqual(["NOROS2009 runtime"]);
  });

  it.each(["index", "index.", ".handler", "a b.handler", "index.handler()", "../up.handler"])("refuses the handler %s (NOROS2061)", (handler) => {
    expect(codes({ handler })).toEqual(["NOROS2061 handler"]);
  });

  it("accepts a handler in a subdirectory", () => {
    expect(codes({ handler: "src/app.main" })).toEqual([]);
  });

  it("refuses environment names Lambda rejects or reserves (NOROS2064)", () => {
    expect(codes({ environment: { AWS_REGION: "x", "1ST": "y", ok_Name: "z" } })).toEqual(["NOROS2064 environment.AWS_REGION", "NOROS2064 environment.1ST"]);
  });

  it("bounds timeout, memory and retention to what Lambda and CloudWatch accept", () => {
    expect(codes({ timeoutS: 901, memoryMb: 64, logRetentionDays: 2 })).toEqual(["too_big timeoutS", "too_small memoryMb", "NOROS2013 logRetentionDays"]);
  });

  it("needs at least one action for a controlled host", () => {
    expect(codes({ controls: [{ host: { $noros: "use", kind: "host", name: "web" }, actions: [] }] })).toEqual(["too_small controls.0.actions"]);
  });
});
