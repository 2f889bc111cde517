/** Control-plane steps every provider's collection uses (skipped against the live API). */
import type { Step } from './kit.js';

export function resetStep(): Step {
  return {
    name: 'Reset the mock to its seeded state',
    method: 'POST',
    url: '{{controlBase}}/reset',
    mockOnly: true,
    // authflow-mocks newman/verify set resetWorld=false when running in a world they did not make.
    prerequest: `if (pm.environment.get('resetWorld') === 'false') { pm.execution.skipRequest(); }`,
    tests: `
    pm.test('mock reset answers 200', () => pm.response.to.have.status(200));`,
  };
}

export function advanceClockStep(seconds: number, why: string): Step {
  return {
    name: `Advance the mock clock ${seconds} s (${why})`,
    method: 'POST',
    url: '{{controlBase}}/clock',
    json: { advanceSeconds: seconds },
    mockOnly: true,
    tests: `
    pm.test('clock moved', () => {
      pm.response.to.have.status(200);
      pm.expect(pm.response.json().offsetSeconds).to.be.at.least(${seconds});
    });`,
  };
}
