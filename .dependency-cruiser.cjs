/** Import rules of DESIGN.md, checked in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure rules: it imports nothing of ours outside domain/, and no I/O module',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|dgram|dns|tls|worker_threads)$' },
    },
    {
      name: 'contracts-only-zod',
      comment: 'contracts/ imports only zod and other contracts',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { pathNot: '^(src/contracts/|node_modules/zod/)' },
    },
    {
      name: 'services-not-http-or-adapters',
      severity: 'error',
      from: { path: '^src/server/services/' },
      to: { path: '^src/server/(http|adapters|main)/' },
    },
    {
      name: 'repositories-not-services',
      severity: 'error',
      from: { path: '^src/server/repositories/' },
      to: { path: '^src/server/(services|http|adapters|main|jobs)/' },
    },
    {
      name: 'adapters-not-services',
      severity: 'error',
      from: { path: '^src/server/adapters/' },
      to: { path: '^src/server/(services|http|main|jobs)/' },
    },
    {
      name: 'migrations-frozen',
      comment: 'migrations never import app code',
      severity: 'error',
      from: { path: '^src/server/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/server/db/migrations/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|domain)/' },
    },
    {
      name: 'config-reads-env',
      comment: 'only server/config reads process.env (checked by grep in .ci/run); nothing imports main/ but main',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/server/main/' },
      to: { path: '^src/server/main/' },
    },
    { name: 'no-circular', comment: 'type-only cycles (deps <-> hooks) vanish at run time', severity: 'error', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.test\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
