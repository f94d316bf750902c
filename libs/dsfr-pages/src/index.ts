export * from './lib/assets';
export * from './lib/html';
export * from './lib/layout';
