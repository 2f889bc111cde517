/**
 * `authflow-mocks/verify`: drift checks, the other direction of contract testing. Runs a
 * provider's Postman collection with Newman against the real hosts (or any base URL: a sandbox,
 * a staging proxy, the mock itself) and checks every answer against the provider's spec: the
 * status is declared for the operation, the body fits its schema, the required headers are
 * there. The operation is found by the same router the mocks use (host + method + path).
 *
 * Nothing secret leaves this module: token values, secrets and personal fields are redacted in
 * the report and in every file and line written from it. Node only.
 */

export { verifyCommand, verifyHelp, verifyUsage } from './verify/command.js';
export { formatJunit, formatSummary, type VerifyReporter, writeReports } from './verify/outputs.js';
export { verifyCollection } from './verify/run.js';
export {
  type Drift,
  defaultMaxBodyBytes,
  type OperationReport,
  type OperationVerdict,
  VerifyError,
  type VerifyOptions,
  type VerifyReport,
} from './verify/types.js';
export { verifyVariables } from './verify/variables.js';
