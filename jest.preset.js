const nxPreset = require('@nx/jest/preset').default;

/**
 * Tests are transpiled with SWC (fast, keeps Nest decorator metadata); type-checking is the
 * separate `typecheck` target, so a type error still fails `npm test`.
 */
module.exports = {
  ...nxPreset,
  // Integration tests talk to real PostgreSQL, Redis and SMTP.
  testTimeout: 30_000,
  // ESM-only packages (OpenID libraries) are transpiled to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(oidc-provider|openid-client|oauth4webapi|jose)/)'],
  transform: {
    '^.+\\.m?[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};
