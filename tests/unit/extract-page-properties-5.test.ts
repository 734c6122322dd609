import { definePageProperties, trackRuns } from './support/page-properties';

// One fifth of the page-extractor property inputs; see extract-properties.test.ts.
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 2_000);

trackRuns();
definePageProperties({ seed: 20261204 + 5, text: RUNS, page: RUNS });
