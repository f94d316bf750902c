import { queue } from './queue';

describe('queue', () => {
  it('should work', () => {
    expect(queue()).toEqual('queue');
  });
});
