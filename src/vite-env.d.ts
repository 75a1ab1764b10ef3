/// <reference types="vite/client" />

// `import source from './shaders/fft.wgsl?raw'` is typed by vite/client's `*?raw` module
// (default export: the file's text). A bare `.wgsl` import is deliberately left untyped:
// Vite has no loader for it, so it should fail to compile rather than at build time.
