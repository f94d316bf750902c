/** Shared by the header and the footer: the Marianne block and the link back to the home page. */
export const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

export const homeLinkProps = {
  href: '/',
  title: 'Accueil - Espace Partenaire - République Française',
};
