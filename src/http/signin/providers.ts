import * as oidc from 'openid-client';
import { ROLE_ORGANISATIONS, type Membership } from '../../core/access.js';
import { displayName, mapClaims, type Claims } from '../../core/signin/claims.js';
import type { RoleMapping, SignInProvider } from '../../core/signin/providers.js';
import type { Person } from '../../core/signin/sessions.js';
import type { SignInFlow } from '../../core/signin/schema.js';
import { messageOf } from '../../core/thrown.js';

const SETTING = 'KOHTAANTO_SIGNIN_PROVIDERS_FILE';

/** What the browser carries between the start of a sign-in and its callback (a short-lived cookie). */
export type { SignInFlow };

/** A provider's answer: the person and their claims (mapped or not), and the tokens to keep. */
export interface ProviderAnswer {
  subject: string;
  name: string;
  /** The person as the mapping places them, or undefined when their claims map to nothing. */
  person: Person | undefined;
  idToken: string;
  refreshToken?: string;
}

/** One provider after discovery: openid-client's configuration (metadata, keys, checks) and ours. */
class IdentityProvider {
  constructor(
    readonly settings: SignInProvider,
    private readonly client: oidc.Configuration,
    /** The claim-to-role mappings as they are now (the database's, edited by admins). */
    private readonly mappings: () => Promise<readonly RoleMapping[]>,
  ) {}

  get endsSessions(): boolean {
    return typeof this.client.serverMetadata().end_session_endpoint === 'string';
  }

  /** Where the browser goes to sign in, and what to check when it comes back (PKCE S256, state, nonce). */
  async start(): Promise<{ url: URL; flow: SignInFlow }> {
    const verifier = oidc.randomPKCECodeVerifier();
    const flow: SignInFlow = { provider: this.settings.id, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier };
    const url = oidc.buildAuthorizationUrl(this.client, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url, flow };
  }

  /**
   * The callback: openid-client checks the state, the issuer of the response, exchanges the code
   * with the PKCE verifier and validates the ID token (signature by the provider's published keys,
   * iss, aud, exp, iat, nonce) before any claim is read.
   */
  async finish(callbackUrl: URL, flow: SignInFlow): Promise<ProviderAnswer> {
    const tokens = await oidc.authorizationCodeGrant(this.client, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    return this.answer(tokens);
  }

  /** The re-check: the refresh token gives a new ID token (validated as at sign-in) and the claims as they are now. */
  async refresh(refreshToken: string, subject: string): Promise<ProviderAnswer> {
    const tokens = await oidc.refreshTokenGrant(this.client, refreshToken);
    const answer = await this.answer(tokens, subject);
    return { ...answer, refreshToken: tokens.refresh_token ?? refreshToken };
  }

  endSessionUrl(idToken: string): URL {
    return oidc.buildEndSessionUrl(this.client, {
      id_token_hint: idToken,
      ...(this.settings.postSignOutUrl ? { post_logout_redirect_uri: this.settings.postSignOutUrl } : {}),
    });
  }

  private async answer(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers, expectedSubject?: string): Promise<ProviderAnswer> {
    const idClaims = tokens.claims();
    if (!tokens.id_token || !idClaims) throw new Error('the provider answered without an ID token');
    if (expectedSubject !== undefined && idClaims.sub !== expectedSubject) throw new Error('the provider answered for another person');
    // Providers put groups in the ID token (Entra ID, Keycloak with a mapper) or only behind the
    // userinfo endpoint (a code flow's ID token may carry only sub): both are read.
    let claims: Claims = { ...idClaims };
    if (this.client.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(this.client, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    }
    const name = displayName(claims);
    const mapped = mapClaims(claims, this.settings.claim, await this.mappings());
    return {
      subject: idClaims.sub,
      name,
      person: mapped && { provider: this.settings.id, subject: idClaims.sub, name, organisation: mapped.organisation, role: mapped.role },
      idToken: tokens.id_token,
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
    };
  }
}

export type { IdentityProvider };

/**
 * Reads every provider's discovery document and checks the mapping against the organisations: a
 * provider that cannot be reached, an issuer that does not match, an unknown organisation or a role
 * its kind does not hold stop the start with a message naming the setting and the provider.
 */
export async function discoverProviders(
  providers: readonly SignInProvider[],
  organisation: (id: string) => Promise<Membership | undefined>,
  /** A provider's mappings as they are at each sign-in (default: the providers file's). */
  mappingsOf: (provider: string) => Promise<readonly RoleMapping[]> = async (id) => providers.find((p) => p.id === id)?.roles ?? [],
): Promise<Map<string, IdentityProvider>> {
  const found = new Map<string, IdentityProvider>();
  for (const [i, p] of providers.entries()) {
    const where = `${SETTING}: provider '${p.id}' (${i})`;
    for (const [j, r] of p.roles.entries()) {
      const o = await organisation(r.organisation);
      if (!o) throw new Error(`${where}.roles.${j}: organisation '${r.organisation}' does not exist (create it first: npm run keys)`);
      if (!ROLE_ORGANISATIONS[r.role].includes(o.kind)) {
        throw new Error(`${where}.roles.${j}: role '${r.role}' is not held in an organisation of kind '${o.kind}' (it is in ${ROLE_ORGANISATIONS[r.role].join(', ')})`);
      }
    }
    const issuer = new URL(p.issuer);
    let client: oidc.Configuration;
    try {
      client = await oidc.discovery(
        issuer,
        p.clientId,
        { client_secret: p.clientSecret, redirect_uris: [p.redirectUrl], response_types: ['code'] },
        oidc.ClientSecretBasic(p.clientSecret),
        // The ID token's signature is checked against the provider's published keys (jwks_uri), not
        // only trusted for arriving over TLS from the token endpoint (openid-client's default).
        { execute: [oidc.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [])], timeout: 10 },
      );
    } catch (error) {
      throw new Error(`${where}.issuer: the discovery document of ${p.issuer} could not be read (${messageOf(error)})`);
    }
    found.set(p.id, new IdentityProvider(p, client, () => mappingsOf(p.id)));
  }
  return found;
}
