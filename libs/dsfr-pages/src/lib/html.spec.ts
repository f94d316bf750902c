import { html, raw } from './html';
import { renderErrorPage } from './layout';

describe('html', () => {
  it('escapes interpolated values', () => {
    expect(html`<p>${'<script>alert(1)</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('keeps nested safe fragments and joins lists', () => {
    const items = ['a&b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul><hr>');
  });
});

describe('renderErrorPage', () => {
  it('shows the French message, the stable code and the way out', () => {
    const page = renderErrorPage({
      serviceName: 'Fédération d’identité',
      code: 'Y000001',
      title: 'Connexion impossible',
      message: 'Votre session a expiré.',
      action: { label: 'Revenir au service', href: 'https://fs.example/' },
    });
    expect(page).toContain('<html lang="fr"');
    expect(page).toContain('Votre session a expiré.');
    expect(page).toContain('Y000001');
    expect(page).toContain('href="https://fs.example/"');
  });
});
