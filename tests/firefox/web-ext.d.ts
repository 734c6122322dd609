// Types for the parts of web-ext 10's programmatic API that the tests use. The package has none.
declare module 'web-ext' {
  interface LintMessage {
    code: string;
    message: string;
    file?: string;
    line?: number;
    column?: number;
  }

  interface LintReport {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }

  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output?: 'text' | 'json'; warningsAsErrors?: boolean },
        options?: { shouldExitProgram?: boolean },
      ): Promise<LintReport>;
    };
  };
  export default webExt;
  export type { LintMessage, LintReport };
}
