//@ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // react-dsfr and tsafe ship ES modules; Next (and next/jest, which reads this list) must compile them.
  transpilePackages: ['@codegouvfr/react-dsfr', 'tsafe'],
  // Several `next dev` side by side (one per developer task) each need their own output folder.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
};

module.exports = nextConfig;
