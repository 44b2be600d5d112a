// The package version; a test keeps it equal to package.json's and the CLI's.
export const version = '0.1.0';
