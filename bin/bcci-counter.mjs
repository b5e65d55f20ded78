#!/usr/bin/env node
// The IT person's command line. Runs the TypeScript sources through tsx, so it works in a clone after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
