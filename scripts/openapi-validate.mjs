// Validates an OpenAPI document with @apidevtools/swagger-parser (the OpenAPI 3.1 schema, then every $ref resolved).
// Usage: node scripts/openapi-validate.mjs openapi.json   (or a URL: http://127.0.0.1:7071/api/openapi.json)
// Prints "valid: N paths, M schemas" and exits 0, or prints the errors and exits 1.
import SwaggerParser from "@apidevtools/swagger-parser";

const source = process.argv[2];
if (!source) {
  console.error("usage: node scripts/openapi-validate.mjs <file or URL>");
  process.exit(2);
}
try {
  const api = await SwaggerParser.validate(source);
  console.log(`valid: OpenAPI ${api.openapi}, ${Object.keys(api.paths).length} paths, ${Object.keys(api.components?.schemas ?? {}).length} schemas`);
} catch (error) {
  console.error(error.message);
  for (const detail of error.details ?? []) console.error(JSON.stringify(detail));
  process.exit(1);
}
