export * from './accounts';
export * from './audit';
export * from './channels';
export * from './posts';
export * from './campaigns';
export * from './charter';
