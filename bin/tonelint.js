#!/usr/bin/env node
import { loadBundledCli } from '../dist/cli/load-bundle.js';
loadBundledCli().cli.runCli();
