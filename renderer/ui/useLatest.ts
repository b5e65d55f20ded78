import { useRef } from 'react';

/**
 * Requests of which only the last one counts: an answer (or failure) that comes back after a newer
 * request was made is dropped, so a slow search never overwrites the results of a later one.
 */
export function useLatest() {
  const ticket = useRef(0);
  return async function latest<T>(request: () => Promise<T>, onAnswer: (value: T) => void, onError: (err: unknown) => void): Promise<void> {
    const mine = ++ticket.current;
    try {
      const value = await request();
      if (mine !== ticket.current) return;
      onAnswer(value);
    } catch (err) {
      if (mine === ticket.current) onError(err);
    }
  };
}
