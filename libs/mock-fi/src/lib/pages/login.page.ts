import { html, type SafeHtml } from '@federation/dsfr-pages';
import { EIDAS_LABELS, type EidasLevel } from '@federation/identity';
import type { MockIdentityProviderDefinition } from '../identity-providers';
import { renderMockFiPage } from './layout';
import { testCitizensTable } from './test-citizens-table';

export type LoginField = 'login' | 'password' | 'acr';

export interface LoginPageModel {
  fi: MockIdentityProviderDefinition;
  /** Where the form posts (the interaction URL). */
  action: string;
  csrfToken: string;
  selectedAcr: EidasLevel;
  login?: string;
  /** French messages, each shown under its field. */
  errors?: Partial<Record<LoginField, string>>;
}

export function renderLoginPage(model: LoginPageModel): string {
  const errors = model.errors ?? {};
  const firstError = (['login', 'password', 'acr'] as const).find(
    (field) => errors[field],
  );
  const field = (name: LoginField) => ({
    error: errors[name],
    autofocus: firstError === name || (!firstError && name === 'login'),
  });

  return renderMockFiPage({
    serviceName: model.fi.name,
    title: `${firstError ? 'Erreur : ' : ''}Connexion`,
    main: html`<div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-lg-5">
        <h1>${model.fi.name}</h1>
        <p class="fr-text--lead">Connexion (service de démonstration)</p>
        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-4w">
          <p>
            Ce fournisseur d’identité sert aux développements et aux tests : n’y
            saisissez jamais de vraies données.
          </p>
        </div>
        <form method="post" action="${model.action}" novalidate>
          <input type="hidden" name="csrf" value="${model.csrfToken}" />
          <fieldset class="fr-fieldset" aria-labelledby="login-legend">
            <legend class="fr-fieldset__legend" id="login-legend">
              Vos identifiants de démonstration
            </legend>
            <div class="fr-fieldset__element">
              ${inputGroup({
                name: 'login',
                label: 'Identifiant',
                hint: 'Par exemple : test',
                type: 'text',
                autocomplete: 'username',
                value: model.login ?? '',
                ...field('login'),
              })}
            </div>
            <div class="fr-fieldset__element">
              ${inputGroup({
                name: 'password',
                label: 'Mot de passe',
                hint: `Tous les comptes de test utilisent le mot de passe 123`,
                type: 'password',
                autocomplete: 'current-password',
                value: '',
                ...field('password'),
              })}
            </div>
            <div class="fr-fieldset__element">
              ${acrSelect(model.fi.acrValues, model.selectedAcr, field('acr'))}
            </div>
          </fieldset>
          <button class="fr-btn" type="submit">Se connecter</button>
        </form>
      </div>
      <div class="fr-col-12 fr-col-lg-7">
        <h2 class="fr-h4">Comptes de test</h2>
        ${testCitizensTable()}
      </div>
    </div>`,
  });
}

function inputGroup(options: {
  name: LoginField;
  label: string;
  hint: string;
  type: 'text' | 'password';
  autocomplete: string;
  value: string;
  error?: string;
  autofocus: boolean;
}): SafeHtml {
  const { name, error } = options;
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return html`<div
    class="fr-input-group${error ? ' fr-input-group--error' : ''}"
  >
    <label class="fr-label" for="${name}"
      >${options.label}<span class="fr-hint-text" id="${hintId}"
        >${options.hint}</span
      ></label
    >
    <input
      class="fr-input${error ? ' fr-input--error' : ''}"
      type="${options.type}"
      id="${name}"
      name="${name}"
      value="${options.value}"
      autocomplete="${options.autocomplete}"
      required
      spellcheck="false"
      aria-describedby="${error ? `${hintId} ${errorId}` : hintId}"
      ${error ? html` aria-invalid="true"` : ''}${options.autofocus
        ? html` autofocus`
        : ''}
    />
    ${error ? html`<p class="fr-error-text" id="${errorId}">${error}</p>` : ''}
  </div>`;
}

function acrSelect(
  levels: readonly EidasLevel[],
  selected: EidasLevel,
  state: { error?: string; autofocus: boolean },
): SafeHtml {
  const { error } = state;
  return html`<div
    class="fr-select-group${error ? ' fr-select-group--error' : ''}"
  >
    <label class="fr-label" for="acr"
      >Niveau de garantie eIDAS renvoyé<span class="fr-hint-text" id="acr-hint"
        >Valeur du claim « acr » transmise au service</span
      ></label
    >
    <select
      class="fr-select${error ? ' fr-select--error' : ''}"
      id="acr"
      name="acr"
      aria-describedby="${error ? 'acr-hint acr-error' : 'acr-hint'}"
      ${error ? html` aria-invalid="true"` : ''}${state.autofocus
        ? html` autofocus`
        : ''}
    >
      ${levels.map(
        (level) =>
          html`<option
            value="${level}"
            ${level === selected ? html` selected` : ''}
          >
            ${acrOptionLabel(level)}
          </option>`,
      )}
    </select>
    ${error ? html`<p class="fr-error-text" id="acr-error">${error}</p>` : ''}
  </div>`;
}

/** "eidas2 — niveau substantiel": the value the FI returns, and what it means. */
function acrOptionLabel(level: EidasLevel): string {
  return `${level} — niveau ${EIDAS_LABELS[level].toLowerCase()}`;
}
