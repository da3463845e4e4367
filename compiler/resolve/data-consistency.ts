import { networkOf as networkOfConstruct } from "./flows.js";
import { attributesByKind } from "../../dsl/attributes.js";
import type { CheckedNode, CheckedSystem } from "../check/check.js";
import { positionOfPath } from "../check/positions.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { AnyNode, GraphNode, RefValue } from "../graph.js";
import { findReferences } from "./walk-values.js";

/** The property paths where a secret's `.value` is expected (and lowered by ARN or by Terraform itself). */
const secretPlaces: Readonly<Record<string, (path: readonly string[]) => boolean>> = {
  service: (path) => path.length === 2 && path[0] === "secrets",
  database: (path) => path.length === 2 && path[0] === "appUser" && path[1] === "password",
  cache: (path) => path.length === 1 && path[0] === "authToken",
};

const isSecretValue = (ref: RefValue) => attributesByKind[ref.kind]?.[ref.attribute] === "secret";

/**
 * What secrets, keys, databases and caches ask of the rest of the system: a secret's value goes only
 * where a secret is expected, passwords noros sets are generated, clients can be reached by a
 * security group in the same network, a cache's host runs NixOS.
 */
export function dataConsistency(nodes: readonly AnyNode[], byName: ReadonlyMap<string, CheckedNode>, system: CheckedSystem): Diagnostic[] {
  const out: Diagnostic[] = [];
  const checkedOf = (node: AnyNode) => byName.get(node.name) as never;
  const at = (node: AnyNode, path: readonly string[]) => positionOfPath(checkedOf(node), [...path], node.pos);
  const named = new Map(nodes.map((n) => [n.name, n]));

  // A secret's value anywhere else (an environment variable, an output, user data) would be written out.
  for (const node of nodes) {
    for (const found of findReferences(node.props)) {
      if (!("ref" in found) || !isSecretValue(found.ref)) continue;
      if (secretPlaces[node.kind]?.(found.path)) continue;
      out.push(
        diagnostic(at(node, found.path), "NOROS3070", `the value of secret "${found.ref.name}" is used in ${node.kind} "${node.name}" ${found.path.join(".")}, where it would be written out in plain text`, {
          hint: "pass it only where a secret is expected (a service's secrets, a database user's password, a cache's authToken); elsewhere use its .arn and read it at run time",
        }),
      );
    }
  }
  for (const found of findReferences(system.props)) {
    if (!("ref" in found) || !isSecretValue(found.ref)) continue;
    out.push(
      diagnostic(positionOfPath(system as never, found.path, system.pos), "NOROS3070", `the value of secret "${found.ref.name}" is used in the system's ${found.path.join(".")}, where it would be written out in plain text`, {
        hint: "outputs are printed by terraform and stored unencrypted in plans; output the secret's .arn instead",
      }),
    );
  }

  // Passwords noros itself sets must be generated: noros cannot set a database user's or an ElastiCache
  // AUTH password from a value it never reads.
  const generated = (node: AnyNode, path: readonly string[], ref: RefValue, what: string) => {
    if (!isSecretValue(ref)) {
      out.push(diagnostic(at(node, path), "NOROS3071", `${what} of ${node.kind} "${node.name}" refers to ${ref.kind} "${ref.name}" ${ref.attribute}, which is not a secret`, { hint: "give a generated secret's .value" }));
      return;
    }
    const secret = named.get(ref.name) as GraphNode<"secret"> | undefined;
    if (secret && secret.props.generate === undefined) {
      out.push(
        diagnostic(at(node, path), "NOROS3071", `${what} of ${node.kind} "${node.name}" is the existing secret "${ref.name}": noros sets this password, so it must generate it`, {
          hint: `declare secret("${ref.name}", { generate: { length: 32 } }) and let the application read it from there`,
        }),
      );
    }
  };

  const networkOf = (client: { kind: string; name: string }): string | undefined => {
    const node = named.get(client.name);
    return node ? networkOfConstruct(node) : undefined;
  };
  const clients = (node: AnyNode, network: string | undefined, list: ReadonlyArray<{ kind: string; name: string }>) => {
    list.forEach((client, index) => {
      const target = named.get(client.name);
      // Only an ECS service has a security group of its own to admit (EKS manages its nodes' groups).
      if (target?.kind === "service" && target.props.run?.on !== "ecs") {
        out.push(
          diagnostic(at(node, ["clients", String(index)]), "NOROS3072", `service "${client.name}" is a client of ${node.kind} "${node.name}" but does not run in the cloud, so it has no security group to admit`, {
            hint: 'give the service run: { on: "ecs", network }',
          }),
        );
        return;
      }
      const theirs = networkOf(client);
      if (network !== undefined && theirs !== undefined && theirs !== network) {
        out.push(
          diagnostic(at(node, ["clients", String(index)]), "NOROS3073", `${client.kind} "${client.name}" is in network "${theirs}", but ${node.kind} "${node.name}" is in network "${network}"`, {
            hint: "a security group admits clients of its own VPC only: put both in one network",
          }),
        );
      }
    });
  };

  const portsOnHost = new Map<string, string>();
  for (const node of nodes) {
    if (node.kind === "database") {
      generated(node, ["appUser", "password"], node.props.appUser.password, "the application user's password");
      clients(node, node.props.network.name, node.props.clients);
    }
    if (node.kind === "cache") {
      generated(node, ["authToken"], node.props.authToken, "the auth token");
      const on = node.props.on;
      if (typeof on === "object") {
        const host = named.get(on.host.name);
        if (host?.kind === "host" && host.props.os !== "nixos") {
          out.push(diagnostic(at(node, ["on", "host"]), "NOROS3074", `cache "${node.name}" runs on host "${host.name}", which does not run NixOS`, { hint: "a cache on a host is a services.redis server in its NixOS configuration: use a NixOS host, or on: \"elasticache\"" }));
        }
        if (host?.kind === "host" && node.props.network !== undefined && node.props.network.name !== host.props.network.name) {
          out.push(diagnostic(at(node, ["network"]), "NOROS3073", `cache "${node.name}" is given network "${node.props.network.name}", but its host "${host.name}" is in network "${host.props.network.name}"`, { hint: "a cache on a host is in the host's network" }));
        }
        const key = `${on.host.name}:${node.props.port}`;
        const other = portsOnHost.get(key);
        if (other) out.push(diagnostic(at(node, ["on", "host"]), "NOROS3075", `caches "${other}" and "${node.name}" both listen on port ${node.props.port} of host "${on.host.name}"`, { hint: "give one of them another port" }));
        portsOnHost.set(key, node.name);
        clients(node, host?.kind === "host" ? host.props.network.name : undefined, node.props.clients);
      } else {
        clients(node, node.props.network?.name, node.props.clients);
      }
    }
    if (node.kind === "secret" || node.kind === "kms-key") {
      const field = node.kind === "secret" ? "readers" : "users";
      const list = node.kind === "secret" ? node.props.readers : node.props.users;
      list.forEach((principal, index) => {
        const target = named.get(principal.name);
        if (target?.kind !== "service" || target.props.run) return;
        out.push(
          diagnostic(at(node, [field, String(index)]), "NOROS3072", `service "${principal.name}" is given access to ${node.kind} "${node.name}" but does not run in the cloud, so it has no role to hold the permission`, {
            hint: 'give the service run: { on: "ecs", network }',
          }),
        );
      });
    }
  }
  return out;
}
