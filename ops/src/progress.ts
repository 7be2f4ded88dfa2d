/**
 * A progress bar on stderr for long work, drawn only on a terminal: stdout stays the command's
 * answer (one JSON document with `--json`), and logs and pipes get no control characters.
 */
export const progressBar = (stream: NodeJS.WriteStream, what: string) => {
  if (!stream.isTTY) return () => {};
  return (done: number, of: number) => {
    const width = 30;
    const filled = of === 0 ? width : Math.round((done / of) * width);
    stream.write(`\r${what} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${of}`);
    if (done === of) stream.write('\n');
  };
};
