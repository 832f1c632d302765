// The channels ClientGuard intercepts (issue: paste, drop, file inputs, form submission,
// composer actions). A new interception file must be added here and to the registry.
export const INTERCEPTOR_FILES = ['composer.ts', 'drop.ts', 'file-input.ts', 'form-submit.ts', 'paste.ts'] as const;
