#!/usr/bin/env node
import { startServer } from '../dist/bundle/lsp.js';
startServer();
