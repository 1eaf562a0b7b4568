// Jest global teardown: stops the throwaway PostgreSQL cluster the setup started.
export { teardown as default } from './postgres-server.js';
