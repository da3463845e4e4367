/**
 * The benchmark's workload, the same as the CDK for Terraform anchor in issue 10: one shared VPC and N
 * service units. Each unit is a subnet, a host (security group + ingress rule, role, policy attachment,
 * instance profile, instance with about 2 KB of user data), a bucket the host reads (public-access block,
 * encryption, ...), a log group and a topic.
 *
 * The hosts boot a given AMI with their environment as user data, like the anchor's hosts: a NixOS host
 * would add its configuration file and the two resources that deliver it, which the anchor has no
 * counterpart for. noros's secure defaults still make a unit 21 resources where the anchor has 13.
 */
export function syntheticSystem(units: number): string {
  return `import { bucket, host, logGroup, network, system, topic } from "noros";

const UNITS = ${units};
const subnets = Array.from({ length: UNITS }, (_, i) => \`10.\${Math.floor(i / 256)}.\${i % 256}.0/24\`);
const main = network("main", { cidr: "10.0.0.0/8", privateSubnets: subnets, s3Endpoint: false });
const padding = "x".repeat(2000);

const units = Array.from({ length: UNITS }, (_, i) => {
  const alerts = topic(\`alerts-\${i}\`);
  const web = host(\`web-\${i}\`, {
    network: main,
    os: { ami: "ami-0123456789abcdef0" },
    ingress: [{ port: 443, from: "10.0.0.0/8" }],
    environment: { UNIT: String(i), PADDING: padding },
    publishesTo: [alerts],
  });
  return [web, alerts, bucket(\`data-\${i}\`, { readers: [web] }), logGroup(\`logs-\${i}\`)];
});

export default system("bench", { region: "eu-central-1", resources: [main, ...units.flat()] });
`;
}
