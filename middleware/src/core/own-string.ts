// The export reader's cells are slices of the 1 MB piece of the file they came from: V8 keeps a
// substring of 13 characters or more as a view on its parent instead of a copy. A structure that
// keeps a cell past its row (a sample Id, a map key) would keep that whole piece alive, and a few
// such cells per piece keep the file. ownString gives the structure a copy of its own.

/** A copy of `text` that shares no memory with the string it was cut from. */
export function ownString(text: string): string {
  // Prepending makes a new string that V8 flattens into fresh memory before slicing it.
  return ` ${text}`.slice(1);
}
