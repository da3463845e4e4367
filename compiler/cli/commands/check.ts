import { rawBlocks } from "../../../targets/terraform/constructs/raw-terraform.js";
import { githubSubject, POWER_USER_POLICY } from "../../../targets/terraform/constructs/pipelines.js";
import { compile } from "../../compile.js";
import { nodesOf } from "../../graph.js";
import { displayPath } from "../../diagnostics/diagnostic.js";
import { EXIT_OK } from "../exit-codes.js";
import { diagnosticsJson, printDiagnostics, type Io } from "../output.js";

/** Everything `compile` checks, including the provider schemas, without writing anything. */
export function runCheck(file: string | undefined, options: { json?: boolean }, io: Io): number {
  const compiled = compile({ file, cwd: io.cwd });
  const summary = {
    ok: true,
    system: compiled.graph.system.name,
    file: displayPath(compiled.entry, io.cwd),
    constructs: compiled.graph.nodes.length,
    resources: compiled.resourceCount,
    grants: compiled.graph.grants.map((g) => ({ principal: `${g.principal.kind} ${g.principal.name}`, actions: g.actions, reason: g.reason })),
    // Every escape hatch in force, so that a reviewer sees what bypasses the DSL's checks and defaults.
    escapeHatches: nodesOf(compiled.graph, "raw-terraform").map((node) => ({
      kind: "raw.terraform",
      name: node.name,
      at: `${displayPath(node.pos.file, io.cwd)}:${node.pos.line}:${node.pos.col}`,
      reason: node.props.reason,
      blocks: rawBlocks(node).map((b) => b.address),
    })),
    // Every secure default weakened on purpose, with the author's reason, for reviewers: the security
    // policy's waivers in force (with the blocks whose findings each waives), then the properties that
    // weaken a default by themselves (a database's deletion protection off, with its reason).
    waivers: [
      ...compiled.policy.waivers.map((w) => ({
        rule: w.rule,
        construct: `${w.kind} ${w.construct}`,
        at: `${displayPath(w.pos.file, io.cwd)}:${w.pos.line}:${w.pos.col}`,
        reason: w.reason,
        covers: w.covers,
      })),
      ...nodesOf(compiled.graph, "database").flatMap((node) =>
        node.props.deletionProtection === true ? [] : [{ construct: `database ${node.name}`, property: "deletionProtection", at: `${displayPath(node.pos.file, io.cwd)}:${node.pos.line}:${node.pos.col}`, reason: node.props.deletionProtection.off }],
      ),
    ],
    // The roles CI assumes, above all the apply role's broad rights, so that a reviewer sees them.
    ciRoles: nodesOf(compiled.graph, "pipelines").flatMap((node) => {
      const trustedBy = githubSubject(node.props.github.repository, node.props.github.branch);
      const state = compiled.graph.system.props.backend?.s3;
      return [
        ...(node.props.images.length > 0 ? [{ pipelines: node.name, role: `${node.name}_build`, trustedBy, rights: [`push to the ECR repositories of ${[...new Set(node.props.images.map((i) => i.name))].sort().join(", ")}`] }] : []),
        ...(node.props.apply
          ? [{ pipelines: node.name, role: `${node.name}_apply`, trustedBy, rights: [POWER_USER_POLICY, "IAM on the name prefix's roles (and instance profiles, users, groups)", "GitHub's OIDC provider", ...(state ? [`state s3://${state.bucket}/${state.key}`] : [])] }]
          : []),
      ];
    }),
    diagnostics: diagnosticsJson(compiled.diagnostics, io.cwd),
  };
  if (options.json) {
    io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return EXIT_OK;
  }
  printDiagnostics(io, compiled.diagnostics);
  io.stdout(`${summary.file}: ${summary.system} is valid: ${summary.constructs} constructs, ${summary.resources} Terraform resources, provider schemas satisfied, security policy ${summary.waivers.length === 0 ? "met" : `met with ${summary.waivers.length} waiver${summary.waivers.length === 1 ? "" : "s"}`}\n`);
  for (const g of summary.grants) io.stdout(`  grant ${g.principal}: ${g.actions.join(", ")} (${g.reason})\n`);
  for (const w of summary.waivers) {
    if ("rule" in w) io.stdout(`  waiver ${w.rule} on ${w.construct} at ${w.at}: ${w.covers.join(", ")} (${w.reason})\n`);
    else io.stdout(`  waiver ${w.construct} ${w.property} off at ${w.at} (${w.reason})\n`);
  }
  for (const r of summary.ciRoles) io.stdout(`  ci role ${r.role} (assumable by ${r.trustedBy} only): ${r.rights.join(", ")}\n`);
  for (const h of summary.escapeHatches) io.stdout(`  escape hatch ${h.kind} "${h.name}" at ${h.at}: ${h.blocks.join(", ")} (${h.reason})\n`);
  return EXIT_OK;
}
