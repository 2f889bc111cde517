/**
 * The token store lives in `token-store/` (the store, its expiry heap, its owners' use order and
 * its tombstones); this path stays for the modules and tests that import it.
 */
export * from './token-store/index.js';
