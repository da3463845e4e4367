// The smallest useful system: a private, encrypted bucket, a topic that tells you when something happens,
// and a static web service (built into an image from ./web, tested locally by `noros test`); plus the one
// escape hatch among the examples, a cost budget (`noros check` lists it with its reason).
import { bucket, raw, service, system, topic } from "noros";

const site = bucket("site");
const news = topic("news", { emails: ["ops@example.com"] });
const web = service("web", {
  source: "./web",
  runtime: "static",
  port: 8080,
  healthCheck: { path: "/health" },
});

// A monthly cost budget for what this system runs: AWS Budgets mails ops when the month's actual cost
// passes 80 % of 10 USD, and when the forecast passes the whole. It counts the costs tagged
// noros:system=hello (the provider's default tags put it on every resource), once that tag is activated
// as a cost allocation tag in the billing console. E-mail rather than the `news` topic: the topic's KMS
// key and policy admit no budgets.amazonaws.com, and a budget alert is for the account's owner.
const budget = raw.terraform("budget", {
  reason:
    "AWS Budgets is not in the DSL: a monthly cost budget with e-mail alerts (aws_budgets_budget)",
  resource: {
    aws_budgets_budget: {
      monthly: {
        name: "${var.name_prefix}-monthly",
        budget_type: "COST",
        limit_amount: "10",
        limit_unit: "USD",
        time_unit: "MONTHLY",
        cost_filter: [{ name: "TagKeyValue", values: ["user:noros:system$hello"] }],
        notification: [
          {
            comparison_operator: "GREATER_THAN",
            threshold: 80,
            threshold_type: "PERCENTAGE",
            notification_type: "ACTUAL",
            subscriber_email_addresses: ["ops@example.com"],
          },
          {
            comparison_operator: "GREATER_THAN",
            threshold: 100,
            threshold_type: "PERCENTAGE",
            notification_type: "FORECASTED",
            subscriber_email_addresses: ["ops@example.com"],
          },
        ],
      },
    },
  },
});

export default system("hello", {
  region: "eu-central-1",
  resources: [site, news, web, budget],
  outputs: { site_bucket: site.bucketName },
});
