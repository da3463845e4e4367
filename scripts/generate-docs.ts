import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { buildProgram } from "../compiler/cli/main.js";
import { catalogue } from "../compiler/diagnostics/catalogue.js";
import { policyRules } from "../compiler/policy/catalogue.js";

/**
 * docs/cli.md and docs/diagnostics.md, generated from the commander definitions and the diagnostic
 * catalogue so that they cannot drift from the code (`tests/docs.test.ts` compares them).
 */
function helpOf(command: Command): string {
  let text = "";
  // A fixed width, so the docs do not depend on the terminal they were generated in.
  command.configureOutput({ writeOut: (t) => (text += t), writeErr: (t) => (text += t), getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 });
  command.outputHelp();
  return text;
}

export function cliReference(): string {
  const program = buildProgram({ cwd: ".", stdout: () => {}, stderr: () => {} }, () => {});
  const sections = [`# CLI reference\n\nGenerated from the command definitions by \`npm run docs\`; do not edit.\n\n## noros\n\n\`\`\`\n${helpOf(program)}\`\`\`\n`];
  for (const command of program.commands) {
    sections.push(`## noros ${command.name()}\n\n${command.description()}\n\n\`\`\`\n${helpOf(command)}\`\`\`\n`);
  }
  return sections.join("\n");
}

export function diagnosticsReference(): string {
  const lines = ["# Diagnostics", "", "Generated from the diagnostic catalogue by `npm run docs`; do not edit. `noros explain CODE` prints the same.", ""];
  for (const code of Object.keys(catalogue).sort()) {
    const entry = catalogue[code];
    if (!entry) continue;
    lines.push(`## ${code}`, "", entry.title, "");
    if (entry.explanation) lines.push(entry.explanation, "");
    if (entry.example) lines.push("```ts", entry.example, "```", "");
    if (entry.fix) lines.push(`**Fix:** ${entry.fix}`, "");
  }
  return lines.join("\n");
}

/** docs/policy.md: the security-policy rules, from the rule catalogue. */
export function policyReference(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const lines = [
    "# Security policy",
    "",
    "Generated from the rule catalogue (compiler/policy/) by `npm run docs`; do not edit.",
    "",
    "Every generated Terraform block, escape hatches included, is checked against these rules by `noros check` and `noros compile`. A violation is `NOROS5001` at the construct that produced the block; waive a rule for one construct with `waive(construct, \"RULE-ID\", \"reason\")`.",
    "",
    "| rule | requirement | rationale | control | inspects |",
    "|---|---|---|---|---|",
    ...policyRules.map((r) => `| ${r.id} | ${cell(r.title)} | ${cell(r.rationale)} | [${r.control.name}](${r.control.url}) | ${r.resourceTypes.map((t) => `\`${t}\``).join(", ")} |`),
    "",
  ];
  return lines.join("\n");
}

export const docsDirectory = path.resolve(import.meta.dirname, "..", "docs");

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  writeFileSync(path.join(docsDirectory, "cli.md"), cliReference());
  writeFileSync(path.join(docsDirectory, "diagnostics.md"), diagnosticsReference());
  writeFileSync(path.join(docsDirectory, "policy.md"), policyReference());
  process.stdout.write("wrote docs/cli.md, docs/diagnostics.md and docs/policy.md\n");
}
