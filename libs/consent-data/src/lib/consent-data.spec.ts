import { consentData } from './consent-data';

describe('consentData', () => {
  it('should work', () => {
    expect(consentData()).toEqual('consent-data');
  });
});
