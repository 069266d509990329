import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs apart (`pnpm start:api`, port 3000); the proxy keeps one origin so the
// session cookie and CSRF header work exactly as in production, where the API serves dist/.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
