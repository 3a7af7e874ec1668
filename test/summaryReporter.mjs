// The spec reporter, plus one closing line in the plain "N passed, N failed" form CI logs look for.
import Mocha from 'mocha';

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

export default class SpecWithSummary extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = options?.reporterOption?.label ?? 'tests';
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`${label}: ${passes} passed, ${failures} failed, ${pending} skipped`);
    });
  }
}
