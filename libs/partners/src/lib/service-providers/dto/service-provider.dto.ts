import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  CLIENT_AUTH_METHODS,
  ID_TOKEN_SIGNING_ALGS,
  type ClientAuthMethod,
  type ClientSecretView,
  type IdTokenSigningAlg,
  type IssuedSecretView,
  type PublicationStatus,
  type PublicationView,
  type ServiceProviderEnvironment,
  type ServiceProviderView,
} from '@federation/partners-contracts';
import { Trimmed } from '../../habilitations/content/transforms';
import { MAX_URI_LENGTH } from '../client-uris';

/** Each string of a list trimmed (typing accidents); anything else is left for the validators to refuse. */
export const TrimmedEach = () =>
  Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value));

const URI_LIST_MESSAGE = 'Ce champ doit être une liste d’adresses.';
const URI_MESSAGE = 'Chaque adresse doit être du texte.';

/**
 * The sandbox configuration a member may change: only what is given changes. The URIs are checked
 * by the service (each one named in the errors: `redirectUris.1`), after the shapes checked here.
 */
export class UpdateServiceProviderDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200, example: 'Portail famille (recette)' })
  @ValidateIf((dto: UpdateServiceProviderDto) => dto.name !== undefined)
  @Trimmed()
  @IsString({ message: 'Le nom du service doit être du texte.' })
  @Length(2, 200, { message: 'Le nom du service doit comporter entre 2 et 200 caractères.' })
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 10,
    example: ['https://portail.mairie-exemple.fr/login-callback'],
    description: 'Adresses absolues en https (http seulement pour localhost, 127.0.0.1, [::1]), sans fragment, joker ni identifiant ; 1 à 10, sans doublon.',
  })
  @ValidateIf((dto: UpdateServiceProviderDto) => dto.redirectUris !== undefined)
  @TrimmedEach()
  @IsArray({ message: URI_LIST_MESSAGE })
  @IsString({ each: true, message: URI_MESSAGE })
  redirectUris?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 10, example: ['https://portail.mairie-exemple.fr/logout-callback'], description: 'Mêmes règles ; 0 à 10.' })
  @ValidateIf((dto: UpdateServiceProviderDto) => dto.postLogoutRedirectUris !== undefined)
  @TrimmedEach()
  @IsArray({ message: URI_LIST_MESSAGE })
  @IsString({ each: true, message: URI_MESSAGE })
  postLogoutRedirectUris?: string[];

  @ApiPropertyOptional({ enum: ID_TOKEN_SIGNING_ALGS })
  @ValidateIf((dto: UpdateServiceProviderDto) => dto.idTokenSignedResponseAlg !== undefined)
  @IsIn(ID_TOKEN_SIGNING_ALGS, { message: 'Choisissez l’algorithme de signature parmi ES256 et RS256.' })
  idTokenSignedResponseAlg?: IdTokenSigningAlg;

  @ApiPropertyOptional({ enum: CLIENT_AUTH_METHODS, description: 'private_key_jwt demande une adresse JWKS (jwksUri).' })
  @ValidateIf((dto: UpdateServiceProviderDto) => dto.tokenEndpointAuthMethod !== undefined)
  @IsIn(CLIENT_AUTH_METHODS, { message: 'Choisissez la méthode d’authentification parmi client_secret_basic, client_secret_post et private_key_jwt.' })
  tokenEndpointAuthMethod?: ClientAuthMethod;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://portail.mairie-exemple.fr/.well-known/jwks.json', description: 'null pour la retirer.' })
  @ValidateIf((dto: UpdateServiceProviderDto) => dto.jwksUri !== undefined && dto.jwksUri !== null)
  @Trimmed()
  @IsString({ message: 'L’adresse JWKS doit être du texte.' })
  @MaxLength(MAX_URI_LENGTH + 1, { message: 'Cette adresse est trop longue.' })
  jwksUri?: string | null;
}

export class RevokeServiceProviderDto {
  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'Le motif, gardé avec le client et au journal d’audit.' })
  @Trimmed()
  @IsString({ message: 'Le motif doit être du texte.' })
  @Length(10, 5000, { message: 'Expliquez la révocation en 10 à 5 000 caractères.' })
  reason!: string;
}

/** OpenAPI shapes of the answers; each implements its contract so the two cannot drift apart. */

export class ClientSecretResponse implements ClientSecretView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Xy9Q', description: 'Les 4 derniers caractères : le secret lui-même n’est jamais renvoyé.' }) last4!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null : le secret en cours ; sinon, il cesse de fonctionner à cette date.' })
  notAfter!: string | null;
}

export class PublicationResponse implements PublicationView {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['pending', 'published', 'failed'] }) status!: PublicationStatus;
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class ServiceProviderResponse implements ServiceProviderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) habilitationId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ enum: ['sandbox', 'production'] }) environment!: ServiceProviderEnvironment;
  @ApiProperty({ description: 'Public et stable.' }) clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) redirectUris!: string[];
  @ApiProperty({ type: [String] }) postLogoutRedirectUris!: string[];
  @ApiProperty({ type: String, nullable: true }) connectPageUrl!: string | null;
  @ApiProperty({ enum: ID_TOKEN_SIGNING_ALGS }) idTokenSignedResponseAlg!: IdTokenSigningAlg;
  @ApiProperty({ enum: CLIENT_AUTH_METHODS }) tokenEndpointAuthMethod!: ClientAuthMethod;
  @ApiProperty({ type: String, nullable: true }) jwksUri!: string | null;
  @ApiProperty({ type: [String], example: ['openid', 'given_name', 'family_name'] }) scopes!: string[];
  @ApiProperty({ enum: ['eidas1', 'eidas2', 'eidas3'] }) maxEidasLevel!: 'eidas1' | 'eidas2' | 'eidas3';
  @ApiProperty({ enum: ['active', 'revoked'] }) status!: 'active' | 'revoked';
  @ApiProperty({ type: String, nullable: true }) revocationReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty() configVersion!: number;
  @ApiProperty({ type: [ClientSecretResponse], description: 'Du plus récent au plus ancien.' }) secrets!: ClientSecretResponse[];
  @ApiProperty({ type: PublicationResponse, nullable: true, description: 'La publication de la version en cours au cœur.' }) publication!: PublicationResponse | null;
  @ApiProperty({ description: 'Les membres peuvent modifier la configuration (bac à sable actif seulement).' }) editable!: boolean;
  @ApiProperty({ example: 168, description: 'Après un renouvellement, durée (heures) pendant laquelle l’ancien secret reste accepté.' }) secretOverlapHours!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class IssuedSecretResponse implements IssuedSecretView {
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'Montré cette seule fois : il n’est conservé nulle part en clair.' }) clientSecret!: string;
  @ApiProperty() last4!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Quand le secret précédent cesse de fonctionner (rotation), ou null.' })
  previousSecretNotAfter!: string | null;
  @ApiProperty({ type: ServiceProviderResponse }) serviceProvider!: ServiceProviderResponse;
}
