import { describe, expect, it } from "vitest";
import { literal, valueString } from "../targets/terraform/expression.js";

describe("Terraform string escaping", () => {
  it("doubles the template introducers so literal text stays literal", () => {
    expect(literal('a ${b} %{ if c } $d {e}')).toBe('a $${b} %%{ if c } $d {e}');
    expect(literal("$${already}")).toBe("$$${already}");
  });

  it("interpolates references and escapes the literal parts of text", () => {
    const ref = { $noros: "ref", kind: "host", name: "web", attribute: "privateIp" } as const;
    expect(valueString({ $noros: "text", parts: ["http://${x}/", ref, ":80"] })).toBe("http://$${x}/${aws_instance.web.private_ip}:80");
    expect(valueString(ref)).toBe("${aws_instance.web.private_ip}");
  });
});
