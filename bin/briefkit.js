#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm run prepare`, which npm runs on install).
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
