/**
 * Runs background tasks one at a time, in the order added; a failing task is logged and the
 * next one still runs. `idle()` resolves once everything added so far has finished.
 */
export function createSerialQueue(onError: (error: unknown) => void) {
  let tail: Promise<void> = Promise.resolve();
  return {
    add(task: () => Promise<void>): Promise<void> {
      tail = tail.then(task).catch(onError);
      return tail;
    },
    idle: () => tail,
  };
}
