import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

// Built into the Python package so `wirecoder serve` ships the page; nothing is fetched at run time.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../src/wirecoder/web/static/dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8765" } },
});
