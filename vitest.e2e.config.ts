import { defineConfig } from 'vitest/config';

// End-to-end tests in real Chromium. Run them inside a loopback-only network namespace:
//   unshare -n sh -c 'ip link set lo up; npx vitest run --config vitest.e2e.config.ts'
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // Child processes, not worker threads: native WebRTC (@roamhq/wrtc) must not share a process
    // with the runner's threads.
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
