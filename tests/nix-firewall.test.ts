import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { writeSystem } from "./helpers/cli.js";

function configurationOf(ingress: string): string {
  const file = writeSystem({
    "s.noros.ts": `
import { host, network, system } from "noros";
const net = network("net", { cidr: "10.0.0.0/16", privateSubnets: ["10.0.1.0/24"] });
const web = host("web", { network: net, ingress: ${ingress} });
export default system("fw", { region: "eu-west-1", resources: [web] });
`,
  });
  const { graph } = compile({ file, cwd: path.dirname(file) });
  const configuration = graph.hostConfigurations.get("web")?.configuration;
  if (configuration === undefined) throw new Error("web has no configuration");
  return configuration;
}

describe("NixOS firewall from the host's declared ingress", () => {
  it("opens exactly the declared TCP and UDP ports, once each, in order", () => {
    const configuration = configurationOf(
      `[{ port: 443, from: "10.0.0.0/16" }, { port: 80, from: "10.0.0.0/16" }, { port: 443, from: "10.1.0.0/16" }, { port: 8600, protocol: "udp", from: "10.0.0.0/16" }]`,
    );
    expect(configuration).toMatch(/networking\.firewall\.allowedTCPPorts = \[\s*80\s+443\s*\];/);
    expect(configuration).toMatch(/networking\.firewall\.allowedUDPPorts = \[\s*8600\s*\];/);
  });

  it("opens nothing when the host accepts no inbound traffic", () => {
    expect(configurationOf("[]")).not.toContain("allowed");
  });
});
