import { describe, expect, it } from 'vitest';
import { blockFor, drop } from '../src/resources.js';

/** A monotonic clock whose pollables record what is done with them. */
function recordingClock(block: () => void = () => {}) {
  const events: string[] = [];
  const clock = {
    subscribeDuration(nanoseconds: bigint) {
      events.push(`subscribe ${nanoseconds}`);
      return {
        block: () => {
          events.push('block');
          block();
        },
        [Symbol.dispose]: () => events.push('drop'),
      };
    },
  };
  return { clock, events };
}

describe('blockFor', () => {
  it('waits on a pollable of the duration, then drops it', () => {
    const { clock, events } = recordingClock();
    blockFor(clock, 25);
    expect(events).toEqual(['subscribe 25000000', 'block', 'drop']);
  });

  it('drops the pollable when the wait fails, and rounds a negative or fractional duration', () => {
    const { clock, events } = recordingClock(() => {
      throw new Error('trap');
    });
    expect(() => blockFor(clock, -3.7)).toThrow('trap');
    expect(events).toEqual(['subscribe 0', 'block', 'drop']);
  });
});

describe('drop', () => {
  it('disposes a resource and leaves anything else alone', () => {
    const events: string[] = [];
    drop({ [Symbol.dispose]: () => events.push('dropped') });
    drop(undefined);
    drop({});
    expect(events).toEqual(['dropped']);
  });
});
