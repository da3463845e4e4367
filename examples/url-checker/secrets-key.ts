import { kmsKey } from "noros";

/**
 * The customer-managed key the results token is encrypted with instead of Secrets Manager's AWS
 * managed key: its key policy lets only the checker's execution role (the secret's one reader, derived
 * by noros) decrypt through Secrets Manager, and destroying the key can be undone for a week.
 */
export const secretsKey = kmsKey("secrets", {
  description: "encrypts the url-checker's results token in Secrets Manager",
  // The secret's own recovery window: a destroyed key and its secret can be brought back together.
  deletionWindowDays: 7,
});
