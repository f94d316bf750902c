import { partnersData } from './partners-data';

describe('partnersData', () => {
  it('should work', () => {
    expect(partnersData()).toEqual('partners-data');
  });
});
