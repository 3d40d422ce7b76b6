export function checkRelease() { throw new Error("todo"); }
