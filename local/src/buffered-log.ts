/**
 * The platform's log for a terminal or a file: lines are written together once per turn of the
 * event loop rather than one write per line. Writes to files and terminals are synchronous in
 * Node, and under load the functions print thousands of lines a second, each a system call on the
 * thread that also serves every AWS call. Lines keep their order; none is held back longer than
 * the turn, and whatever is pending when the process exits is written then.
 */
export const bufferedLog = (
  write: (text: string) => void = (text) => process.stdout.write(text),
) => {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    write(text);
  };
  process.on('exit', flush);
  return (line: string) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(line);
  };
};
