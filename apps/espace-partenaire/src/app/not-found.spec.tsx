import { render, screen } from '@testing-library/react';

import NotFoundPage from './not-found';

describe('Not found page', () => {
  it('tells the visitor in French that the page does not exist and leads back home', () => {
    // Given a visitor who followed a broken link
    // When the not-found page is rendered
    render(<NotFoundPage />);

    // Then it explains the error and offers the way back to the home page
    expect(
      screen.getByRole('heading', { level: 1, name: 'Page non trouvée' }),
    ).toBeTruthy();
    expect(screen.getByText('Erreur 404')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Page d’accueil' }).getAttribute('href'),
    ).toBe('/');
  });
});
