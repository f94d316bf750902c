export { z } from 'zod';
export * from './lib/load-config';
export * from './lib/sections';
export * from './lib/secrets';
