import fc from 'fast-check';
import { it } from 'vitest';
import { mutation, fieldMutation, damaged } from './fuzz/arbitraries.js';
it('profile', () => {
  let s = performance.now();
  const ms = fc.sample(damaged('customer'), 1000);
  console.log('gen damaged x1000', (performance.now() - s).toFixed(0));
  s = performance.now();
  fc.sample(mutation, 1000);
  console.log('gen mutation x1000', (performance.now() - s).toFixed(0));
  s = performance.now();
  fc.sample(fieldMutation.customer, 1000);
  console.log('gen field x1000', (performance.now() - s).toFixed(0));
}, 300000);
