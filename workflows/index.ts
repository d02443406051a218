/**
 * Every workflow the engine's worker runs. Only deterministic code is allowed in this folder:
 * no I/O, no Date.now() outside Temporal's, no Math.random(), no imports of Node modules.
 */
export {};
