import type { z } from "zod";
export type PathSegment = string | number;
/** `resources[12].props.cidrBlock` */
export declare function formatPath(path: readonly PropertyKey[]): string;
/** zod's message without its generic "Invalid input: " prefix. */
export declare function issueMessage(issue: z.core.$ZodIssue): string;
export interface Position {
  line: number;
  column: number;
}
/** Line and column (1-based) of a character offset. */
export declare function positionOf(text: string, offset: number): Position;
/**
 * Where a path points inside a JSON or YAML text: the deepest node of the path that exists.
 * Only called on the error path, so re-parsing the text for positions costs nothing in a clean run.
 */
export declare function locatePath(
  text: string,
  path: readonly PropertyKey[],
  maxBytes?: number,
): Position | undefined;
/**
 * The offset where a JSON text stops being valid, found by a small scanner. Only called after
 * JSON.parse has failed: V8's messages do not always carry a position. `atEnd` is true when the
 * text simply stops (a truncated file).
 */
export declare function jsonErrorOffset(text: string): {
  offset: number;
  atEnd: boolean;
};
