import { coreData } from './core-data';

describe('coreData', () => {
  it('should work', () => {
    expect(coreData()).toEqual('core-data');
  });
});
