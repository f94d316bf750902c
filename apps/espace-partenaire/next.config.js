//@ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // react-dsfr and tsafe ship ES modules; Next (and next/jest, which reads this list) must compile them.
  transpilePackages: ['@codegouvfr/react-dsfr', 'tsafe'],
};

module.exports = nextConfig;
