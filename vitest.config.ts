import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          // One Chromium at a time: the machine has 2 cores and managed-policy tests
          // change /etc/chromium/policies, which every browser on the machine reads.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // firefox.e2e.ts talks WebDriver BiDi over Node's WebSocket, behind a flag on Node 20.
          execArgv: ['--experimental-websocket'],
        },
      },
    ],
  },
});
