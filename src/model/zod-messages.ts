import { en } from "zod/locales";
import { config } from "zod/mini";

// asbuilt's schemas are built with zod/mini: classic zod cannot be tree-shaken (every schema carries every
// method), so a command compiled all ~400 KB of it at start-up; mini's functions bundle only what the
// schemas use. Mini comes without messages; this gives it classic's English ones ("Too small: expected
// string to have >=1 characters"), which error messages and their tests quote. Every module that defines
// schemas imports this file, so no parse can run before it.
config(en());
