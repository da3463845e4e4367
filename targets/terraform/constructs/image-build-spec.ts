/**
 * The buildspec of an image build. The script is fixed text: everything that varies (the repository,
 * the bucket, the prefix, the uploaded key) reaches it as environment variables, set by the project or
 * overridden per build by the EventBridge target, so no value is ever spliced into shell code. The
 * document is printed by a YAML printer, never assembled from strings.
 */
import { stringify as toYaml } from "yaml";

/**
 * Checks the key, fetches the upload, and either builds it (a Dockerfile, or an archive holding a build
 * context with a Dockerfile at its root) or loads it (an archive written by `docker save`, with a
 * manifest.json at its root), then pushes `<environment>-<sha256 prefix>` unless that tag exists.
 */
export const buildScript = [
  "set -euo pipefail",
  'case "$SOURCE_KEY" in "$KEY_PREFIX"*) ;; *) echo "refusing \\"$SOURCE_KEY\\": not under $KEY_PREFIX" >&2; exit 1 ;; esac',
  'rest="${SOURCE_KEY#"$KEY_PREFIX"}"',
  // <environment>/<file>: the environment names the image; keys with other characters are refused
  // rather than quoted (S3 event keys are URL-encoded, and safe characters read the same either way).
  'if ! [[ "$rest" =~ ^([a-z0-9][a-z0-9-]{0,62})/([A-Za-z0-9._-]+/)*([A-Za-z0-9._-]+)$ ]]; then echo "refusing \\"$SOURCE_KEY\\": expected ${KEY_PREFIX}<environment>/Dockerfile or ${KEY_PREFIX}<environment>/<name>.tar[.gz]" >&2; exit 1; fi',
  'environment="${BASH_REMATCH[1]}"',
  'file="${BASH_REMATCH[3]}"',
  "work=$(mktemp -d)",
  'mkdir "$work/context"',
  'aws s3api get-object --bucket "$SOURCE_BUCKET" --key "$SOURCE_KEY" "$work/upload" > /dev/null',
  'tag="$environment-$(sha256sum "$work/upload" | cut -c1-16)"',
  'image="$REPOSITORY_URI:$tag"',
  'aws ecr get-login-password | docker login --username AWS --password-stdin "${REPOSITORY_URI%%/*}"',
  'if aws ecr describe-images --repository-name "$REPOSITORY_NAME" --image-ids imageTag="$tag" > /dev/null 2>&1; then echo "$image exists already: nothing to build"; exit 0; fi',
  'case "$file" in',
  '  Dockerfile) cp "$work/upload" "$work/context/Dockerfile"; mode=build ;;',
  "  *.tar|*.tar.gz|*.tgz)",
  '    tar -tf "$work/upload" | sed "s|^\\./||" > "$work/listing"',
  '    if grep -qx Dockerfile "$work/listing"; then mode=build; tar -xf "$work/upload" -C "$work/context" --no-same-owner --no-same-permissions',
  '    elif grep -qx manifest.json "$work/listing"; then mode=load',
  '    else echo "refusing \\"$SOURCE_KEY\\": the archive has neither a Dockerfile nor a manifest.json (docker save) at its root" >&2; exit 1; fi ;;',
  '  *) echo "refusing \\"$SOURCE_KEY\\": upload a Dockerfile or a .tar, .tar.gz or .tgz archive" >&2; exit 1 ;;',
  "esac",
  'if [ "$mode" = build ]; then',
  '  docker build --pull --tag "$image" "$work/context"',
  "else",
  '  loaded=$(docker load --input "$work/upload" | sed -n "s/^Loaded image: //p; s/^Loaded image ID: //p" | head -n 1)',
  '  if [ -z "$loaded" ]; then echo "docker load found no image in \\"$SOURCE_KEY\\"" >&2; exit 1; fi',
  '  docker tag "$loaded" "$image"',
  "fi",
  'docker push "$image"',
  'echo "pushed $image"',
].join("\n");

/**
 * The one command of the build phase: the script in a subshell, so that its `set -e` and its `exit`
 * end the script and not the shell CodeBuild runs its phases in; its status is the phase's.
 */
export const buildCommand = `(\n${buildScript}\n)`;

/** The buildspec as YAML (CodeBuild's version 0.2): one bash step, so a failing line fails the build. */
export function buildspec(): string {
  return toYaml({ version: "0.2", env: { shell: "bash" }, phases: { build: { commands: [buildCommand] } } }, { lineWidth: 0 });
}
