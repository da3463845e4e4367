/**
 * An API Gateway HTTP API: one Lambda proxy integration per function it routes to, one route per
 * route key (signed with IAM unless the author chose "none"), and the `$default` stage, throttled,
 * deploying automatically and writing one JSON access-log line per request to its own log group.
 * Each function may be invoked by this API on its own routes only.
 */
import type { GraphNode } from "../../../compiler/graph.js";
import type { TerraformDocument } from "../document.js";
import { interpolate, literal } from "../expression.js";
import { localName, nameTag, NAME_PREFIX, physicalName } from "../naming.js";
import { logsKeyArn } from "./logs-key.js";

/** API Gateway's `$context` variables for the access log: who asked what, when, and how it went. */
const accessLogFormat = {
  requestId: "$context.requestId",
  requestTime: "$context.requestTimeEpoch",
  sourceIp: "$context.identity.sourceIp",
  routeKey: "$context.routeKey",
  status: "$context.status",
  responseLength: "$context.responseLength",
  integrationStatus: "$context.integrationStatus",
  integrationError: "$context.integrationErrorMessage",
  latencyMs: "$context.responseLatency",
};

/** HTTP APIs wait at most 30 s for an integration. */
const INTEGRATION_TIMEOUT_MS = 30_000;

/**
 * The part of an execute-api ARN a route answers on (`<stage>/<METHOD>/<path>`): any stage, ANY as
 * any method, each `{parameter}` as any segment, so the permission covers exactly this route.
 */
export function routeSourceArn(api: string, routeKey: string): string {
  const [method, routePath] = routeKey.split(" ") as [string, string];
  const pathPattern = routePath.replace(/\{[^}]+\}/g, "*");
  return `${interpolate(`aws_apigatewayv2_api.${api}.execution_arn`)}/*/${method === "ANY" ? "*" : method}${pathPattern}`;
}

export function lowerHttpApi(node: GraphNode<"http-api">, tf: TerraformDocument, region: string): void {
  const n = node.name;
  const { props } = node;
  const apiId = interpolate(`aws_apigatewayv2_api.${n}.id`);
  tf.resource("aws_apigatewayv2_api", n, { name: physicalName(n), protocol_type: "HTTP", tags: nameTag(n) }, n);

  const logGroup = localName(n, "access");
  tf.resource("aws_cloudwatch_log_group", logGroup, { name: `/noros/${NAME_PREFIX}/http-api/${n}`, retention_in_days: props.logRetentionDays, kms_key_id: logsKeyArn(tf, region), tags: nameTag(n, "access") }, n);
  tf.resource(
    "aws_apigatewayv2_stage",
    n,
    {
      api_id: apiId,
      name: "$default",
      auto_deploy: true,
      access_log_settings: { destination_arn: interpolate(`aws_cloudwatch_log_group.${logGroup}.arn`), format: literal(JSON.stringify(accessLogFormat)) },
      default_route_settings: { throttling_rate_limit: props.throttle.ratePerSecond, throttling_burst_limit: props.throttle.burst, detailed_metrics_enabled: true },
      tags: nameTag(n),
    },
    n,
  );

  const routes = Object.entries(props.routes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const fn of [...new Set(routes.map(([, target]) => target.name))].sort()) {
    tf.resource(
      "aws_apigatewayv2_integration",
      localName(n, fn),
      {
        api_id: apiId,
        integration_type: "AWS_PROXY",
        integration_method: "POST",
        integration_uri: interpolate(`aws_lambda_function.${fn}.invoke_arn`),
        payload_format_version: "2.0",
        timeout_milliseconds: INTEGRATION_TIMEOUT_MS,
      },
      n,
    );
  }
  routes.forEach(([routeKey, target], index) => {
    const route = localName(n, "route", index);
    tf.resource(
      "aws_apigatewayv2_route",
      route,
      {
        api_id: apiId,
        route_key: routeKey,
        target: `integrations/${interpolate(`aws_apigatewayv2_integration.${localName(n, target.name)}.id`)}`,
        authorization_type: props.authorization === "iam" ? "AWS_IAM" : "NONE",
      },
      n,
    );
    tf.resource(
      "aws_lambda_permission",
      route,
      {
        statement_id: `AllowHttpApi-${n}-${index}`,
        action: "lambda:InvokeFunction",
        function_name: interpolate(`aws_lambda_function.${target.name}.function_name`),
        principal: "apigateway.amazonaws.com",
        source_arn: routeSourceArn(n, routeKey),
      },
      n,
    );
  });
}
