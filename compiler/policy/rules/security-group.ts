import { securityHub, type Rule } from "../rule.js";
import { nested, num, type TerraformView } from "../view.js";

/** One inbound flow, from whichever of the three ways Terraform writes security group rules. */
interface Flow {
  readonly address: string;
  readonly path: readonly string[];
  /** "all" for every protocol (-1). */
  readonly protocol: string;
  readonly from: number;
  readonly to: number;
  /** 0.0.0.0/0 or ::/0 among the sources. */
  readonly anywhere: boolean;
}

const ANYWHERE = new Set(["0.0.0.0/0", "::/0"]);
const protocolName = (value: unknown): string => {
  const p = String(value ?? "").toLowerCase();
  return p === "-1" || p === "all" ? "all" : p === "6" ? "tcp" : p === "17" ? "udp" : p;
};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : []);

function flow(address: string, path: readonly string[], body: Readonly<Record<string, unknown>>, protocolKey: string, sources: string[]): Flow {
  const protocol = protocolName(body[protocolKey]);
  const all = protocol === "all";
  return {
    address,
    path,
    protocol,
    from: all ? 0 : num(body.from_port) ?? 0,
    to: all ? 65535 : num(body.to_port) ?? 65535,
    anywhere: sources.some((s) => ANYWHERE.has(s)),
  };
}

export function ingressFlows(view: TerraformView): Flow[] {
  return [
    ...view.resources("aws_vpc_security_group_ingress_rule").map((r) => flow(r.address, [], r.body, "ip_protocol", [...strings(r.body.cidr_ipv4), ...strings(r.body.cidr_ipv6)])),
    ...view.resources("aws_security_group_rule").filter((r) => r.body.type === "ingress").map((r) => flow(r.address, [], r.body, "protocol", [...strings(r.body.cidr_blocks), ...strings(r.body.ipv6_cidr_blocks)])),
    ...view.resources("aws_security_group").flatMap((g) => nested(g.body, "ingress").map((i) => flow(g.address, i.path, i.body, "protocol", [...strings(i.body.cidr_blocks), ...strings(i.body.ipv6_cidr_blocks)]))),
  ];
}

/** Every port and protocol: reported by NOROS-SG-003 alone, not once per port by the others. */
const everyPort = (f: Flow) => f.protocol === "all" || (f.from <= 1 && f.to >= 65535);
const opens = (f: Flow, port: number) => (f.protocol === "tcp" || f.protocol === "udp") && f.from <= port && port <= f.to;
const ADMIN_PORTS = [22, 3389];
/** Security Hub EC2.19's high-risk ports, less the admin ports NOROS-SG-001 reports. */
const HIGH_RISK_PORTS = [20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300];
const types = ["aws_vpc_security_group_ingress_rule", "aws_security_group_rule", "aws_security_group"];
const portsOf = (f: Flow, ports: readonly number[]) => ports.filter((p) => opens(f, p));

export const securityGroupRules: readonly Rule[] = [
  {
    id: "NOROS-SG-001",
    title: "No SSH or RDP from the internet",
    rationale: "Admin ports open to 0.0.0.0/0 are scanned and brute-forced within minutes; use Session Manager.",
    control: securityHub("EC2.13"),
    resourceTypes: types,
    check(view) {
      return ingressFlows(view).filter((f) => f.anywhere && !everyPort(f) && portsOf(f, ADMIN_PORTS).length > 0)
        .map((f) => ({ address: f.address, message: `${f.address} opens ${portsOf(f, ADMIN_PORTS).join(", ")}/${f.protocol} to the internet`, path: f.path }));
    },
  },
  {
    id: "NOROS-SG-002",
    title: "No high-risk service port from the internet",
    rationale: "Databases, file sharing, mail and dashboards must never be one scan away from anyone.",
    control: securityHub("EC2.19"),
    resourceTypes: types,
    check(view) {
      return ingressFlows(view).filter((f) => f.anywhere && !everyPort(f) && portsOf(f, HIGH_RISK_PORTS).length > 0)
        .map((f) => ({ address: f.address, message: `${f.address} opens high-risk port(s) ${portsOf(f, HIGH_RISK_PORTS).join(", ")}/${f.protocol} to the internet`, path: f.path }));
    },
  },
  {
    id: "NOROS-SG-003",
    title: "No security group accepts all traffic from the internet",
    rationale: "Every port open to 0.0.0.0/0 exposes whatever listens on the host, now or later.",
    control: securityHub("EC2.18"),
    resourceTypes: types,
    check(view) {
      return ingressFlows(view).filter((f) => f.anywhere && everyPort(f)).map((f) => ({ address: f.address, message: `${f.address} accepts ${f.protocol === "all" ? "every protocol" : `every ${f.protocol} port`} from the internet`, path: f.path }));
    },
  },
  {
    id: "NOROS-SG-004",
    title: "No SSH at all, even from inside the network",
    rationale: "Hosts are reached through Session Manager; an open port 22 invites key sprawl and lateral movement.",
    control: securityHub("SSM.1"),
    resourceTypes: types,
    check(view) {
      // From the internet, NOROS-SG-001 reports it.
      return ingressFlows(view).filter((f) => !f.anywhere && !everyPort(f) && f.protocol === "tcp" && opens(f, 22))
        .map((f) => ({ address: f.address, message: `${f.address} opens SSH (22/tcp)`, path: f.path }));
    },
  },
];
