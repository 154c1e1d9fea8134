#!/usr/bin/env node
import { startServer } from '../dist/lsp/main.js';
startServer();
