import path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { DiagnosticsError } from "../compiler/diagnostics/diagnostic.js";
import { repoRoot, writeSystem } from "./helpers/cli.js";

type Doc = { resource: Record<string, Record<string, Record<string, unknown>>>; output: Record<string, { value: string }>; variable: Record<string, unknown> };
const documentOf = (file: string) => compile({ file, cwd: path.dirname(file), targets: ["terraform"] }).artefacts.find((a) => a.path === "terraform/main.tf.json") as { contents: string };
const urlChecker = path.join(repoRoot, "examples", "url-checker", "url-checker.noros.ts");

describe("container services in the cloud", () => {
  const doc = JSON.parse(documentOf(urlChecker).contents) as Doc;

  it("push to an ECR repository with immutable tags and scanning, whose URL push.sh reads", () => {
    expect(doc.resource.aws_ecr_repository?.checker).toMatchObject({ image_tag_mutability: "IMMUTABLE", image_scanning_configuration: { scan_on_push: true } });
    expect(JSON.parse(doc.resource.aws_ecr_lifecycle_policy?.checker?.policy as string).rules[0].selection.countNumber).toBe(20);
    expect(doc.output.checker_repository_url?.value).toBe("${aws_ecr_repository.checker.repository_url}");
  });

  it("run on ECS Fargate in the network's private subnets only, rolling back a failed deployment", () => {
    expect(doc.resource.aws_ecs_service?.checker).toMatchObject({
      launch_type: "FARGATE",
      deployment_circuit_breaker: { enable: true, rollback: true },
      network_configuration: { assign_public_ip: false, subnets: ["${aws_subnet.main_private_0.id}", "${aws_subnet.main_private_1.id}"] },
    });
    const [container] = JSON.parse(doc.resource.aws_ecs_task_definition?.checker?.container_definitions as string) as Array<Record<string, unknown>>;
    expect(container).toMatchObject({
      image: "${aws_ecr_repository.checker.repository_url}:${var.checker_image_tag}",
      portMappings: [{ containerPort: 8080, protocol: "tcp" }],
      logConfiguration: { logDriver: "awslogs" },
    });
    expect(container?.environment).toContainEqual({ name: "INPUT_BUCKET", value: "${aws_s3_bucket.data.bucket}" });
    expect((container?.healthCheck as { command: string[] }).command[0]).toBe("CMD");
    expect(doc.variable).toHaveProperty("checker_image_tag");
  });

  it("give the task role exactly the bucket access the system declares, and the execution role only its own image and logs", () => {
    const data = (doc as unknown as { data: Record<string, Record<string, { statement: Array<{ actions: string[]; resources: string[] }> }>> }).data.aws_iam_policy_document;
    expect(data?.checker_grants?.statement.flatMap((s) => s.actions).sort()).toEqual(["s3:GetObject", "s3:ListBucket", "s3:PutObject"]);
    expect(doc.resource.aws_iam_role_policy?.checker_grants?.role).toBe("${aws_iam_role.checker_task.id}");
    const execution = data?.checker_execution?.statement ?? [];
    expect(execution.filter((s) => s.resources.includes("*")).flatMap((s) => s.actions)).toEqual(["ecr:GetAuthorizationToken"]);
  });

  it("refuses to give access to a service that does not run in the cloud (NOROS3007)", () => {
    const file = writeSystem({
      "x.noros.ts": [
        'import { bucket, lazy, service, system } from "noros";',
        'const web = service("web", { source: "./app", runtime: "static", port: 8080, healthCheck: { path: "/health" } });',
        "const data = bucket(\"data\", { readers: [lazy(() => web)] });",
        'export default system("x", { region: "eu-central-1", resources: [data, web] });',
      ].join("\n"),
    });
    try {
      compile({ file, cwd: path.dirname(file), targets: [] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DiagnosticsError);
      expect((error as DiagnosticsError).diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual(["NOROS3007 3:41"]);
    }
  });
});
