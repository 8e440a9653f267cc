export * from './errors';
export * from './roles';
export * from './contract';
export * from './domain/org';
export * from './domain/account';
export * from './domain/concern';
export * from './domain/notify';
export * from './actions/index';
