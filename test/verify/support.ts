/** A small registry whose leadership have git emails, for the approval tests. */
import { MODELINE } from '../helpers/repo.js';

export const PEOPLE_WITH_EMAILS = `${MODELINE.people}people:
  - handle: alice
    name: Alice Able
    roles: [support-engineer]
  - handle: bob
    name: Bob Baker
    roles: [support-engineer]
  - handle: carol
    name: Carol Chen
    roles: [customer-engineer]
  - handle: erin
    name: Erin Ellis
    roles: [cs-leadership]
    email: erin@example.com
    github: erin-e
  - handle: fred
    name: Fred Fox
    roles: [ce-leadership]
    email: fred@example.com
    github: fredfox
  - handle: gina
    name: Gina Gray
    roles: [sales-leadership]
`;

/** A requested customer with no approvals yet. */
export const REQUESTED = `${MODELINE.customer}name: Acme
segment: post-sales
term: long-term
status: requested
ce: carol
request:
  by: carol
  on: 2026-11-01
`;

export const EVIDENCE = 'https://chat.example.com/archives/C01/p1700000000';
