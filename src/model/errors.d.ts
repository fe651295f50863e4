/**
 * A mistake in the user's input (a file, a flag, an AWS error the user can fix): reported as one
 * paragraph naming where and how to fix it, with exit code 2, never as a stack trace.
 */
export declare class InputError extends Error {
  readonly where?:
    | {
        file: string;
        line?: number;
        column?: number;
      }
    | undefined;
  readonly fix?: string | undefined;
  readonly details: string[];
  readonly name = "InputError";
  constructor(
    message: string,
    where?:
      | {
          file: string;
          line?: number;
          column?: number;
        }
      | undefined,
    fix?: string | undefined,
    details?: string[],
  );
  /** `file:line:column: message` then the details, then how to fix it. */
  format(): string;
}
/**
 * Reads a user-named input file; a missing file, a directory or unreadable file is an InputError that
 * says what the file was meant to be (`what`: "snapshot", "spec", "baseline") and how to fix it.
 */
export declare function readInputFile(file: string, what: string, fix: string): Promise<string>;
