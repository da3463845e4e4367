import type { Graph, GraphNode } from "../../compiler/graph.js";
import { architectureOf } from "../../compiler/util/architecture.js";
import { canonicalJson } from "../../compiler/util/canonical-json.js";
import { sha256 } from "../../compiler/util/hash.js";
import { nixpkgsTarball } from "../../compiler/util/nixpkgs.js";
import { NIXOS_AMI_OWNER, nixosAmiNamePattern } from "../../compiler/util/nixos-ami.js";

/** The Packer plugin the template needs, pinned to a major version. */
export const PACKER_AMAZON_PLUGIN = { source: "github.com/hashicorp/amazon", version: "~> 1.3" } as const;

/** Only what Session Manager needs on the temporary build instance: Packer reaches it through SSM, never an open port. */
const sessionManagerActions = [
  "ssm:UpdateInstanceInformation",
  "ssmmessages:CreateControlChannel",
  "ssmmessages:CreateDataChannel",
  "ssmmessages:OpenControlChannel",
  "ssmmessages:OpenDataChannel",
];

/**
 * packer/<host>.pkr.json (Packer's JSON form of HCL2): an amazon-ebs build that starts from the
 * official NixOS AMI of the host's architecture, copies the host's configuration.nix and builds it as
 * the image's boot configuration (`nixos-rebuild boot`, so the build's SSH session is not cut by the
 * configuration turning SSH off), then removes the build's key. The build instance is reached through
 * Session Manager (no inbound port), has IMDSv2 only and an encrypted disk; the AMI is encrypted and
 * tagged with the configuration's hash, so which configuration an image holds is always known. Run it
 * from the output directory: `packer init packer/<host>.pkr.json && packer build -var subnet_id=...`.
 */
export function packerTemplate(graph: Graph, host: GraphNode<"host">, configuration: string): string {
  const { rev } = graph.system.props.nixpkgs;
  const architecture = architectureOf(host.props.instanceType);
  const hash = sha256(configuration);
  const name = host.name;
  const tags = { "noros:system": graph.system.name, "noros:host": name, "noros:configuration": hash, "noros:nixpkgs": rev };
  const template = {
    packer: { required_plugins: { amazon: PACKER_AMAZON_PLUGIN } },
    variable: {
      subnet_id: { type: "string", description: "A subnet with a route to the internet (the build fetches nixpkgs and the binary cache) in which Packer starts the build instance." },
    },
    source: {
      "amazon-ebs": {
        [name]: {
          region: graph.system.props.region,
          instance_type: host.props.instanceType,
          subnet_id: "${var.subnet_id}",
          associate_public_ip_address: false,
          source_ami_filter: {
            owners: [NIXOS_AMI_OWNER],
            most_recent: true,
            filters: { name: nixosAmiNamePattern(), architecture, "virtualization-type": "hvm" },
          },
          ami_name: `noros-${graph.system.name}-${name}-${hash.slice(0, 16)}`,
          ami_description: `NixOS configuration of host "${name}" of system "${graph.system.name}" (sha256 ${hash})`,
          encrypt_boot: true,
          imds_support: "v2.0",
          metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
          launch_block_device_mappings: [{ device_name: "/dev/xvda", volume_size: host.props.diskGb, volume_type: "gp3", encrypted: true, delete_on_termination: true }],
          communicator: "ssh",
          ssh_username: "root",
          ssh_interface: "session_manager",
          temporary_iam_instance_profile_policy_document: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: sessionManagerActions, Resource: ["*"] }],
          },
          tags,
          run_tags: tags,
        },
      },
    },
    build: {
      sources: [`source.amazon-ebs.${name}`],
      provisioner: [
        { file: { source: `\${path.root}/../nix/${name}/configuration.nix`, destination: "/etc/nixos/configuration.nix" } },
        {
          shell: {
            inline: [
              "set -eu",
              `nixos-rebuild boot -I nixpkgs=${nixpkgsTarball(rev)}`,
              "nix-collect-garbage --delete-older-than 1d",
              // The build's temporary key, and the AMI's host keys: every instance makes its own.
              "rm -f /root/.ssh/authorized_keys /etc/ssh/ssh_host_*",
            ],
          },
        },
      ],
    },
  };
  return canonicalJson(template);
}
