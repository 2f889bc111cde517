// @ts-check
/**
 * A Stryker ignorer: skips mutants of human-readable error text. Tests assert stable error
 * codes and journal reasons, never message text (see docs/mutation-testing.md), so a mutant
 * that only rewords a description is not a test gap. Ignored:
 * - the message (second argument on) of `new MockError(code, message, …)`;
 * - string values of an object bound to a name ending in `Refusal` or `Words` (tables of refusal
 *   texts keyed by a token refusal code, such as Eventix's `codeRefusal`).
 * Codes themselves (the first argument, the tables' keys) are still mutated.
 */
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const isText = (node) => node && (node.type === 'StringLiteral' || node.type === 'TemplateLiteral');

/** @type {import('@stryker-mutator/api/ignore').Ignorer} */
const ignorer = {
  shouldIgnore(path) {
    const { node, parent } = /** @type {any} */ (path);
    if (!isText(node) && node.type !== 'BinaryExpression' && node.type !== 'ConditionalExpression') return undefined;
    if (
      parent?.type === 'NewExpression' &&
      parent.callee?.type === 'Identifier' &&
      parent.callee.name === 'MockError' &&
      parent.arguments.indexOf(node) >= 1
    ) {
      return 'error description text';
    }
    if (isText(node) && parent?.type === 'ObjectProperty' && parent.value === node) {
      const table = /** @type {any} */ (path).parentPath?.parentPath;
      const owner = table?.parentPath?.node;
      const name =
        owner?.type === 'VariableDeclarator' && owner.id?.type === 'Identifier'
          ? owner.id.name
          : owner?.type === 'TSAsExpression'
            ? table?.parentPath?.parentPath?.node?.id?.name
            : undefined;
      if (typeof name === 'string' && /(Refusal|Words)$/.test(name)) return 'refusal description text';
    }
    return undefined;
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'error-descriptions', ignorer)];
