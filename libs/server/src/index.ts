export * from './lib/bootstrap';
export * from './lib/health/health-indicators';
export * from './lib/health/health.module';
export * from './lib/logger.module';
export * from './lib/redis.module';
