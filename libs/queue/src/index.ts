export * from './lib/job-consumer';
export * from './lib/job-id';
export * from './lib/job-publisher';
export * from './lib/queue-options';
export * from './lib/queue.module';
export * from './lib/queues';
export * from './lib/queue-metrics';
