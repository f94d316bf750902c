/// <reference types="@nx/next/typings/style.d.ts" />
/* eslint-disable @typescript-eslint/no-explicit-any */
declare module '*.svg' {
  const content: any;
  export const ReactComponent: any;
  export default content;
}

/** Next aliases `server-only` at build time (a module that must never reach the browser bundle). */
declare module 'server-only';
