export { loadConfig, ConfigError, type Config, type S3StorageConfig } from './config';
