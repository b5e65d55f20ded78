import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the same build loads from file:// in Electron and from the browser-mode host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
